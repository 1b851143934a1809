// Worker threads and CLI tests run the compiled JavaScript in dist/, so the suite compiles first:
// a stale dist/ would otherwise test yesterday's code. The tests themselves are type-checked too
// (vitest only strips their types), under the same strict options.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export default function build(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['tsconfig.json', 'tsconfig.tests.json', 'web/tsconfig.json']) {
    execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
  }
}

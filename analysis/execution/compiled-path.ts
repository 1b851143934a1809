// Worker threads run JavaScript, not TypeScript. When this code itself runs from source (vitest
// loads the .ts files), a module URL computed next to the source, such as './worker-entry.js',
// does not exist; its compiled twin under dist/ does. This maps the one to the other, and says how
// to build when neither exists.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the compiled JavaScript for a module URL: the file itself if it exists, else the
 * same path under <package root>/dist/ (the tsconfig's outDir, with rootDir at the package root).
 */
export function compiledModulePath(moduleUrl: string | URL): string {
  const file = fileURLToPath(moduleUrl);
  if (existsSync(file)) return file;
  const root = packageRootOf(path.dirname(file));
  if (root !== null) {
    const compiled = path.join(root, 'dist', path.relative(root, file));
    if (existsSync(compiled)) return compiled;
  }
  throw new Error(`compiled module ${file} not found (nor under dist/); expected it to exist: run \`npx tsc -p tsconfig.json\` first`);
}

function packageRootOf(start: string): string | null {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

// The version printed in manifests and reports: the package's own, so a cited figure names the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../scenarios/files.js';

let cached: string | undefined;

export function thuiszitVersion(): string {
  cached ??= (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}

// The version printed in manifests and reports, and stamped on every plan: the package's own, so a
// cited figure names the code, plus a fingerprint of the compiled model, so results stored by a
// different build (even one that forgot to bump the package version) are never mixed in.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../scenarios/files.js';
import { sha256Hex } from '../scenarios/canonical.js';
import { compiledModulePath } from './execution/compiled-path.js';

let cached: string | undefined;
let cachedModel: string | undefined;

export function thuiszitVersion(): string {
  cached ??= (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}

/** Which code produced a plan's results. */
export interface ToolVersion {
  version: string;
  /** First 16 hex digits of the sha256 over the compiled sim/ files (path and content), as the workers run them. */
  model: string;
}

export function toolVersion(): ToolVersion {
  return { version: thuiszitVersion(), model: modelFingerprint() };
}

export function describeTool(tool: ToolVersion): string {
  return `thuiszit ${tool.version} (model ${tool.model})`;
}

function modelFingerprint(): string {
  if (cachedModel !== undefined) return cachedModel;
  // The JavaScript the worker threads load (under dist/ when this runs from source), not the source.
  const simDir = path.dirname(path.dirname(compiledModulePath(new URL('../sim/model/replication.js', import.meta.url))));
  const files = (readdirSync(simDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const parts = files.map((file) => `${path.relative(simDir, file)}\n${readFileSync(file, 'utf8')}`);
  cachedModel = sha256Hex(parts.join('\n')).slice(0, 16);
  return cachedModel;
}

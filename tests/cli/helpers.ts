// Shared by the command tests: temporary folders, running the compiled CLI, reading output folders.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function temporaryDir(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `thuiszit-${label}-`));
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[]): CliResult {
  const result = spawnSync(process.execPath, [path.join(root, 'dist', 'bin', 'thuiszit.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below a folder, by relative path, with its bytes as text. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** The outputs that must not depend on how the work was run (the manifest records timings and the command line). */
export function reproducibleOutputs(dir: string): Map<string, string> {
  const varying = new Set(['manifest.json', 'report-input.json', 'report.html']);
  return new Map([...readTree(dir)].filter(([name]) => !varying.has(name) && !name.endsWith('.vl.json')));
}

export const quietExecution = { workers: 1, quiet: true, resume: false, shard: null } as const;

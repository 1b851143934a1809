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

/** Without the fields named: what is left must be byte-identical however the work was run. */
function withoutFields(json: string, fields: readonly string[]): string {
  const value = JSON.parse(json) as Record<string, unknown>;
  for (const field of fields) {
    if (!(field in value)) throw new Error(`expected a '${field}' field to leave out`);
    delete value[field];
  }
  return JSON.stringify(value, null, 2);
}

/**
 * Every output, with only what may differ between a single run, a merge and a resume left out: the
 * command line (manifest, report-input.json and the report's Command line) and the wall time.
 */
export function reproducibleOutputs(dir: string): Map<string, string> {
  const normalise = (name: string, text: string): string => {
    if (name === 'manifest.json') return withoutFields(text, ['command', 'timings']);
    if (name === 'report-input.json') return withoutFields(text, ['command']);
    if (name === 'report.html') return text.replace(/<dt>Command<\/dt><dd><code>[^<]*<\/code><\/dd>/, '');
    return text;
  };
  return new Map([...readTree(dir)].map(([name, text]) => [name, normalise(name, text)]));
}

export const quietExecution = { workers: 1, quiet: true, resume: false, shard: null } as const;

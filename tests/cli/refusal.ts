// Shared by the bad-input tests: a folder holding a real earlier run's outputs, and the checks every
// refusal must pass (non-zero exit, one message naming option, value and expectation, no success
// line, the earlier outputs untouched).
import { spawn } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { readTree, root, runCli, temporaryDir, type CliResult } from './helpers.js';

export interface EarlierOutputs {
  dir: string;
  /** Every file and its bytes before the bad command ran. */
  before: Map<string, string>;
}

/**
 * A folder as a user has it after a good run (one replication keeps it under a second), plus a
 * sentinel of our own, so a command that cleared or rewrote the folder would be caught.
 */
export function earlierOutputs(label: string): EarlierOutputs {
  const dir = temporaryDir(label);
  const made = runCli(['run', '--scenario', 'baseline', '--replications', '1', '--seed', '5', '--workers', '1', '--quiet', '--out', dir]);
  expect(made.status, made.stderr).toBe(0);
  writeFileSync(path.join(dir, 'sentinel.txt'), 'kept by the user\n');
  const before = readTree(dir);
  expect([...before.keys()]).toEqual(['.thuiszit-complete.json', 'goal.json', 'manifest.json', 'replications.csv', 'report-input.json', 'sentinel.txt', 'summary.json', 'weekly.csv', 'yearly.csv']);
  return { dir, before };
}

/** A fresh copy of the earlier outputs, so cases can run side by side without sharing a folder. */
export function copyOf(earlier: EarlierOutputs, label: string): EarlierOutputs {
  const dir = temporaryDir(label);
  cpSync(earlier.dir, dir, { recursive: true });
  return { dir, before: earlier.before };
}

/**
 * runCli without blocking, so concurrent tests overlap the ~0.5 s each node start-up costs. With a
 * time limit the process is killed when it runs over (status null): a refusal must come at once.
 */
export function runCliAsync(args: readonly string[], timeoutMs?: number): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'bin', 'thuiszit.js'), ...args], {
      cwd: root,
      env: { ...process.env, CI: 'true' },
      ...(timeoutMs === undefined ? {} : { timeout: timeoutMs, killSignal: 'SIGKILL' as const }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The refusal itself: a failing exit status, nothing on stdout, and every pattern in stderr. */
export function expectRefusal(result: CliResult, patterns: readonly RegExp[]): void {
  expect(result.status, `stdout: ${result.stdout}\nstderr: ${result.stderr}`).toBeGreaterThan(0);
  // A success line ('outputs in ...', 'report: ...', 'merged ...', a table) must not appear.
  expect(result.stdout).toBe('');
  // One short message, never a stack trace.
  expect(result.stderr).not.toMatch(/\n\s+at /);
  for (const pattern of patterns) expect(result.stderr).toMatch(pattern);
}

/** Byte for byte what was there, and nothing new (no work folder, no temporary file). */
export function expectUnchanged(earlier: EarlierOutputs): void {
  expect(readTree(earlier.dir)).toEqual(earlier.before);
}

/** Regex source of a literal, for asserting quoted values and paths. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

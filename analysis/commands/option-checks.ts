// Checks of command options, each failing with the option, the value given and what was expected,
// before any work starts or any file is touched.
import { accessSync, constants, existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { metricNames } from '../../sim/model/metric-vocabulary.js';

export class OptionError extends Error {
  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(optionProblem(`--${option}`, value, expected));
    this.name = 'OptionError';
  }
}

/** The one wording of a refused option; the CLI reuses it for positional arguments (`<dir>`). */
export function optionProblem(label: string, value: unknown, expected: string): string {
  // JSON has no Infinity or NaN: it would write them as null, which nobody typed.
  const shown = typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
  return `${label}: expected ${expected}, got ${shown}`;
}

/**
 * The accepted range of each whole-number option, by command where they differ: the checks below
 * use them, and the CLI's help says them, from this one place.
 */
export const RANGES = {
  replications: [1, 100_000],
  sensitivityReplications: [1, 10_000],
  calibrateReplications: [2, 10_000],
  samples: [1, 1_000_000],
  maxEvaluations: [5, 100_000],
  workers: [1, 1024],
} as const satisfies Record<string, readonly [number, number]>;

/** A range in words, as the help and the refusals say it. */
export function rangeWords([min, max]: readonly [number, number]): string {
  return `a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
}

export function wholeNumber(option: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`;
    throw new OptionError(option, value, range);
  }
  return value;
}

export function nonEmptyText(option: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new OptionError(option, value, 'a non-empty text');
  return value;
}

/** One or more metric names of the model's vocabulary, checked before anything runs. */
export function metricList(option: string, metrics: readonly string[]): readonly string[] {
  if (metrics.length === 0) throw new OptionError(option, metrics, 'one or more metric names of summary.json');
  const known: readonly string[] = metricNames();
  for (const metric of metrics) {
    if (!known.includes(metric)) throw new OptionError(option, metric, `a metric of summary.json (${known.join(', ')})`);
  }
  return metrics;
}

/**
 * Default worker count: the CPUs this process may use (its affinity mask, which Slurm and container
 * runtimes set), not every core of the machine, so a one-CPU cluster task does not start 64 threads.
 */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The most work items (scenarios x replications, or design points x replications) one command plans.
 * A plan is built in memory before any work starts; 20,000 items measured 790 MB before the first
 * replication ran (`/usr/bin/time -f %M` on `run --replications 20000`), so 1,000,000 Sobol samples
 * exhausted memory without a word. Refused at once instead, with the count.
 */
export const MAX_WORK_ITEMS = 100_000;

export function workItems(option: string, value: unknown, items: number, how: string): void {
  if (items > MAX_WORK_ITEMS) {
    throw new OptionError(option, value, `at most ${MAX_WORK_ITEMS.toLocaleString('en-US')} work items in all (${how} = ${items.toLocaleString('en-US')})`);
  }
}

/** The nearest folder at or above `dir` that exists. */
function existingAncestor(dir: string): string {
  let current = path.resolve(dir);
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/**
 * An output folder: an existing folder, or a name for one that can be made. Checked before work
 * starts, so a file given as --out, or a place where no folder can be made (/proc), is refused by
 * name instead of failing with ENOTDIR after the work, or hanging (Node's recursive mkdir loops on
 * /proc). Whether a folder can be made is tried with an empty probe folder, removed at once.
 */
export function outputFolder(option: string, value: unknown): string {
  const dir = nonEmptyText(option, value);
  const expected = 'a folder, or a name for a new folder in a folder you can write to';
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new OptionError(option, value, `${expected} (${dir} is not a folder)`);
    return dir;
  }
  const parent = existingAncestor(dir);
  if (!statSync(parent).isDirectory()) throw new OptionError(option, value, `${expected} (${parent} is not a folder)`);
  const probe = path.join(parent, `.thuiszit-probe-${process.pid}`);
  try {
    accessSync(parent, constants.W_OK);
    mkdirSync(probe);
    rmdirSync(probe);
  } catch (error) {
    throw new OptionError(option, value, `${expected} (cannot make a folder in ${parent}: ${(error as NodeJS.ErrnoException).code ?? 'refused'})`);
  }
  return dir;
}

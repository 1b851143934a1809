// Checks of command options, each failing with the option, the value given and what was expected,
// before any work starts or any file is touched.
import { cpus } from 'node:os';
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
  return `${label}: expected ${expected}, got ${JSON.stringify(value)}`;
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

/** Default worker count: one per core, as the issue asks; results do not depend on it. */
export function defaultWorkers(): number {
  return Math.max(1, cpus().length);
}

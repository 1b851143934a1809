// Shared helpers for the model tests: build scenarios from partial input (schema defaults fill the rest),
// collect episode records in memory, and paired-difference statistics for common-random-number tests.
import { scenarioSchema } from '../../scenarios/schema.js';
import type { Scenario, ScenarioInput } from '../../scenarios/schema.js';
import type { EpisodeRecord, EpisodeSink } from '../../sim/model/index.js';

export function scenario(input: ScenarioInput = {}): Scenario {
  return scenarioSchema.parse(input);
}

export class MemorySink implements EpisodeSink {
  readonly records: EpisodeRecord[] = [];
  write(record: EpisodeRecord): void {
    this.records.push(record);
  }
}

/** Mean and standard error of paired differences b - a. */
export function pairedDifference(a: readonly number[], b: readonly number[]): { mean: number; se: number } {
  const d = a.map((x, i) => (b[i] as number) - x);
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, d.length - 1);
  return { mean, se: Math.sqrt(variance / d.length) };
}

export function meanAndSe(xs: readonly number[]): { mean: number; se: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length) };
}

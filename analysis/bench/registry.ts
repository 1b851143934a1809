import type { Options } from 'yargs';
import { mmcBench } from './mmc.js';
import { regionBench } from './region.js';

/** One line of figures; printed as JSON with --json, as a table otherwise. */
export type BenchReport = { readonly model: string } & Readonly<Record<string, string | number>>;

/**
 * A benchmark model that bin/bench.ts can run as a subcommand: `options` become its yargs flags and
 * `run` receives the parsed values under the same names.
 */
export interface BenchModel {
  readonly name: string;
  readonly description: string;
  readonly options: Readonly<Record<string, Options>>;
  run(args: Readonly<Record<string, unknown>>): BenchReport;
}

/** The registration point: add a model here (e.g. a `region` bench) and bin/bench.ts offers it. */
export const benchModels: readonly BenchModel[] = [mmcBench, regionBench];

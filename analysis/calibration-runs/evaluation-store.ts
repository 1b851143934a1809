// Stored objective evaluations of a calibration, so `calibrate --resume` after a stop reuses what was
// simulated. Nelder-Mead is deterministic given the objective's values, and common random numbers
// make each value a function of the point alone, so a resumed fit proposes the same points again and
// finds each one here: it ends with the outputs an unstopped fit writes. A file is named by the hash
// of everything its values depend on, and is read back as untrusted: a file that is not exactly a
// list of numbers per compared series, one per replication, is refused by name.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../execution/atomic-write.js';
import { canonicalJson, sha256Hex } from '../../scenarios/canonical.js';
import type { ParamPoint } from '../sensitivity/parameters.js';

export type Evaluation = Record<string, Array<number | null>>;

export interface EvaluationKey {
  scenarioSha256: string;
  seed: number;
  replications: number;
  /** The compared series' keys (periods.ts): a measure, or measure@school year. */
  series: readonly string[];
}

export class EvaluationStore {
  constructor(
    readonly dir: string,
    private readonly key: EvaluationKey,
  ) {}

  private fileOf(point: Readonly<ParamPoint>): string {
    const hash = sha256Hex(canonicalJson({ ...this.key, series: [...this.key.series], point: { ...point } }));
    return path.join(this.dir, `${hash}.json`);
  }

  /** The stored evaluation at this point, or undefined when there is none. */
  read(point: Readonly<ParamPoint>): Evaluation | undefined {
    const file = this.fileOf(point);
    if (!existsSync(file)) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file} is not valid JSON (${(error as Error).message}); expected a stored calibration evaluation: delete it to simulate that point again`);
    }
    if (!this.isEvaluation(parsed)) {
      throw new Error(`${file} is not a stored evaluation of this calibration; expected ${this.key.replications} numbers for each of ${this.key.series.join(', ')}: delete it to simulate that point again`);
    }
    return parsed;
  }

  write(point: Readonly<ParamPoint>, evaluation: Evaluation): void {
    writeFileAtomic(this.fileOf(point), `${JSON.stringify(evaluation)}\n`);
  }

  private isEvaluation(value: unknown): value is Evaluation {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    return (
      Object.keys(record).length === this.key.series.length &&
      this.key.series.every((key) => {
        const values = Object.hasOwn(record, key) ? record[key] : undefined;
        return Array.isArray(values) && values.length === this.key.replications && values.every((v) => v === null || (typeof v === 'number' && Number.isFinite(v)));
      })
    );
  }
}

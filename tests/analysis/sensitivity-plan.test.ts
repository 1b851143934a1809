// A sensitivity plan records the values each design point ran with: whole-number parameters are
// rounded by withParams, and the outputs (points.csv, OAT's low and high, the `rounded` note in
// sensitivity.json) must show what ran, not what the design asked for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalizeSensitivity } from '../../analysis/sensitivity-runs/finalize.js';
import { planSensitivity, type SensitivityMethod, type SensitivityPlanOptions } from '../../analysis/sensitivity-runs/plan.js';
import type { ParamRange } from '../../analysis/sensitivity/parameters.js';
import type { ReplicationShared } from '../../analysis/scenario-runs/plan.js';
import { loadScenario } from '../../scenarios/load.js';
import { getParam } from '../../scenarios/params.js';
import type { ReplicationOutput } from '../../sim/model/replication.js';
import { temporaryDir } from '../cli/helpers.js';

const CAPACITY = 'care.ggz.capacity'; // whole slots
const ONSET = 'onset.unauthorisedPerThousand.VO'; // a rate, not rounded

function plan(method: SensitivityMethod, ranges: ParamRange[], samples: number) {
  const planned = planSensitivity(loadScenario('baseline', []), { method, ranges, samples, replications: 2, seed: 5, metrics: ['m'] });
  return { planned, options: planned.options as SensitivityPlanOptions };
}

/** Outputs that are a known function of the capacity that ran, so OAT's rows can be checked exactly. */
function fakeResults(options: SensitivityPlanOptions): ReplicationOutput[] {
  return options.points.flatMap((point) => Array.from({ length: options.replications }, () => ({ metrics: { m: 2 * Number(point[CAPACITY] ?? 0) } }) as unknown as ReplicationOutput));
}

describe('sensitivity plans record the values that ran', () => {
  it('OAT: a fractional range of a whole-number parameter runs, records and reports its rounded ends', () => {
    const { planned, options } = plan('oat', [{ path: CAPACITY, low: 33.6, high: 54.4 }, { path: ONSET, low: 2, high: 4.5 }], 1);
    expect(options.points.map((p) => p[CAPACITY])).toEqual([44, 34, 54, 44, 44]);
    expect(options.points.map((p) => p[ONSET])).toEqual([options.points[0]?.[ONSET], options.points[0]?.[ONSET], options.points[0]?.[ONSET], 2, 4.5]);
    expect(options.rounded).toEqual([CAPACITY]);
    // Every work item runs the scenario whose values the plan records.
    planned.items.forEach((item, i) => {
      expect(getParam((planned.shared as ReplicationShared).scenarios[item.input.scenario]!, CAPACITY)).toBe(options.points[Math.floor(i / options.replications)]?.[CAPACITY]);
    });

    const out = temporaryDir('sens-plan-oat');
    const outcome = finalizeSensitivity(options, fakeResults(options), out);
    const capacity = outcome.indices['m']?.find((row) => row['path'] === CAPACITY);
    expect(capacity).toMatchObject({ low: 34, high: 54, outputAtLow: 68, outputAtHigh: 108, swing: 40 });
    const points = readFileSync(path.join(out, 'points.csv'), 'utf8').trim().split('\n');
    expect(points[2]?.split(',').slice(0, 2)).toEqual(['1', '34']);
    const json = JSON.parse(readFileSync(path.join(out, 'sensitivity.json'), 'utf8')) as { rounded: { parameters: string[]; note: string } | null };
    expect(json.rounded?.parameters).toEqual([CAPACITY]);
    expect(json.rounded?.note).toContain('low and high are the values that ran');
  });

  it('Morris: the grid levels of a whole-number parameter are run and listed rounded, with a note', () => {
    const { options } = plan('morris', [{ path: CAPACITY, low: 34, high: 54 }, { path: ONSET, low: 2, high: 4.5 }], 3);
    // 4 levels over 34-54 lie at 34, 40.67, 47.33 and 54; the ones that ran are whole.
    const capacities = options.points.map((p) => p[CAPACITY] as number);
    expect(capacities.every((c) => Number.isInteger(c) && c >= 34 && c <= 54)).toBe(true);
    expect(capacities.some((c) => c === 41 || c === 47)).toBe(true);
    expect(options.rounded).toEqual([CAPACITY]);
    const out = temporaryDir('sens-plan-morris');
    finalizeSensitivity(options, fakeResults(options), out);
    const json = JSON.parse(readFileSync(path.join(out, 'sensitivity.json'), 'utf8')) as { rounded: { parameters: string[]; note: string } | null };
    expect(json.rounded?.note).toContain('morris indices are those of the design');
  });

  it('says nothing was rounded when every value ran as designed', () => {
    const { options } = plan('oat', [{ path: CAPACITY, low: 34, high: 54 }], 1);
    expect(options.rounded).toEqual([]);
    const out = temporaryDir('sens-plan-exact');
    finalizeSensitivity(options, fakeResults(options), out);
    expect((JSON.parse(readFileSync(path.join(out, 'sensitivity.json'), 'utf8')) as { rounded: unknown }).rounded).toBeNull();
  });
});

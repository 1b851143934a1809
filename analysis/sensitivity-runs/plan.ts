// A sensitivity study as work items: every design point is run with the same R replication seeds
// (common random numbers across points, so differences between points are the parameters' doing).
import type { LoadedScenario } from '../../scenarios/load.js';
import type { Scenario } from '../../scenarios/schema.js';
import { RandomStreams } from '../../sim/engine/random.js';
import { createPlan, type WorkPlan } from '../execution/work-item.js';
import { replicationShared, type ReplicationTaskInput } from '../scenario-runs/plan.js';
import { designMorris } from '../sensitivity/morris.js';
import { designOat } from '../sensitivity/oat.js';
import type { ChoiceValue, ParamPoint, ParamRange } from '../sensitivity/parameters.js';
import { designSobol } from '../sensitivity/sobol.js';
import { getParam, withParams } from '../../scenarios/params.js';
import { parseDotPath, valueAtPath } from '../../scenarios/dot-path.js';
import { withValues } from '../decomposition/scenario-values.js';
import { OptionError } from '../commands/option-checks.js';

export const SENSITIVITY_METHODS = ['oat', 'morris', 'sobol'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

export interface SensitivityPlanOptions {
  scenario: { name: string; sha256: string; description: string; stated: unknown };
  /** The scenario before any design point's values: the report lists its parameters. */
  base: Scenario;
  method: SensitivityMethod;
  ranges: ParamRange[];
  /** Morris trajectories or Sobol base samples N; unused by OAT. */
  samples: number;
  replications: number;
  seed: number;
  metrics: string[];
  /** The values each design point ran with: whole-number parameters rounded, as withParams sets them; choices as stated. */
  points: Array<Record<string, number | ChoiceValue>>;
  /** Paths whose run values differ from the design's at some point (whole-number parameters). */
  rounded: string[];
}

function designPoints(method: SensitivityMethod, ranges: readonly ParamRange[], samples: number, base: ParamPoint, seed: number): ParamPoint[] {
  const rng = new RandomStreams(seed, 0).stream('sensitivity.design');
  switch (method) {
    case 'oat':
      return designOat(ranges, base).points;
    case 'morris':
      return designMorris(ranges, samples, rng).points;
    case 'sobol':
      return designSobol(ranges, samples, rng).points;
  }
}

/** A choice's position in the scenario as loaded; OAT's base point needs it among the choices. */
function basePosition(scenario: Scenario, range: ParamRange & { choices: ChoiceValue[] }, method: SensitivityMethod): number {
  const current = valueAtPath(scenario, parseDotPath(range.path)).value;
  const position = range.choices.findIndex((choice) => choice === current);
  if (position < 0 && method === 'oat') {
    throw new OptionError('param', `${range.path}=${range.choices.join(',')}`, `the scenario's own value (${JSON.stringify(current)}) among the choices: one-at-a-time moves each parameter away from the scenario's values`);
  }
  return Math.max(0, position);
}

/** The scenario at a design point: numbers through withParams (whole numbers rounded), choices set as stated. */
function scenarioAt(scenario: Scenario, ranges: readonly ParamRange[], point: ParamPoint): Scenario {
  const numbers = Object.fromEntries(ranges.filter((r) => r.choices === undefined).map((r) => [r.path, point[r.path] as number]));
  const choices = ranges.flatMap((r) => (r.choices === undefined ? [] : [{ path: r.path, found: true, value: r.choices[point[r.path] as number] }]));
  return withParams(choices.length === 0 ? scenario : withValues(scenario, choices), numbers);
}

export function planSensitivity(
  loaded: LoadedScenario,
  settings: { method: SensitivityMethod; ranges: ParamRange[]; samples: number; replications: number; seed: number; metrics: string[] },
): WorkPlan<ReplicationTaskInput> {
  const base = Object.fromEntries(
    settings.ranges.map((r) => [r.path, r.choices === undefined ? getParam(loaded.scenario, r.path) : basePosition(loaded.scenario, { ...r, choices: r.choices }, settings.method)]),
  );
  const design = designPoints(settings.method, settings.ranges, settings.samples, base, settings.seed);
  const scenarios = design.map((point) => scenarioAt(loaded.scenario, settings.ranges, point));
  // withParams rounds whole-number parameters (slots, meetings), so the plan records the values read
  // back from the scenario that runs. OAT reports its swings' ends from these. Morris and Sobol keep
  // their indices on the design's continuous values: their estimators depend on the design's steps
  // and A/B/AB structure, and rounding only makes the model a step function of those values (its
  // indices stay well defined); `rounded` lets the outputs say so.
  const points = scenarios.map((scenario) =>
    Object.fromEntries(settings.ranges.map((r) => [r.path, r.choices === undefined ? getParam(scenario, r.path) : (valueAtPath(scenario, parseDotPath(r.path)).value as ChoiceValue)])),
  );
  const rounded = settings.ranges.filter((r) => r.choices === undefined).map((r) => r.path).filter((path) => design.some((point, p) => point[path] !== points[p]?.[path]));
  const options: SensitivityPlanOptions = {
    scenario: { name: loaded.name, sha256: loaded.sha256, description: loaded.scenario.description, stated: loaded.stated },
    base: loaded.scenario,
    ...settings,
    points,
    rounded,
  };
  const items = scenarios.flatMap((_, p) =>
    Array.from({ length: settings.replications }, (__, replication): { id: string; input: ReplicationTaskInput } => ({
      id: `p${String(p).padStart(5, '0')}-r${String(replication).padStart(4, '0')}`,
      input: { scenario: p, replication },
    })),
  );
  return createPlan('sensitivity', options, items, replicationShared(scenarios, { seed: settings.seed, episodes: false, metricsOnly: true }));
}

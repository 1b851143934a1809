// Morris elementary effects (Morris 1991, with mu* from Campolongo et al. 2007). Each trajectory
// starts at a random point of a p-level grid in the unit cube and moves every parameter once, by
// delta = p / (2(p - 1)), in random order. An elementary effect is the output change divided by the
// step in unit coordinates, i.e. the change per full parameter range, so effects of parameters with
// different units are comparable: for y = sum c_i x_i it is exactly c_i * (high_i - low_i).
import type { Rng } from '../../sim/engine/random.js';
import { checkOutputs, scaleToRange, type ParamPoint, type ParamRange } from './parameters.js';

export interface MorrisStep {
  /** Index into ranges of the parameter that changed between points[k] and points[k + 1] of this trajectory. */
  parameter: number;
  /** Signed step in unit coordinates: +delta or -delta. */
  step: number;
}

export interface MorrisDesign {
  ranges: ParamRange[];
  levels: number;
  delta: number;
  trajectories: number;
  /** r trajectories of k + 1 points each, trajectory t occupying points[t(k+1) .. t(k+1)+k]. */
  points: ParamPoint[];
  /** steps[t][s]: the move from point s to point s + 1 of trajectory t. */
  steps: MorrisStep[][];
}

export interface MorrisEffect {
  path: string;
  /** Mean elementary effect: sign tells direction, but effects of opposite sign cancel. */
  mu: number;
  /** Mean absolute elementary effect: the importance ranking. */
  muStar: number;
  /** Sample sd of the effects: large relative to mu* means non-linearity or interactions. */
  sigma: number;
  effects: number[];
}

export interface MorrisOptions {
  /** Number of grid levels p, even (so every level has a partner delta away); default 4. */
  levels?: number;
}

function randomInteger(rng: Rng, count: number): number {
  return Math.min(count - 1, Math.floor(rng.next() * count));
}

/** Design r trajectories for the ranges; all randomness comes from rng. */
export function designMorris(ranges: readonly ParamRange[], trajectories: number, rng: Rng, options: MorrisOptions = {}): MorrisDesign {
  const levels = options.levels ?? 4;
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`designMorris: levels must be an even integer >= 2, got ${levels}`);
  }
  if (!Number.isInteger(trajectories) || trajectories < 2) {
    throw new RangeError(`designMorris: trajectories must be an integer >= 2 (sigma needs two effects), got ${trajectories}`);
  }
  if (ranges.length === 0) throw new RangeError('designMorris: at least one parameter range is required');
  const k = ranges.length;
  const half = levels / 2;
  // delta spans half the levels, so level j < p/2 steps up to j + p/2 and level j >= p/2 steps down:
  // drawing the start level uniformly from all p levels gives every level and direction equal weight.
  const delta = half / (levels - 1);
  const points: ParamPoint[] = [];
  const steps: MorrisStep[][] = [];
  for (let t = 0; t < trajectories; t++) {
    const startLevels = ranges.map(() => randomInteger(rng, levels));
    const order = Array.from({ length: k }, (_, i) => i);
    // Fisher-Yates shuffle of the order in which parameters move.
    for (let i = k - 1; i > 0; i--) {
      const j = randomInteger(rng, i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const unit = startLevels.map((level) => level / (levels - 1));
    const toPoint = (): ParamPoint => Object.fromEntries(ranges.map((range, i) => [range.path, scaleToRange(range, unit[i] as number)]));
    points.push(toPoint());
    const trajectorySteps: MorrisStep[] = [];
    for (const parameter of order) {
      const range = ranges[parameter] as ParamRange;
      const before = scaleToRange(range, unit[parameter] as number);
      const gridStep = (startLevels[parameter] as number) < half ? delta : -delta;
      unit[parameter] = (unit[parameter] as number) + gridStep;
      // A choice's effect is per move across all its choices, as a number's is per full range: the
      // step is the change of position over L - 1, so flipping a switch is a step of 1.
      const step = range.choices === undefined ? gridStep : (scaleToRange(range, unit[parameter] as number) - before) / (range.choices.length - 1);
      trajectorySteps.push({ parameter, step });
      points.push(toPoint());
    }
    steps.push(trajectorySteps);
  }
  return { ranges: ranges.map((range) => ({ ...range })), levels, delta, trajectories, points, steps };
}

/** Analysis: outputs[j] is the model output at design.points[j]. Sorted by mu*, largest first. */
export function analyseMorris(design: MorrisDesign, outputs: readonly number[]): MorrisEffect[] {
  checkOutputs('analyseMorris', design.points.length, outputs);
  const k = design.ranges.length;
  const effects: number[][] = design.ranges.map(() => []);
  design.steps.forEach((trajectory, t) => {
    trajectory.forEach(({ parameter, step }, s) => {
      const before = outputs[t * (k + 1) + s] as number;
      const after = outputs[t * (k + 1) + s + 1] as number;
      (effects[parameter] as number[]).push((after - before) / step);
    });
  });
  const result = design.ranges.map((range, i): MorrisEffect => {
    const ee = effects[i] as number[];
    const mu = ee.reduce((sum, e) => sum + e, 0) / ee.length;
    const muStar = ee.reduce((sum, e) => sum + Math.abs(e), 0) / ee.length;
    const sigma = Math.sqrt(ee.reduce((sum, e) => sum + (e - mu) ** 2, 0) / (ee.length - 1));
    return { path: range.path, mu, muStar, sigma, effects: ee };
  });
  result.sort((a, b) => b.muStar - a.muStar);
  return result;
}

// The scenario-file form of a distribution. Schemas stay shallow (one level of objects, recursion
// only through mixture components) because deep zod types slow the type checker; semantic checks
// (sd > 0, mode within [min, max], ...) live once, in the constructors, and are reported by
// zod through the refinement below, at the path of the offending distribution.
import { z } from 'zod';
import type { Distribution } from './distribution.js';
import { Empirical } from './empirical.js';
import { Exponential } from './exponential.js';
import { Fixed } from './fixed.js';
import { Gamma } from './gamma.js';
import { Lognormal } from './lognormal.js';
import { Mixture } from './mixture.js';
import { Piecewise } from './piecewise.js';
import { Triangular } from './triangular.js';
import { Uniform } from './uniform.js';
import { Weibull } from './weibull.js';

const finite = z.number();

const fixedSpec = z.strictObject({ type: z.literal('fixed'), value: finite });
const uniformSpec = z.strictObject({ type: z.literal('uniform'), min: finite, max: finite });
const exponentialSpec = z.strictObject({ type: z.literal('exponential'), mean: finite });
// Gamma and lognormal each accept two parameter pairs. A discriminated union cannot hold two
// options with the same `type` (zod rejects duplicate discriminator values), so each is one strict
// object whose pairs are optional, refined to exactly one complete pair.
function twoParameterisations<T extends string>(type: T, first: [string, string], second: [string, string]) {
  const keys = [...first, ...second];
  return (spec: Record<string, unknown>, context: z.RefinementCtx): void => {
    const has = (pair: [string, string]) => pair.every((key) => spec[key] !== undefined);
    const given = keys.filter((key) => spec[key] !== undefined);
    if ((has(first) || has(second)) && given.length === 2) return;
    context.addIssue({
      code: 'custom',
      message: `${type}: give either ${first.join(' and ')}, or ${second.join(' and ')}, got fields ${JSON.stringify(given)}`,
    });
  };
}
const gammaSpec = z
  .strictObject({
    type: z.literal('gamma'),
    mean: finite.optional(),
    sd: finite.optional(),
    shape: finite.optional(),
    scale: finite.optional(),
  })
  .superRefine(twoParameterisations('gamma', ['mean', 'sd'], ['shape', 'scale']));
const lognormalSpec = z
  .strictObject({
    type: z.literal('lognormal'),
    mean: finite.optional(),
    sd: finite.optional(),
    mu: finite.optional(),
    sigma: finite.optional(),
  })
  .superRefine(twoParameterisations('lognormal', ['mean', 'sd'], ['mu', 'sigma']));
const triangularSpec = z.strictObject({ type: z.literal('triangular'), min: finite, mode: finite, max: finite });
const weibullSpec = z.strictObject({ type: z.literal('weibull'), shape: finite, scale: finite });
const empiricalSpec = z.strictObject({
  type: z.literal('empirical'),
  values: z.array(finite),
  probabilities: z.array(finite),
});
const piecewiseSpec = z.strictObject({
  type: z.literal('piecewise'),
  points: z.array(z.tuple([finite, finite])),
});
const mixtureSpec = z.strictObject({
  type: z.literal('mixture'),
  get components(): z.ZodArray<typeof distributionStructure> {
    return z.array(distributionStructure);
  },
  weights: z.array(finite),
});

const distributionStructure = z.discriminatedUnion('type', [
  fixedSpec,
  uniformSpec,
  exponentialSpec,
  gammaSpec,
  lognormalSpec,
  triangularSpec,
  weibullSpec,
  empiricalSpec,
  piecewiseSpec,
  mixtureSpec,
]);

export type DistributionSpec = z.infer<typeof distributionStructure>;

export function makeDistribution(spec: DistributionSpec): Distribution {
  switch (spec.type) {
    case 'fixed':
      return new Fixed(spec.value);
    case 'uniform':
      return new Uniform(spec.min, spec.max);
    case 'exponential':
      return Exponential.fromMean(spec.mean);
    case 'gamma':
      if (spec.mean !== undefined && spec.sd !== undefined) return Gamma.fromMeanSd(spec.mean, spec.sd);
      if (spec.shape !== undefined && spec.scale !== undefined) return new Gamma(spec.shape, spec.scale);
      throw new Error(`gamma: give either mean and sd, or shape and scale, got ${JSON.stringify(spec)}`);
    case 'lognormal':
      if (spec.mean !== undefined && spec.sd !== undefined) return Lognormal.fromMeanSd(spec.mean, spec.sd);
      if (spec.mu !== undefined && spec.sigma !== undefined) return new Lognormal(spec.mu, spec.sigma);
      throw new Error(`lognormal: give either mean and sd, or mu and sigma, got ${JSON.stringify(spec)}`);
    case 'triangular':
      return new Triangular(spec.min, spec.mode, spec.max);
    case 'weibull':
      return new Weibull(spec.shape, spec.scale);
    case 'empirical':
      return new Empirical(spec.values, spec.probabilities);
    case 'piecewise':
      return new Piecewise(spec.points);
    case 'mixture':
      return new Mixture(spec.components.map(makeDistribution), spec.weights);
  }
}

/**
 * A distribution in a scenario file. Parsing checks the shape and then builds the distribution
 * once, so an impossible parameter is a parse error carrying the constructor's message.
 */
export const distributionSpecSchema = distributionStructure.superRefine((spec, context) => {
  try {
    makeDistribution(spec);
  } catch (error) {
    context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
  }
});

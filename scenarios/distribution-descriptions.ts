// The JSON Schema side of the distribution forms (sim/engine/distributions/spec.ts): what each form and
// parameter means, and the bounds the constructors enforce, written as JSON Schema where it can say them
// (exclusiveMinimum, minItems, one complete parameter pair) and in the description where it cannot (min <
// max, probabilities summing to 1). Data only; schema-annotations.ts applies it. The bounds must match the
// constructors exactly: tests/scenarios/json-schema.test.ts runs the same wrong files through both.

export interface ParameterText {
  readonly title: string;
  /** `{unit}` is replaced by the unit of the field the distribution belongs to. */
  readonly description: string;
  /** Merged into the parameter's JSON Schema (objects key by key, anything else replaced). */
  readonly bounds?: Readonly<Record<string, unknown>>;
}

export interface DistributionForm {
  readonly title: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, ParameterText>>;
  /** Merged into the form's JSON Schema: rules across parameters. */
  readonly rules?: Readonly<Record<string, unknown>>;
}

const POSITIVE = { exclusiveMinimum: 0 };

/**
 * Exactly one complete pair: half a pair needs its other half, and with `type` the form holds exactly
 * three fields. (Said with counts rather than `oneOf` of `required` sets, which ajv's strict mode refuses
 * for properties defined one level up.)
 */
function onePairOf(first: readonly [string, string], second: readonly [string, string]): Record<string, unknown> {
  const [a, b] = first;
  const [c, d] = second;
  return { dependentRequired: { [a]: [b], [b]: [a], [c]: [d], [d]: [c] }, minProperties: 3, maxProperties: 3 };
}

export const DISTRIBUTION_TYPE_TEXT: ParameterText = {
  title: 'Distribution type',
  description: 'Which distribution: fixed, uniform, exponential, gamma, lognormal, triangular, weibull, empirical, piecewise or mixture; the other fields are its parameters.',
};

export const DISTRIBUTION_FORMS: Readonly<Record<string, DistributionForm>> = {
  fixed: {
    title: 'Fixed value',
    description: 'Always the same value.',
    parameters: { value: { title: 'Value', description: 'The value, in {unit}.' } },
  },
  uniform: {
    title: 'Uniform',
    description: 'Every value between min and max equally likely. max must be greater than min (JSON Schema cannot compare two fields; `thuiszit validate` checks it).',
    parameters: {
      min: { title: 'Minimum', description: 'Smallest value, in {unit}; less than max.' },
      max: { title: 'Maximum', description: 'Largest value, in {unit}; greater than min.' },
    },
  },
  exponential: {
    title: 'Exponential',
    description: 'Memoryless waiting time with the given mean.',
    parameters: { mean: { title: 'Mean', description: 'Mean, in {unit}; greater than 0.', bounds: POSITIVE } },
  },
  gamma: {
    title: 'Gamma',
    description: 'Right-skewed positive values. Give either mean and sd, or shape and scale (exactly one pair).',
    parameters: {
      mean: { title: 'Mean', description: 'Mean, in {unit}; greater than 0; with sd.', bounds: POSITIVE },
      sd: { title: 'Standard deviation', description: 'Standard deviation, in {unit}; greater than 0; with mean.', bounds: POSITIVE },
      shape: { title: 'Shape', description: 'Shape k (no unit); greater than 0; with scale. Mean = shape x scale.', bounds: POSITIVE },
      scale: { title: 'Scale', description: 'Scale theta, in {unit}; greater than 0; with shape.', bounds: POSITIVE },
    },
    rules: onePairOf(['mean', 'sd'], ['shape', 'scale']),
  },
  lognormal: {
    title: 'Lognormal',
    description: 'Positive values whose logarithm is normal. Give either mean and sd (of the values themselves), or mu and sigma (of their logarithm), exactly one pair.',
    parameters: {
      mean: { title: 'Mean', description: 'Mean of the values, in {unit}; greater than 0; with sd.', bounds: POSITIVE },
      sd: { title: 'Standard deviation', description: 'Standard deviation of the values, in {unit}; greater than 0; with mean.', bounds: POSITIVE },
      mu: { title: 'Mu', description: 'Mean of the natural logarithm of the values (any number); with sigma.' },
      sigma: { title: 'Sigma', description: 'Standard deviation of the natural logarithm of the values; greater than 0; with mu.', bounds: POSITIVE },
    },
    rules: onePairOf(['mean', 'sd'], ['mu', 'sigma']),
  },
  triangular: {
    title: 'Triangular',
    description: 'Values between min and max, most likely at mode. Needs min < max and min <= mode <= max (JSON Schema cannot compare fields; `thuiszit validate` checks it).',
    parameters: {
      min: { title: 'Minimum', description: 'Smallest value, in {unit}; less than max.' },
      mode: { title: 'Mode', description: 'Most likely value, in {unit}; between min and max.' },
      max: { title: 'Maximum', description: 'Largest value, in {unit}; greater than min.' },
    },
  },
  weibull: {
    title: 'Weibull',
    description: 'Positive values with shape k and scale lambda.',
    parameters: {
      shape: { title: 'Shape', description: 'Shape k (no unit); greater than 0.', bounds: POSITIVE },
      scale: { title: 'Scale', description: 'Scale lambda, in {unit}; greater than 0.', bounds: POSITIVE },
    },
  },
  empirical: {
    title: 'Empirical',
    description: 'One of the listed values, each with its probability. The lists must be equally long and the probabilities must sum to 1 (JSON Schema cannot say either; `thuiszit validate` checks them).',
    parameters: {
      values: { title: 'Values', description: 'The possible values, in {unit}; at least one.', bounds: { minItems: 1 } },
      probabilities: { title: 'Probabilities', description: 'Probability of each value, in the same order; each at least 0, together 1.', bounds: { minItems: 1, items: { minimum: 0 } } },
    },
  },
  piecewise: {
    title: 'Piecewise linear',
    description: 'A cumulative distribution given by (x, cdf) points joined by straight lines. x must increase and cdf must not decrease, from 0 at the first point to 1 at the last (JSON Schema cannot compare points; `thuiszit validate` checks it).',
    parameters: {
      points: {
        title: 'Points',
        description: 'At least two [x, cdf] pairs: x in {unit}, cdf the share of values up to x (0 to 1).',
        bounds: { minItems: 2, items: { prefixItems: [{ type: 'number' }, { type: 'number', minimum: 0, maximum: 1 }] } },
      },
    },
  },
  mixture: {
    title: 'Mixture',
    description: 'Draws from one of the component distributions, chosen with the given weights. The lists must be equally long and the weights must sum to 1 (JSON Schema cannot say either; `thuiszit validate` checks them).',
    parameters: {
      components: { title: 'Components', description: 'The distributions mixed, at least one; each in {unit}.', bounds: { minItems: 1 } },
      weights: { title: 'Weights', description: 'Chance of each component, in the same order; each at least 0, together 1.', bounds: { minItems: 1, items: { minimum: 0 } } },
    },
  },
};

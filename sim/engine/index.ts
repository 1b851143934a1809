// The engine's public API: what the model, analysis/ and bin/ import. Internals (Calendar,
// WaitingLine, hashing helpers, parameter checks) stay behind their own files.
export { Priority, MAX_PRIORITY } from './priority.js';
export type { PriorityName } from './priority.js';
export { Simulation } from './simulation.js';
export type { EventToken } from './simulation.js';
export { Resource } from './resource.js';
export type { RequestToken, ResourceOptions } from './resource.js';
export { fifo, byKeyThenArrival, queueDisciplines } from './queue-disciplines.js';
export type { QueueComparator, QueueDiscipline, WaitingEntry } from './queue-disciplines.js';
export { Tally } from './statistics/tally.js';
export { TimeWeighted } from './statistics/time-weighted.js';
export { QuantileEstimator } from './statistics/quantiles.js';

export { RandomStreams, SeededRng, replicationSeed } from './random.js';
export type { Rng } from './random.js';
export type { Distribution } from './distributions/distribution.js';
export { Fixed } from './distributions/fixed.js';
export { Uniform } from './distributions/uniform.js';
export { Exponential } from './distributions/exponential.js';
export { Gamma } from './distributions/gamma.js';
export { Lognormal } from './distributions/lognormal.js';
export { Triangular } from './distributions/triangular.js';
export { Weibull } from './distributions/weibull.js';
export { Empirical } from './distributions/empirical.js';
export { Piecewise } from './distributions/piecewise.js';
export { Mixture } from './distributions/mixture.js';
export { distributionSpecSchema, makeDistribution } from './distributions/spec.js';
export type { DistributionSpec } from './distributions/spec.js';

// The model's public surface: run one replication, and the types of its inputs and outputs.
export { runReplication } from './replication.js';
export type { ReplicationOutput } from './replication.js';
export type { EpisodeRecord, EpisodeSink } from './episode-record.js';
export { EPISODE_RECORD_VERSION } from './episode-record.js';
export { BODIES, BUDGETS, END_KINDS, ONSET_KINDS, STAGES } from './vocabulary.js';
export type { Body, Budget, EndKind, OnsetKind, Stage } from './vocabulary.js';
export { HISTOGRAM_BINS } from './measures.js';
export { HEADLINE_METRICS, metricInfo, metricNames } from './metric-vocabulary.js';
export type { MetricInfo, MetricName, Unit } from './metric-vocabulary.js';

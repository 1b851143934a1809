// The list commands check metric names against must be exactly what a replication reports.
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/model/index.js';
import { metricNames } from '../../sim/model/vocabulary.js';
import { scenario } from './helpers.js';

describe('metric names', () => {
  it('metricNames() lists every metric of a replication and nothing else', () => {
    const { metrics } = runReplication(scenario(), 5, 0);
    expect([...metricNames()].sort()).toEqual(Object.keys(metrics).sort());
  });
});

// The list commands check metric names against must be exactly what a replication reports.
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/model/index.js';
import { HEADLINE_METRICS, metricInfo, metricNames } from '../../sim/model/metric-vocabulary.js';
import { scenario } from './helpers.js';

describe('metric names', () => {
  it('metricNames() lists every metric of a replication and nothing else', () => {
    const { metrics } = runReplication(scenario(), 5, 0);
    expect([...metricNames()].sort()).toEqual(Object.keys(metrics).sort());
  });

  it('every metric has a label, a unit and a description, and the headline starts with the national goal', () => {
    for (const name of metricNames()) {
      const info = metricInfo(name);
      expect(info, name).toBeDefined();
      expect(info!.label.length, name).toBeGreaterThan(3);
      expect(info!.description.length, name).toBeGreaterThan(20);
    }
    expect(metricInfo('no_such_metric')).toBeUndefined();
    expect(metricInfo('care_wait_weeks.dentist')).toBeUndefined();
    expect(HEADLINE_METRICS[0]).toBe('share_offer_within_13_weeks');
  });
});

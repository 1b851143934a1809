// A SNAPSHOT, not the truth: baseline's metrics for one seed and replication, so any change in the model's
// numbers is seen. When it changes on purpose, update the snapshot (vitest -u) and add a CHANGELOG.md line
// saying why.
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/model/index.js';
import { scenario } from './helpers.js';

describe('baseline golden seed (snapshot)', () => {
  it('metrics for seed 20190601, replication 0', () => {
    const { metrics, episodes } = runReplication(scenario(), 20190601, 0);
    const rounded = Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, v === null ? null : Number(v.toFixed(6))]));
    expect({ episodes, metrics: rounded }).toMatchSnapshot();
  });
});

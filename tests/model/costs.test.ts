// Costs follow what happened: a premium for bypassing waiting lists is paid only where a list was
// bypassed, and every body's cost parameter is the one the model charges.
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/model/index.js';
import { scenario } from './helpers.js';

describe('costs', () => {
  it('baseline bypasses no waiting list, so the bypass premium changes none of its costs', () => {
    for (const replication of [0, 1]) {
      const without = runReplication(scenario({ costs: { waitingListBypassPremium: 0 } }), 3, replication).metrics;
      const steep = runReplication(scenario({ costs: { waitingListBypassPremium: 10 } }), 3, replication).metrics;
      expect(steep['cost_eur.gemeente']).toBe(without['cost_eur.gemeente']);
      expect(steep['cost_eur_total']).toBe(without['cost_eur_total']);
    }
  });

  it('a casusregisseur who buys care outside the slots pays the premium on that care', () => {
    const withRegie = (premium: number) =>
      runReplication(scenario({ policy: { casusregisseur: { enabled: true, bypassMode: 'buy-extra' } }, costs: { waitingListBypassPremium: premium } }), 3, 0).metrics;
    expect(withRegie(10)['cost_eur_total']!).toBeGreaterThan(withRegie(0)['cost_eur_total']!);
  });

  it('the doorbraakteam is charged at its own costEurPerCase', () => {
    const regie = (cost: number) =>
      runReplication(scenario({ policy: { casusregisseur: { enabled: true, doorbraakteam: { costEurPerCase: cost } } } }), 3, 0).metrics;
    const cheap = regie(0);
    const dear = regie(100_000);
    const cases = cheap['escalations.doorbraakteam']!;
    expect(cases).toBeGreaterThan(0);
    expect(dear['cost_eur_total']! - cheap['cost_eur_total']!).toBeGreaterThan(0);
  });
});

// Every metric name a replication reports, from the model's own vocabularies, so commands can reject
// a misspelt metric before any run starts.
import { CARE_TYPES } from '../scenarios/schema.js';
import { BODIES, BUDGETS, STAGES } from '../sim/model/vocabulary.js';

const SINGLE_METRICS = [
  'new_episodes', 'thuiszitters_legal', 'thuiszitters_all', 'over_13_weeks_legal', 'over_13_weeks_all',
  'share_offer_within_13_weeks', 'median_weeks_to_offer', 'p90_weeks_to_offer', 'median_weeks_to_attendance',
  'p90_weeks_to_attendance', 'exemptions', 'cost_eur_total',
];

export function knownMetricNames(): string[] {
  return [
    ...SINGLE_METRICS,
    ...CARE_TYPES.map((t) => `care_wait_weeks.${t}`),
    ...BODIES.map((b) => `escalations.${b}`),
    ...BUDGETS.map((b) => `cost_eur.${b}`),
    ...STAGES.map((s) => `weeks_in_stage.${s}`),
  ];
}

// yearly.csv: every scenario's metrics per measured school year in tidy form, one row per (scenario,
// year, metric), for a spreadsheet or a plotting tool. The same figures as summary.json's `years`.
import { csvTable } from '../output/csv.js';
import type { ScenarioAggregate } from './aggregate.js';

export const YEARLY_CSV_HEADER = ['scenario', 'year', 'metric', 'mean', 'sd', 'ci95_low', 'ci95_high', 'n'] as const;

export function yearlyCsv(scenarios: ReadonlyArray<{ planned: { name: string }; aggregate: Pick<ScenarioAggregate, 'years'> }>): string {
  const rows = scenarios.flatMap(({ planned, aggregate }) =>
    aggregate.years.flatMap((year) =>
      Object.entries(year.metrics).map(([metric, m]) => [planned.name, year.label, metric, m.mean, m.sd, m.ci95_low, m.ci95_high, m.n]),
    ),
  );
  return csvTable(YEARLY_CSV_HEADER, rows);
}

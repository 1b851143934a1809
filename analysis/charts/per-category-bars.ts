// Charts 5 to 7: one metric family (care waits, escalations, costs) as bars per category, one bar
// per scenario in the scenario's colour, with the 95% CI of the mean as a line through each bar.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioReport } from '../report/report-input.js';
import { familyMembers, humanise } from '../report/metric-labels.js';
import { CHART_WIDTH, chartConfig, scenarioScale } from './palette.js';

interface FamilyChart {
  family: string;
  title: string;
  subtitle: string;
  categoryTitle: string;
  valueTitle: string;
  /** d3 format for the value axis. */
  format: string;
}

export function hasFamily(scenarios: readonly ScenarioReport[], family: string): boolean {
  return scenarios.some((s) => familyMembers(s.metrics, family).length > 0);
}

function familyBars(scenarios: readonly ScenarioReport[], chart: FamilyChart): TopLevelSpec {
  const members = [...new Set(scenarios.flatMap((s) => familyMembers(s.metrics, chart.family)))].sort();
  const rows: Array<{ category: string; scenario: string; mean: number; low: number; high: number }> = [];
  for (const member of members) {
    for (const scenario of scenarios) {
      const m = scenario.metrics[`${chart.family}.${member}`];
      if (m !== undefined) rows.push({ category: humanise(member), scenario: scenario.name, mean: m.mean, low: m.ci95_low, high: m.ci95_high });
    }
  }
  const names = scenarios.map((s) => s.name);
  const x = { field: 'category', type: 'nominal', title: chart.categoryTitle, sort: members.map(humanise), axis: { labelAngle: 0, labelLimit: Math.floor(CHART_WIDTH / Math.max(1, members.length)) - 8 } } as const;
  const xOffset = { field: 'scenario', type: 'nominal', sort: names } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: chart.title, subtitle: chart.subtitle },
    config: chartConfig,
    data: { values: rows },
    width: CHART_WIDTH,
    height: 220,
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x,
          xOffset,
          y: { field: 'mean', type: 'quantitative', title: chart.valueTitle, axis: { format: chart.format } },
          color: { field: 'scenario', type: 'nominal', title: 'Scenario', scale: scenarioScale(names), sort: names },
        },
      },
      {
        mark: { type: 'rule', color: '#111111', strokeWidth: 1.5 },
        encoding: { x, xOffset, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
    ],
  };
}

export function careWaitsChart(scenarios: readonly ScenarioReport[]): TopLevelSpec {
  return familyBars(scenarios, {
    family: 'care_wait_weeks',
    title: 'Waiting for care',
    subtitle: 'Mean wait from referral to the start of care, per care type; lines are 95% confidence intervals',
    categoryTitle: 'Care type',
    valueTitle: 'Wait (weeks)',
    format: ',.0f',
  });
}

export function escalationsChart(scenarios: readonly ScenarioReport[]): TopLevelSpec {
  return familyBars(scenarios, {
    family: 'escalations',
    title: 'Escalations per body',
    subtitle: 'Cases reaching each body per year (mean); lines are 95% confidence intervals',
    categoryTitle: 'Body',
    valueTitle: 'Cases per year',
    format: ',.0f',
  });
}

export function costsChart(scenarios: readonly ScenarioReport[]): TopLevelSpec {
  return familyBars(scenarios, {
    family: 'cost_eur',
    title: 'Costs per budget',
    subtitle: 'Cost per year charged to each budget (mean); lines are 95% confidence intervals',
    categoryTitle: 'Budget',
    valueTitle: 'Cost per year (EUR)',
    format: ',.0f',
  });
}

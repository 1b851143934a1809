// Chart 4: where the weeks go: the mean weeks an episode spends in each stage, stacked per scenario.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioReport } from '../report/report-input.js';
import { familyMembers, humanise } from '../report/metric-labels.js';
import { CHART_WIDTH, categoryColours, chartConfig } from './palette.js';

export function weeksInStageChart(scenarios: readonly ScenarioReport[]): TopLevelSpec {
  const stages = [...new Set(scenarios.flatMap((s) => familyMembers(s.metrics, 'weeks_in_stage')))].sort();
  const rows: Array<{ scenario: string; stage: string; order: number; weeks: number }> = [];
  for (const scenario of scenarios) {
    stages.forEach((stage, order) => {
      const summary = scenario.metrics[`weeks_in_stage.${stage}`];
      if (summary !== undefined) rows.push({ scenario: scenario.name, stage: humanise(stage), order, weeks: summary.mean });
    });
  }
  const stageLabels = stages.map(humanise);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Where the weeks go', subtitle: 'Mean weeks an absence episode spends in each stage' },
    config: chartConfig,
    data: { values: rows },
    width: CHART_WIDTH,
    height: { step: 28 },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      y: { field: 'scenario', type: 'nominal', title: null, sort: scenarios.map((s) => s.name) },
      x: { field: 'weeks', type: 'quantitative', title: 'Weeks per episode (mean)', stack: 'zero' },
      color: {
        field: 'stage',
        type: 'nominal',
        title: 'Stage',
        sort: stageLabels,
        scale: { domain: stageLabels, range: stageLabels.map((_, i) => categoryColours[i % categoryColours.length] ?? '#bbbbbb') },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

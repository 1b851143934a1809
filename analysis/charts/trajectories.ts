// The projection chart: each headline figure per measured school year, one panel per figure, one
// colour per scenario, the mean as a line with points and its 95% interval as a band. A scenario's
// dated changes are vertical rules at their place in time (a ramp's end too), and a goal with an
// absolute target is a horizontal red line in its figure's panel.
import type { TopLevelSpec } from 'vega-lite';
import { WEEKS_PER_YEAR, weeksFromStart } from '../../scenarios/calendar.js';
import type { GoalReport, MetricSummary, ScenarioReport } from '../report/report-input.js';
import { projectionLabels } from '../report/projection-checks.js';
import { estimateParts, formatPlain, unitText } from '../report/format.js';
import { metricLabel } from '../report/metric-labels.js';
import { CHART_WIDTH, chartConfig, scenarioScale } from './palette.js';

/** One point of a trajectory; `estimate` is the report's own text of it, for the data table. */
export interface TrajectoryRow {
  panel: number;
  metric: string;
  scenario: string;
  year: string;
  /** Middle of the school year in years since the start: the year's figure covers the whole year. */
  position: number;
  mean: number;
  low: number;
  high: number;
  estimate: string;
}

/** A dated change of one scenario, in years since the start of the first measured year. */
export interface ChangeRule {
  scenario: string;
  position: number;
  kind: 'change starts' | 'ramp ends';
  date: string;
  what: string;
}

const CHANGE_KINDS = ['change starts', 'ramp ends'] as const;
const GOAL_COLOUR = '#b00020';

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The points of one figure over the years, per scenario; a year whose mean no replication defined is left out. */
function trajectoryRows(scenarios: readonly ScenarioReport[], labels: readonly string[], metric: string, panel: number): TrajectoryRow[] {
  const { label, unit } = metricLabel(metric);
  const scale = unit === 'share' ? 100 : 1;
  const rows = scenarios.flatMap((s) =>
    (s.years ?? []).flatMap((year): TrajectoryRow[] => {
      const summary: MetricSummary | undefined = year.metrics[metric];
      if (summary === undefined || !finite(summary.mean)) return [];
      const low = finite(summary.ci95_low) ? summary.ci95_low : summary.mean;
      const high = finite(summary.ci95_high) ? summary.ci95_high : summary.mean;
      const text = estimateParts({ ...summary, ci95_low: low, ci95_high: high }, unit);
      return [{ panel, metric: label, scenario: s.name, year: year.label, position: labels.indexOf(year.label) + 0.5, mean: summary.mean * scale, low: low * scale, high: high * scale, estimate: `${text.value} ${text.interval}` }];
    }),
  );
  // Year by year (scenarios in report order within a year): the data table's rows follow the axis.
  return rows.sort((a, b) => a.position - b.position);
}

/**
 * Every dated change inside the years its scenario measures, per scenario in report order, each once;
 * `labels` are the chart's school years, which may begin before the scenario's first.
 */
export function changeRules(scenarios: readonly ScenarioReport[], labels: readonly string[]): ChangeRule[] {
  const rules: ChangeRule[] = [];
  const seen = new Set<string>();
  for (const s of scenarios) {
    const first = labels.indexOf(s.years?.[0]?.label ?? '');
    if (s.calendar === undefined || first < 0) continue;
    const last = first + (s.years?.length ?? 0);
    const add = (rule: ChangeRule): void => {
      const key = `${rule.scenario}\u0000${rule.kind}\u0000${rule.position}`;
      if (rule.position < first || rule.position > last || seen.has(key)) return;
      seen.add(key);
      rules.push(rule);
    };
    for (const change of s.calendar.changes) {
      const position = first + weeksFromStart(s.calendar.start, change.from) / WEEKS_PER_YEAR;
      const what = change.paths.join(', ');
      add({ scenario: s.name, position, kind: 'change starts', date: change.from, what });
      if (change.rampYears > 0) add({ scenario: s.name, position: position + change.rampYears, kind: 'ramp ends', date: `${change.rampYears} years after ${change.from}`, what });
    }
  }
  return rules;
}

/** Of the wanted figures, each once and in order, those that some scenario has a year of. */
export function trajectoryMetrics(scenarios: readonly ScenarioReport[], wanted: readonly string[]): string[] {
  return [...new Set(wanted)].filter((m) => scenarios.some((s) => (s.years ?? []).some((y) => finite(y.metrics[m]?.mean))));
}

function goalLines(goals: readonly GoalReport[], metric: string, scale: number): Array<{ goal: number; text: string }> {
  return goals.flatMap((g) =>
    g.metric === metric && g.target.kind === 'absolute' && Number.isFinite(g.target.value)
      ? [{ goal: g.target.value * scale, text: `Goal ${g.operator === '<=' ? '\u2264' : '\u2265'} ${formatPlain(g.target.value * scale)}${scale === 100 ? '%' : ''}` }]
      : [],
  );
}

/**
 * The x axis runs in years since the start of the first year; its labels are the school years at each
 * year's middle. projectionLabels made them from year numbers ('2025/26'); they are written into the
 * expression as JSON strings, and a label of any other form is refused rather than put in an expression.
 */
function yearAxis(labels: readonly string[]): Record<string, unknown> {
  for (const label of labels) {
    if (!/^\d{4}\/\d{2}$/.test(label)) throw new Error(`trajectoryChart: year label '${label}' is not a school year such as 2025/26`);
  }
  return {
    title: 'School year',
    values: labels.map((_, i) => i + 0.5),
    labelExpr: `${JSON.stringify(labels)}[floor(datum.value)]`,
    grid: false,
  };
}

export function trajectoryChart(scenarios: readonly ScenarioReport[], goals: readonly GoalReport[], metrics: readonly string[]): TopLevelSpec {
  const labels = projectionLabels({ scenarios });
  if (labels.length === 0) throw new Error('trajectoryChart: no scenario has years; expected a projection of at least one school year');
  // Every layer names the same colour legend: in a concat, one layer without it drops the shared legend.
  const colour = { field: 'scenario', type: 'nominal', title: 'Scenario', scale: scenarioScale(scenarios.map((s) => s.name)), legend: { symbolOpacity: 1 } } as const;
  const x = { field: 'position', type: 'quantitative', scale: { domain: [0, labels.length], nice: false, zero: false }, axis: yearAxis(labels) } as const;
  const rules = changeRules(scenarios, labels);
  const rows = metrics.flatMap((metric, panel) => trajectoryRows(scenarios, labels, metric, panel));
  const columns = metrics.length > 1 ? 2 : 1;
  const width = columns === 2 ? Math.floor((CHART_WIDTH - 60) / 2) : CHART_WIDTH;
  const panels = metrics.map((metric, panel) => {
    const { label, unit } = metricLabel(metric);
    const only = [{ filter: { field: 'panel', equal: panel } }];
    const targets = goalLines(goals, metric, unit === 'share' ? 100 : 1);
    return {
      // One figure alone takes the chart's title; several each name their panel.
      ...(metrics.length > 1 ? { title: { text: label, fontSize: 13 } } : {}),
      width,
      height: 160,
      layer: [
        {
          transform: only,
          mark: { type: 'area', opacity: 0.2 },
          encoding: { x, y: { field: 'low', type: 'quantitative', title: unitText(unit) }, y2: { field: 'high' }, color: colour },
        },
        {
          transform: only,
          mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 40 } },
          encoding: { x, y: { field: 'mean', type: 'quantitative' }, color: colour },
        },
        ...(rules.length === 0
          ? []
          : [{
              data: { values: rules },
              mark: { type: 'rule', strokeWidth: 1.5 },
              encoding: {
                x: { field: 'position', type: 'quantitative' },
                color: colour,
                strokeDash: { field: 'kind', type: 'nominal', title: 'Dated change', scale: { domain: [...CHANGE_KINDS], range: [[6, 3], [2, 2]] } },
              },
            }]),
        ...(targets.length === 0
          ? []
          : [
              { data: { values: targets }, mark: { type: 'rule', color: GOAL_COLOUR, strokeDash: [5, 3], strokeWidth: 2 }, encoding: { y: { field: 'goal', type: 'quantitative' } } },
              {
                data: { values: targets },
                mark: { type: 'text', color: GOAL_COLOUR, align: 'right', baseline: 'bottom', dy: -2, fontSize: 12 },
                encoding: { y: { field: 'goal', type: 'quantitative' }, x: { value: width }, text: { field: 'text' } },
              },
            ]),
      ],
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: metrics.length === 1 ? `${metricLabel(metrics[0] ?? '').label}, per school year` : 'Headline figures per school year', subtitle: 'Mean over replications, the band its 95% confidence interval; vertical lines are the scenarios\u2019 dated changes' },
    config: chartConfig,
    data: { values: rows },
    columns,
    concat: panels,
  } as TopLevelSpec;
}

// Which charts a report carries, in reading order, each with a sentence on how to read it.
// A chart appears only when its data is there: one scenario has no differences to plot.
import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from './report-input.js';
import { weeksToOfferChart } from '../charts/weeks-to-offer.js';
import { countsOverTimeChart } from '../charts/counts-over-time.js';
import { pairedDifferencesChart } from '../charts/paired-differences.js';
import { weeksInStageChart } from '../charts/weeks-in-stage.js';
import { careWaitsChart, costsChart, escalationsChart, hasFamily } from '../charts/per-category-bars.js';
import { sensitivityChart } from '../charts/sensitivity.js';
import { calibrationChart } from '../charts/calibration.js';
import { decompositionChart } from '../charts/decomposition.js';
import { trajectoryChart, trajectoryMetrics } from '../charts/trajectories.js';
import { HEADLINE_METRICS } from './metric-labels.js';
import { projectionLabels } from './projection-checks.js';
import { trajectoryReading } from './trajectory-reading.js';

export interface ChartFigure {
  /** File-name stem of the spec (<name>.vl.json) and the figure's anchor. */
  name: string;
  section: 'results' | 'projection' | 'sensitivity' | 'calibration' | 'decomposition';
  spec: TopLevelSpec;
  howToRead: string;
}

const sensitivityReading: Readonly<Record<'oat' | 'morris' | 'sobol', string>> = {
  oat: 'Each bar shows how far the figure moves when one parameter goes from its low to its high value with all others at their scenario values; the longest bars, at the top, are the parameters whose values matter most. The vertical line is the figure with every parameter at its scenario value.',
  morris: 'Each bar is a parameter\u2019s mean absolute effect on the figure (mu*) across the Morris trajectories, with its 95% confidence interval; parameters near zero can be left at their defaults without changing the conclusion.',
  sobol: 'For each parameter, the light bar is the share of the figure\u2019s variance it causes on its own (S1) and the dark bar the share including its interactions with other parameters (ST), each with a 95% confidence interval. A large gap between the two means the parameter matters through interactions.',
};

/** The national goal's count, for a report input without goals (goal.json's default goal names it otherwise). */
export const GOAL_TRAJECTORY_METRIC = 'over_13_weeks_without_offer';

/**
 * The trajectory chart of the given figures (default: every headline figure and every figure a goal is
 * set on), or null when there is no trajectory: one measured year has only the figures of the other charts.
 */
export function trajectoryFigure(input: Pick<ReportInput, 'scenarios' | 'goals'>, metrics?: readonly string[]): ChartFigure | null {
  if (projectionLabels(input).length < 2) return null;
  const goals = input.goals ?? [];
  const shown = trajectoryMetrics(input.scenarios, metrics ?? [...HEADLINE_METRICS, ...goals.map((g) => g.metric)]);
  if (shown.length === 0) return null;
  return { name: 'trajectories', section: 'projection', spec: trajectoryChart(input.scenarios, goals, shown), howToRead: trajectoryReading(input.scenarios) };
}

export function chartFigures(input: ReportInput): ChartFigure[] {
  const s = input.scenarios;
  const reference = s[0]?.name ?? 'the first scenario';
  const figures: ChartFigure[] = [];
  if (s.some((x) => x.histograms['weeks_to_offer'] !== undefined || x.histograms['weeks_to_attendance'] !== undefined)) {
    figures.push({
      name: 'weeks-to-offer',
      section: 'results',
      spec: weeksToOfferChart(s),
      howToRead:
        'Each line is one scenario; its height at a week is how many episodes reached a fitting offer (top) or attendance (bottom) in that week. Everything right of the dashed red line is a child at home longer than the 13-week goal allows. Episodes of 4 weeks or less do not make a thuiszitter and are left out.',
    });
  }
  if (s.some((x) => x.weekly.some((r) => r.metric === 'thuiszitters_legal' || r.metric === 'thuiszitters_all'))) {
    figures.push({
      name: 'counts-over-time',
      section: 'results',
      spec: countsOverTimeChart(s),
      howToRead:
        'The top panel counts children at home under today\u2019s legal definition, the bottom panel also counts those with authorised absence: the gap between the panels is the group the legal definition does not see. The shaded band around each line is the 95% confidence interval of the weekly mean.',
    });
  }
  if (s.length > 1 && s.slice(1).some((x) => x.difference !== null)) {
    figures.push({
      name: 'differences',
      section: 'results',
      spec: pairedDifferencesChart(s),
      howToRead: `Each dot is a scenario\u2019s mean difference from ${reference}, the line through it the 95% confidence interval. Where the line crosses the dashed zero line, the replications cannot tell that scenario apart from ${reference}. Left of zero means fewer children, fewer weeks or lower cost; for the share with an offer within 13 weeks, right of zero is better.`,
    });
  }
  if (hasFamily(s, 'weeks_in_stage')) {
    figures.push({
      name: 'weeks-in-stage',
      section: 'results',
      spec: weeksInStageChart(s),
      howToRead: 'Each bar splits the mean length of an episode into the stages it passes through. A shorter bar is a shorter episode; a segment that shrinks shows where a scenario saves the time.',
    });
  }
  if (hasFamily(s, 'care_wait_weeks')) {
    figures.push({
      name: 'care-waits',
      section: 'results',
      spec: careWaitsChart(s),
      howToRead: `Bars are mean waits per care type, one per scenario (${reference} in grey); the black line on each bar is its 95% confidence interval. Compare with the Treeknorm: at most 4 weeks to intake and 10 more to treatment in mental-health care.`,
    });
  }
  if (hasFamily(s, 'escalations')) {
    figures.push({
      name: 'escalations',
      section: 'results',
      spec: escalationsChart(s),
      howToRead: 'Bars count the cases that reach each body per year. More escalations can be good (a body now exists and acts) or bad (cases get stuck further up); read them with the time figures above.',
    });
  }
  if (hasFamily(s, 'cost_eur')) {
    figures.push({
      name: 'costs',
      section: 'results',
      spec: costsChart(s),
      howToRead: 'Bars are the yearly cost charged to each budget, with 95% confidence intervals. A scenario that moves cost from one budget to another shows as bars that swap height, not as a change in the total.',
    });
  }
  const trajectories = trajectoryFigure(input);
  if (trajectories !== null) figures.push(trajectories);
  if (input.sensitivity !== undefined) {
    figures.push({ name: 'sensitivity', section: 'sensitivity', spec: sensitivityChart(input.sensitivity), howToRead: sensitivityReading[input.sensitivity.method] });
  }
  if (input.calibration !== undefined && input.calibration.fit.length > 0) {
    figures.push({
      name: 'calibration',
      section: 'calibration',
      spec: calibrationChart(input.calibration),
      howToRead: 'For each figure the region supplied, the black diamond is the observed value and the blue dot the fitted model\u2019s mean with its 95% confidence interval. A good fit puts the diamond inside or near the blue line in every period.',
    });
  }
  if (input.decomposition !== undefined) {
    figures.push({
      name: 'decomposition',
      section: 'decomposition',
      spec: decompositionChart(input.decomposition),
      howToRead: `Each bar is the part of ${input.decomposition.package}\u2019s effect that one component carries (its Shapley value: what switching it on adds, averaged over every order of switching the components on), with its 95% confidence interval; the bars add up to the package total at the bottom. The diamond is what the component does when switched on alone: a bar longer than its diamond means the component works through the others (interaction), a shorter one that others make it partly redundant.`,
    });
  }
  return figures;
}

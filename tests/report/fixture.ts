// A hand-built report input for the report tests. The numbers are shaped like a mid-sized region's
// (a few hundred thuiszitters, a long tail past 13 weeks, four policy scenarios) so that the
// charts meet realistic ranges, but they are invented: nothing here is a model result, and the
// title says so wherever the fixture is rendered.
import type { GoalReport, MetricSummary, ReportInput, ScenarioReport, WeeklyRow, YearReport } from '../../analysis/report/report-input.js';
import { schoolYearLabels } from '../../scenarios/calendar.js';

export const FIXTURE_REPLICATIONS = 40;
const T_975 = 2.0227; // Student t, 39 degrees of freedom

export function summary(mean: number, sd: number, n = FIXTURE_REPLICATIONS): MetricSummary {
  const half = (T_975 * sd) / Math.sqrt(n);
  return { mean, sd, ci95_low: mean - half, ci95_high: mean + half, n };
}

// Abramowitz-Stegun 7.1.26: enough precision to shape a fixture histogram.
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

function lognormalCdf(x: number, median: number, sigma: number): number {
  if (x <= 0) return 0;
  return 0.5 * (1 + erf(Math.log(x / median) / (sigma * Math.SQRT2)));
}

/** Episodes past 4 weeks spread over week bins 0..103 and 104+, from a lognormal duration. */
export function durationHistogram(episodes: number, median: number, sigma: number): number[] {
  const beyond4 = 1 - lognormalCdf(4, median, sigma);
  const bins: number[] = [];
  for (let week = 0; week < 104; week += 1) {
    const mass = week < 4 ? 0 : lognormalCdf(week + 1, median, sigma) - lognormalCdf(week, median, sigma);
    bins.push((episodes * mass) / beyond4);
  }
  bins.push((episodes * (1 - lognormalCdf(104, median, sigma))) / beyond4);
  return bins;
}

interface ScenarioShape {
  name: string;
  description: string;
  stated: string;
  /** Scales the at-home counts and the waits relative to the reference. */
  factor: number;
  offerMedian: number;
  costFactor: number;
}

const shapes: ScenarioShape[] = [
  { name: 'baseline', description: 'Today\u2019s arrangements: separate budgets, exemptions allowed, no casusregisseur.', stated: 'name: baseline\n', factor: 1, offerMedian: 9, costFactor: 1 },
  {
    name: 'casusregisseur',
    description: 'A casusregisseur takes regie after 4 weeks, with a mandate over waiting lists.',
    stated: 'name: casusregisseur\ncasusregisseur:\n  enabled: true\n  startWeek: 4\n  bypassWaitingLists: true\n',
    factor: 0.82,
    offerMedian: 7.5,
    costFactor: 1.06,
  },
  {
    name: 'bundled-budgets',
    description: 'One regional pot for education and care, so combined arrangements no longer wait on who pays.',
    stated: 'name: bundled-budgets\nbudgets:\n  mode: bundled\n  annualEur: 4200000\n',
    factor: 0.97,
    offerMedian: 8.7,
    costFactor: 1.0,
  },
  {
    name: 'dullaert-full',
    description: 'The full Dullaert advice: absence distinction abolished, exemptions abolished, casusregisseur, doorbraakteam and arbitration. <Quotes & "ampersands"> test escaping.',
    stated: 'name: dullaert-full\nabsence:\n  distinction: abolished\nexemptions:\n  allowed: false\n',
    factor: 0.64,
    offerMedian: 5.8,
    costFactor: 1.18,
  },
];

const careTypes = ['ambulant', 'ggz', 'specialist'];
const bodies = ['leerplicht', 'action_table', 'casusregisseur', 'doorbraakteam', 'om'];
const stages = ['school_regie', 'mdt', 'leerplicht', 'action_table', 'care_wait', 'negotiation'];

function weekly(factor: number): WeeklyRow[] {
  const rows: WeeklyRow[] = [];
  for (let week = 0; week < 52; week += 1) {
    // Fewer children counted in the summer holiday (weeks 28-33 of a school year starting in September).
    const season = week >= 28 && week <= 33 ? 0.7 : 1 + 0.08 * Math.sin((2 * Math.PI * week) / 52);
    const legal = 118 * factor * season;
    const all = 2.6 * legal;
    for (const [metric, mean, sd] of [['thuiszitters_legal', legal, 9], ['thuiszitters_all', all, 16]] as const) {
      const s = summary(mean, sd);
      rows.push({ week, metric, mean: s.mean, ci95_low: s.ci95_low, ci95_high: s.ci95_high });
    }
  }
  return rows;
}

function metrics(shape: ScenarioShape): Record<string, MetricSummary> {
  const f = shape.factor;
  const m: Record<string, MetricSummary> = {
    new_episodes: summary(412, 21),
    thuiszitters_legal: summary(118 * f, 9),
    thuiszitters_all: summary(307 * f, 16),
    over_13_weeks_legal: summary(41 * f * f, 6),
    over_13_weeks_all: summary(96 * f * f, 10),
    share_offer_within_13_weeks: summary(Math.min(0.95, 0.62 / f), 0.05),
    median_weeks_to_offer: summary(shape.offerMedian, 0.8),
    p90_weeks_to_offer: summary(shape.offerMedian * 3.4, 3.1),
    median_weeks_to_attendance: summary(shape.offerMedian + 3.2, 1.0),
    p90_weeks_to_attendance: summary(shape.offerMedian * 3.4 + 9, 3.8),
    exemptions: summary(shape.name === 'dullaert-full' ? 0 : 23, shape.name === 'dullaert-full' ? 0 : 4.5),
    cost_eur_total: summary(5_850_000 * shape.costFactor, 240_000),
    'cost_eur.swv': summary(3_100_000 * shape.costFactor, 150_000),
    'cost_eur.gemeente': summary(2_750_000 * shape.costFactor, 130_000),
  };
  careTypes.forEach((type, i) => {
    m[`care_wait_weeks.${type}`] = summary((4 + 5 * i) * f, 0.9 + i);
  });
  bodies.forEach((body, i) => {
    const off = body === 'casusregisseur' && shape.name === 'baseline';
    m[`escalations.${body}`] = summary(off ? 0 : (160 / (i + 1)) * f, off ? 0 : 6 / (i + 1));
  });
  stages.forEach((stage, i) => {
    m[`weeks_in_stage.${stage}`] = summary([3.6, 2.4, 1.8, 2.9, 4.7, 1.6][i]! * (stage === 'negotiation' && shape.name === 'bundled-budgets' ? 0.2 : f), 0.4);
  });
  return m;
}

function difference(scenario: Record<string, MetricSummary>, reference: Record<string, MetricSummary>): Record<string, MetricSummary> {
  const d: Record<string, MetricSummary> = {};
  for (const [name, s] of Object.entries(scenario)) {
    const r = reference[name];
    if (r === undefined) continue;
    // Common random numbers make the paired sd much smaller than either scenario's sd.
    d[name] = summary(s.mean - r.mean, 0.45 * Math.max(s.sd, r.sd));
  }
  return d;
}

function sha(i: number): string {
  return ((i + 1) * 0x9e3779b1).toString(16).padStart(8, '0').repeat(8).slice(0, 64);
}

export function fixtureScenarios(count = shapes.length): ScenarioReport[] {
  const chosen = shapes.slice(0, count);
  const referenceMetrics = metrics(shapes[0]!);
  return chosen.map((shape, i) => {
    const m = metrics(shape);
    return {
      name: shape.name,
      description: shape.description,
      stated: shape.stated,
      sha256: sha(i),
      metrics: m,
      difference: i === 0 ? null : difference(m, referenceMetrics),
      weekly: weekly(shape.factor),
      histograms: {
        weeks_to_offer: durationHistogram(180 * shape.factor, shape.offerMedian + 3, 0.95),
        weeks_to_attendance: durationHistogram(180 * shape.factor, shape.offerMedian + 6, 0.95),
      },
    };
  });
}

/** The fixture's projection starts here; its policy scenarios switch on two school years later. */
export const FIXTURE_START = '2025-08-01';
const POLICY_FROM = '2027-08-01';
const POLICY_YEAR = 2;

/**
 * Per school year: every scenario is the reference until the policy date (identical figures, so the
 * paired difference is exactly 0, as common random numbers give), its own shape after it; all
 * counts drift up 2% a year, as a rising incidence would.
 */
function projectedYears(count: number, chosen: readonly ScenarioShape[]): YearReport[][] {
  const labels = schoolYearLabels(FIXTURE_START, count);
  const reference = shapes[0]!;
  const drifted = (shape: ScenarioShape, year: number): ScenarioShape => ({ ...(year < POLICY_YEAR ? reference : shape), factor: (year < POLICY_YEAR ? 1 : shape.factor) * (1 + 0.02 * year) });
  const referenceYears = labels.map((_, year) => metrics(drifted(reference, year)));
  return chosen.map((shape, i) =>
    labels.map((label, year) => {
      const m = metrics(drifted(shape, year));
      const referenceMetrics = referenceYears[year]!;
      const d = i === 0 ? null : year < POLICY_YEAR ? Object.fromEntries(Object.keys(m).map((k) => [k, summary(0, 0)])) : difference(m, referenceMetrics);
      return { label, metrics: m, difference: d };
    }),
  );
}

/** goal.json's goals for the fixture: the national goal nobody meets, and two that policy scenarios meet in time. */
function fixtureGoals(count: number, chosen: readonly ScenarioShape[]): GoalReport[] {
  const labels = schoolYearLabels(FIXTURE_START, count);
  const yearsOf = (shares: (year: number) => number) => labels.map((label, year) => {
    const share = shares(year);
    return { label, share, ci95_low: Math.max(0, share - 0.1), ci95_high: Math.min(1, share + 0.05), n: FIXTURE_REPLICATIONS };
  });
  const firstYear = (shares: (year: number) => number, threshold: number): string | null => labels.find((_, year) => shares(year) >= threshold) ?? null;
  const perScenario = (shares: (i: number, year: number) => number) =>
    chosen.map((shape, i) => ({
      scenario: shape.name,
      years: yearsOf((year) => shares(i, year)),
      first_year_80: firstYear((year) => shares(i, year), 0.8),
      first_year_95: firstYear((year) => shares(i, year), 0.95),
    }));
  return [
    { goal: 'over_13_weeks_legal<=0', metric: 'over_13_weeks_legal', operator: '<=', target: { kind: 'absolute', value: 0 }, source: 'default', scenarios: perScenario(() => 0) },
    {
      goal: 'over_13_weeks_legal<=-30%@2025/26',
      metric: 'over_13_weeks_legal',
      operator: '<=',
      target: { kind: 'relative', change: -0.3, reference: '2025/26' },
      source: 'scenario',
      scenarios: perScenario((i, year) => (year < POLICY_YEAR || (chosen[i]?.factor ?? 1) > 0.85 ? 0 : Math.min(1, 0.7 + 0.1 * (year - POLICY_YEAR + 1)))),
    },
    {
      goal: 'share_offer_within_13_weeks>=0.9',
      metric: 'share_offer_within_13_weeks',
      operator: '>=',
      target: { kind: 'absolute', value: 0.9 },
      source: 'option',
      scenarios: perScenario((i, year) => (year >= POLICY_YEAR && (chosen[i]?.factor ?? 1) < 0.7 ? 0.9 : 0.05)),
    },
  ];
}

/** With `years`, every scenario gets that many school years from FIXTURE_START, the policy scenarios a timeline, and the input goals. */
export function withProjection(input: ReportInput, years: number): ReportInput {
  const chosen = input.scenarios.map((s) => shapes.find((shape) => shape.name === s.name)!);
  const perScenario = projectedYears(years, chosen);
  const scenarios = input.scenarios.map((s, i) => ({
    ...s,
    years: perScenario[i]!,
    calendar: {
      start: FIXTURE_START,
      changes: i === 0 ? [] : [
        { from: POLICY_FROM, rampYears: 0, paths: ['policy.casusregisseur.enabled', 'policy.casusregisseur.caseload'] },
        { from: POLICY_FROM, rampYears: 2, paths: ['care.ggz.capacity'] },
      ],
    },
  }));
  return { ...input, scenarios, goals: fixtureGoals(years, chosen) };
}

export function fixtureInput(options: { scenarios?: number; sensitivity?: boolean; calibration?: boolean; years?: number } = {}): ReportInput {
  const input: ReportInput = {
    title: 'Fixture region (test data, not model results)',
    version: '0.1.0',
    seed: 20160601,
    replications: FIXTURE_REPLICATIONS,
    command: 'thuiszit compare baseline casusregisseur bundled-budgets dullaert-full --replications 40 --seed 20160601',
    scenarios: fixtureScenarios(options.scenarios),
    parameters: [
      { path: 'care.ggz.capacity', value: 48, provenance: 'assumption: regional GGZ slots for school-age children' },
      { path: 'school.mdt.cadenceWeeks', value: 4, provenance: 'seed 003, 4-6 weeks in some schools' },
      { path: 'casusregisseur.startWeek', value: 4, provenance: 'seed 004 6.7' },
      { path: 'om.decisionWeeks', value: 1, provenance: 'seed 004 6.10 (7)' },
    ],
  };
  if (options.sensitivity === true) {
    input.sensitivity = {
      method: 'oat',
      metric: 'over_13_weeks_legal',
      rows: [
        { path: 'care.ggz.capacity', low: 36, high: 60, outputAtLow: 52.3, outputAtHigh: 33.1, swing: 19.2, baseOutput: 41 },
        { path: 'school.mdt.cadenceWeeks', low: 2, high: 6, outputAtLow: 36.2, outputAtHigh: 47.9, swing: 11.7, baseOutput: 41 },
        { path: 'casusregisseur.startWeek', low: 2, high: 8, outputAtLow: 39.4, outputAtHigh: 43.0, swing: 3.6, baseOutput: 41 },
        { path: 'om.decisionWeeks', low: 0.5, high: 2, outputAtLow: 40.8, outputAtHigh: 41.3, swing: 0.5, baseOutput: 41 },
      ],
    };
  }
  if (options.calibration === true) {
    input.calibration = {
      fitted: [
        { path: 'pupil.onsetRatePerThousand', value: 1.9, ci95_low: 1.7, ci95_high: 2.1 },
        { path: 'care.ggz.capacity', value: 47, ci95_low: 41, ci95_high: 53 },
      ],
      fit: [
        { measure: 'lrv_open_1_september', period: '2009/10', observed: '95', simulated_mean: 97.2, ci95_low: 91.0, ci95_high: 103.4 },
        { measure: 'lrv_open_1_september', period: '2010/11', observed: '96', simulated_mean: 98.0, ci95_low: 91.9, ci95_high: 104.1 },
        { measure: 'lrv_new_during_year', period: '2009/10', observed: '122', simulated_mean: 118.5, ci95_low: 111.2, ci95_high: 125.8 },
        { measure: 'lrv_new_during_year', period: '2010/11', observed: '120-140', simulated_mean: 126.1, ci95_low: 118.4, ci95_high: 133.8 },
        { measure: 'exemptions', period: '2010/11', observed: '<5', observed_low: 0, observed_high: 5, simulated_mean: 3.1, ci95_low: 2.2, ci95_high: 4.0 },
      ],
    };
  }
  return options.years === undefined ? input : withProjection(input, options.years);
}

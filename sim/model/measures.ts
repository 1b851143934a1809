// Turns episode intervals into the metrics (the whole measured period and each measured school year),
// weekly series and histograms of ReplicationOutput.
// Weekly counts come from difference arrays over each episode's at-home interval (O(1) per episode, no
// per-week events). Counts of pupils (over 13 weeks) count each pupil once per year, whatever number of
// episodes. Duration metrics follow the cohort of episodes that start in the measured period and pass four
// weeks at home, with the Kaplan-Meier estimator: a child who ages out or moves away before an offer, or is
// still at home at the end of the follow-up, is censored at that moment (in view and without an offer up to
// then) rather than dropped or counted as never getting one.
import type { CareType } from '../../scenarios/schema.js';
import { CARE_TYPES } from '../../scenarios/schema.js';
import { KaplanMeier } from '../engine/statistics/kaplan-meier.js';
import type { Observation } from '../engine/statistics/kaplan-meier.js';
import type { Episode } from './episode.js';
import type { Ledger } from './ledger.js';
import type { Body } from './vocabulary.js';
import { BODIES, BUDGETS, COST_ITEMS, FUNDERS, GOAL_WEEKS, STAGES, THUISZITTER_WEEKS, WEEKS_PER_YEAR } from './vocabulary.js';
import { YearlyList, YearlyMean, YearlySum, measuredYearOf } from './yearly.js';
import type { Mean } from './yearly.js';

export const HISTOGRAM_BINS = 105;

/** How an exemption came to be held: a new one on the direct or the escape route, or one held when the run starts. */
export type ExemptionOrigin = 'direct' | 'escape' | 'stock';

/** Everything the metrics of one view (the whole period, or one school year) are computed from. */
interface ViewFigures {
  years: number;
  newEpisodes: number;
  newAuthorised: number;
  newOver4Legal: number;
  openOver4LegalAtStart: number;
  lrvInYear: number[];
  absoluteCases: number[];
  exempted: number[];
  over13: { legal: number[]; withoutOffer: number[]; absolute: number[]; relative: number[]; all: number[] };
  weeklyLegal: number[];
  weeklyAll: number[];
  maxWeeksAtHome: number;
  toOffer: readonly Observation[];
  toAttendance: readonly Observation[];
  stageSums: number[];
  exemptions: number;
  exemptionsEscape: number;
  escalations: Record<string, number>;
  careWaits: Record<string, number | null>;
  careWaitsOthers: Record<string, number | null>;
  maatwerkWait: number | null;
  costs: { total: number; budgets: Record<string, number>; funders: Record<string, number>; items: Record<string, number> };
}

export interface MeasuredMetrics {
  metrics: Record<string, number | null>;
  /** The same metrics for each measured school year alone. */
  years: Array<Record<string, number | null>>;
  weekly: Record<string, number[]>;
  histograms: Record<string, number[]>;
}

export class Measures {
  private readonly weeks: number;
  private readonly atHomeAll: Float64Array;
  private readonly atHomeLegal: Float64Array;
  private readonly over13All: Set<number>[];
  private readonly over13Legal: Set<number>[];
  private readonly over13WithoutOffer: Set<number>[];
  private readonly over13Absolute: Set<number>[];
  private readonly over13Relative: Set<number>[];
  private readonly exempted: Float64Array;
  private readonly lrvInYear: Float64Array;
  private readonly absoluteCases: Float64Array;
  private readonly newEpisodes: YearlySum;
  private readonly newAuthorised: YearlySum;
  private readonly newOver4Legal: YearlySum;
  /** Per measured year: legal cases open past four weeks on its first day. */
  private readonly openOver4LegalAtYearStart: Float64Array;
  private readonly exemptions: YearlySum;
  private readonly exemptionsEscape: YearlySum;
  private readonly maxWeeksAtHomeInYear: Float64Array;
  private readonly escalations: Record<string, YearlySum> = {};
  private readonly careWaits: Record<string, YearlyMean> = {};
  private readonly careWaitsOthers: Record<string, YearlyMean> = {};
  private readonly maatwerkWaits: YearlyMean;
  private readonly toOffer: YearlyList<Observation>;
  private readonly toAttendance: YearlyList<Observation>;
  private readonly stageSums: YearlySum[];
  readonly careQueue: Record<string, number[]> = {};

  constructor(
    private readonly start: number,
    private readonly end: number,
    private readonly years: number,
  ) {
    this.weeks = Math.round(end - start);
    this.atHomeAll = new Float64Array(this.weeks + 1);
    this.atHomeLegal = new Float64Array(this.weeks + 1);
    const sets = () => Array.from({ length: years }, () => new Set<number>());
    this.over13All = sets();
    this.over13Legal = sets();
    this.over13WithoutOffer = sets();
    this.over13Absolute = sets();
    this.over13Relative = sets();
    this.exempted = new Float64Array(years);
    this.lrvInYear = new Float64Array(years);
    this.absoluteCases = new Float64Array(years);
    this.openOver4LegalAtYearStart = new Float64Array(years);
    this.maxWeeksAtHomeInYear = new Float64Array(years);
    this.newEpisodes = new YearlySum(years);
    this.newAuthorised = new YearlySum(years);
    this.newOver4Legal = new YearlySum(years);
    this.exemptions = new YearlySum(years);
    this.exemptionsEscape = new YearlySum(years);
    this.maatwerkWaits = new YearlyMean(years);
    this.toOffer = new YearlyList(years);
    this.toAttendance = new YearlyList(years);
    this.stageSums = STAGES.map(() => new YearlySum(years));
    for (const body of BODIES) this.escalations[body] = new YearlySum(years);
    for (const type of CARE_TYPES) {
      this.careWaits[type] = new YearlyMean(years);
      this.careWaitsOthers[type] = new YearlyMean(years);
      this.careQueue[type] = [];
    }
  }

  inPeriod(t: number): boolean {
    return t >= this.start && t < this.end;
  }

  /** The measured school year t falls in (0, 1, ...), or -1 outside the measured period. */
  yearOf(t: number): number {
    return measuredYearOf(t, this.start, this.years);
  }

  escalation(body: Body, t: number): void {
    const y = this.yearOf(t);
    if (y >= 0) (this.escalations[body] as YearlySum).add(y);
  }

  /** A thuiszitter's wait from referral to the start of the needed care. */
  careWait(type: CareType, wait: number, t: number): void {
    const y = this.yearOf(t);
    if (y >= 0) (this.careWaits[type] as YearlyMean).add(y, wait);
  }

  /** The wait of a client who is not a thuiszitter: what priority and bypasses cost the others. */
  careWaitOthers(type: CareType, wait: number, t: number): void {
    const y = this.yearOf(t);
    if (y >= 0) (this.careWaitsOthers[type] as YearlyMean).add(y, wait);
  }

  maatwerkWait(wait: number, t: number): void {
    const y = this.yearOf(t);
    if (y >= 0) this.maatwerkWaits.add(y, wait);
  }

  /** An exemption held over [from, to): counted among the pupils holding one in each year it overlaps. */
  exemptionHeld(from: number, to: number, origin: ExemptionOrigin): void {
    const y = this.yearOf(from);
    if (origin !== 'stock' && y >= 0) {
      this.exemptions.add(y);
      if (origin === 'escape') this.exemptionsEscape.add(y);
    }
    this.forYears(from, to, (year) => {
      this.exempted[year] = (this.exempted[year] as number) + 1;
    });
  }

  /** Calls f(y) for each measured year y that the interval [from, to) overlaps. */
  private forYears(from: number, to: number, f: (year: number) => void): void {
    for (let y = 0; y < this.years; y++) {
      const ys = this.start + y * WEEKS_PER_YEAR;
      if (Math.max(ys, from) < Math.min(to, ys + WEEKS_PER_YEAR)) f(y);
    }
  }

  /** Adds 1 to the weekly snapshots (taken at the start of each measured week) that fall in [from, to). */
  private addInterval(series: Float64Array, from: number, to: number): void {
    const a = Math.max(0, Math.ceil(from - this.start));
    const b = Math.min(this.weeks, Math.ceil(to - this.start));
    if (a >= b) return;
    series[a] = (series[a] as number) + 1;
    series[b] = (series[b] as number) - 1;
  }

  /** The pupil, if at home past 13 weeks at some moment of measured year y, for each y. */
  private addOver13(sets: Set<number>[], pupil: number, from: number, to: number): void {
    this.forYears(from + GOAL_WEEKS, to, (y) => (sets[y] as Set<number>).add(pupil));
  }

  /** Counts an interval as a case "in the year" of each measured year: open at its first day, or new during it. */
  private addInYear(series: Float64Array, from: number, to: number): void {
    this.forYears(from, to, (y) => {
      series[y] = (series[y] as number) + 1;
    });
  }

  /** An absence with no pathway (genuine illness): counts only under the all-absence definition. */
  illness(pupil: number, onset: number, end: number): void {
    const y = this.yearOf(onset);
    if (y >= 0) {
      this.newEpisodes.add(y);
      this.newAuthorised.add(y);
    }
    this.addInterval(this.atHomeAll, onset + THUISZITTER_WEEKS, end);
    this.addOver13(this.over13All, pupil, onset, end);
  }

  /** A case (unauthorised, masked authorised, not enrolled or maatwerk), when it ends or at the horizon if open. */
  episode(ep: Episode, horizon: number): void {
    const end = ep.ended ? ep.end : horizon;
    const y = this.yearOf(ep.onset);
    if (y >= 0) {
      this.newEpisodes.add(y);
      if (ep.kind === 'authorised') this.newAuthorised.add(y);
    }
    this.addInterval(this.atHomeAll, ep.onset + THUISZITTER_WEEKS, end);
    this.addOver13(this.over13All, ep.pupilId, ep.onset, end);
    if (!Number.isNaN(ep.legalStart) && ep.legalStart < end) this.legal(ep, end);
    // The cohort: episodes starting in the period that pass four weeks at home, censored where our view ends.
    if (y >= 0 && end - ep.onset > THUISZITTER_WEEKS) {
      const observedUntil = end - ep.onset;
      this.toOffer.add(y, ep.hasOffer ? { time: ep.offer - ep.onset, event: true } : { time: observedUntil, event: false });
      const attended = !Number.isNaN(ep.attendance);
      this.toAttendance.add(y, attended ? { time: ep.attendance - ep.onset, event: true } : { time: observedUntil, event: false });
      for (let i = 0; i < STAGES.length; i++) {
        let weeks = ep.stageWeeks[i] as number;
        if (ep.stage === i) weeks += end - ep.stageStart;
        (this.stageSums[i] as YearlySum).add(y, weeks);
      }
    }
  }

  private legal(ep: Episode, end: number): void {
    const from = ep.legalStart;
    this.addInterval(this.atHomeLegal, from + THUISZITTER_WEEKS, end);
    this.addOver13(this.over13Legal, ep.pupilId, from, end);
    this.addOver13(this.over13WithoutOffer, ep.pupilId, from, ep.hasOffer ? Math.min(ep.offer, end) : end);
    const absolute = ep.kind === 'not-enrolled';
    this.addOver13(absolute ? this.over13Absolute : this.over13Relative, ep.pupilId, from, end);
    this.forYears(from, end, (year) => {
      const yearEnd = this.start + (year + 1) * WEEKS_PER_YEAR;
      this.maxWeeksAtHomeInYear[year] = Math.max(this.maxWeeksAtHomeInYear[year] as number, Math.min(end, yearEnd) - from);
    });
    if (absolute) {
      this.addInYear(this.absoluteCases, from, end);
      return;
    }
    // Long relative absence (LRV) as counted nationally: open on the first day, or new during the year.
    const past4 = from + THUISZITTER_WEEKS;
    if (past4 >= end) return;
    this.addInYear(this.lrvInYear, past4, end);
    const y = this.yearOf(past4);
    if (y >= 0) this.newOver4Legal.add(y);
    for (let year = 0; year < this.years; year++) {
      const ys = this.start + year * WEEKS_PER_YEAR;
      if (past4 <= ys && end > ys) this.openOver4LegalAtYearStart[year] = (this.openOver4LegalAtYearStart[year] as number) + 1;
    }
  }

  sampleCareQueue(type: CareType, length: number): void {
    (this.careQueue[type] as number[]).push(length);
  }

  private cumulative(series: Float64Array): number[] {
    const out: number[] = [];
    let running = 0;
    for (let w = 0; w < this.weeks; w++) {
      running += series[w] as number;
      out.push(running);
    }
    return out;
  }

  /** Weeks to the event per whole week; censored observations (no event seen) go to the last bin. */
  private histogram(values: readonly Observation[]): number[] {
    const bins = new Array<number>(HISTOGRAM_BINS).fill(0);
    for (const v of values) {
      const bin = v.event ? Math.min(HISTOGRAM_BINS - 1, Math.floor(v.time)) : HISTOGRAM_BINS - 1;
      bins[bin] = (bins[bin] as number) + 1;
    }
    return bins;
  }

  finish(ledger: Ledger): MeasuredMetrics {
    const legal = this.cumulative(this.atHomeLegal);
    const all = this.cumulative(this.atHomeAll);
    const sizes = (sets: Set<number>[]) => sets.map((s) => s.size);
    const perBody = (pick: (sum: YearlySum) => number) => Object.fromEntries(BODIES.map((b) => [b, pick(this.escalations[b] as YearlySum)]));
    const perCare = (waits: Record<string, YearlyMean>, pick: (mean: YearlyMean) => number | null) =>
      Object.fromEntries(CARE_TYPES.map((t) => [t, pick(waits[t] as YearlyMean)]));
    const costsOf = (year: number | null) => {
      const totals = year === null ? ledger.totals : ledger.yearTotals(year);
      const items = year === null ? ledger.items : ledger.yearItems(year);
      return { total: BUDGETS.reduce((sum, b) => sum + totals[b], 0), budgets: totals, funders: ledger.byFunder(totals), items };
    };
    const whole: ViewFigures = {
      years: this.years,
      newEpisodes: this.newEpisodes.total,
      newAuthorised: this.newAuthorised.total,
      newOver4Legal: this.newOver4Legal.total,
      openOver4LegalAtStart: this.openOver4LegalAtYearStart[0] as number,
      lrvInYear: Array.from(this.lrvInYear),
      absoluteCases: Array.from(this.absoluteCases),
      exempted: Array.from(this.exempted),
      over13: { legal: sizes(this.over13Legal), withoutOffer: sizes(this.over13WithoutOffer), absolute: sizes(this.over13Absolute), relative: sizes(this.over13Relative), all: sizes(this.over13All) },
      weeklyLegal: legal,
      weeklyAll: all,
      // The longest stay clipped at the period's end is the longest clipped at its last year's end.
      maxWeeksAtHome: Math.max(0, ...this.maxWeeksAtHomeInYear),
      toOffer: this.toOffer.total,
      toAttendance: this.toAttendance.total,
      stageSums: this.stageSums.map((s) => s.total),
      exemptions: this.exemptions.total,
      exemptionsEscape: this.exemptionsEscape.total,
      escalations: perBody((s) => s.total),
      careWaits: perCare(this.careWaits, (m) => m.total.value()),
      careWaitsOthers: perCare(this.careWaitsOthers, (m) => m.total.value()),
      maatwerkWait: this.maatwerkWaits.total.value(),
      costs: { ...costsOf(null), total: ledger.total() },
    };
    const year = (y: number): ViewFigures => {
      const one = <T>(xs: ArrayLike<T>) => [xs[y] as T];
      const weeks = (series: number[]) => series.slice(y * WEEKS_PER_YEAR, (y + 1) * WEEKS_PER_YEAR);
      return {
        years: 1,
        newEpisodes: this.newEpisodes.years[y] as number,
        newAuthorised: this.newAuthorised.years[y] as number,
        newOver4Legal: this.newOver4Legal.years[y] as number,
        openOver4LegalAtStart: this.openOver4LegalAtYearStart[y] as number,
        lrvInYear: one(this.lrvInYear),
        absoluteCases: one(this.absoluteCases),
        exempted: one(this.exempted),
        over13: {
          legal: one(sizes(this.over13Legal)), withoutOffer: one(sizes(this.over13WithoutOffer)), absolute: one(sizes(this.over13Absolute)),
          relative: one(sizes(this.over13Relative)), all: one(sizes(this.over13All)),
        },
        weeklyLegal: weeks(legal),
        weeklyAll: weeks(all),
        maxWeeksAtHome: this.maxWeeksAtHomeInYear[y] as number,
        toOffer: this.toOffer.years[y] as Observation[],
        toAttendance: this.toAttendance.years[y] as Observation[],
        stageSums: this.stageSums.map((s) => s.years[y] as number),
        exemptions: this.exemptions.years[y] as number,
        exemptionsEscape: this.exemptionsEscape.years[y] as number,
        escalations: perBody((s) => s.years[y] as number),
        careWaits: perCare(this.careWaits, (m) => (m.years[y] as Mean).value()),
        careWaitsOthers: perCare(this.careWaitsOthers, (m) => (m.years[y] as Mean).value()),
        maatwerkWait: (this.maatwerkWaits.years[y] as Mean).value(),
        costs: costsOf(y),
      };
    };
    // Weekly series share the names of the metrics they are the weekly form of (thuiszitters_legal is their mean).
    const weekly: Record<string, number[]> = { thuiszitters_legal: legal, thuiszitters_all: all };
    for (const type of CARE_TYPES) weekly[`care_queue.${type}`] = this.careQueue[type] as number[];
    return {
      metrics: metricsOf(whole),
      years: Array.from({ length: this.years }, (_, y) => metricsOf(year(y))),
      weekly,
      histograms: { weeks_to_offer: this.histogram(this.toOffer.total), weeks_to_attendance: this.histogram(this.toAttendance.total) },
    };
  }
}

/** The metrics of one view: counts per year, means over its years, durations of its cohort. */
function metricsOf(v: ViewFigures): Record<string, number | null> {
  const perYear = (x: number) => x / v.years;
  const yearMean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / v.years;
  const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const offer = new KaplanMeier(v.toOffer);
  const attendance = new KaplanMeier(v.toAttendance);
  const cohort = v.toOffer.length;
  const metrics: Record<string, number | null> = {
    new_episodes: perYear(v.newEpisodes),
    new_episodes_authorised: perYear(v.newAuthorised),
    new_over_4_weeks_legal: perYear(v.newOver4Legal),
    open_over_4_weeks_legal_at_start: v.openOver4LegalAtStart,
    lrv_in_year: yearMean(v.lrvInYear),
    absolute_absence_cases: yearMean(v.absoluteCases),
    thuiszitters_legal: mean(v.weeklyLegal),
    thuiszitters_all: mean(v.weeklyAll),
    over_13_weeks_legal: yearMean(v.over13.legal),
    over_13_weeks_without_offer: yearMean(v.over13.withoutOffer),
    over_13_weeks_absolute: yearMean(v.over13.absolute),
    over_13_weeks_relative: yearMean(v.over13.relative),
    over_13_weeks_all: yearMean(v.over13.all),
    max_weeks_at_home: v.maxWeeksAtHome,
    episodes_over_4_weeks: perYear(cohort),
    share_offer_within_13_weeks: cohort === 0 ? null : offer.shareBy(GOAL_WEEKS),
    median_weeks_to_offer: offer.quantile(0.5),
    p90_weeks_to_offer: offer.quantile(0.9),
    median_weeks_to_attendance: attendance.quantile(0.5),
    p90_weeks_to_attendance: attendance.quantile(0.9),
    exemptions: perYear(v.exemptions),
    exemptions_escape_route: perYear(v.exemptionsEscape),
    exempted_pupils: yearMean(v.exempted),
    maatwerk_wait_weeks: v.maatwerkWait,
  };
  for (const type of CARE_TYPES) {
    metrics[`care_wait_weeks.${type}`] = v.careWaits[type] ?? null;
    metrics[`care_wait_weeks_others.${type}`] = v.careWaitsOthers[type] ?? null;
  }
  for (const body of BODIES) metrics[`escalations.${body}`] = perYear(v.escalations[body] as number);
  metrics['cost_eur_total'] = perYear(v.costs.total);
  for (const budget of BUDGETS) metrics[`cost_eur.${budget}`] = perYear(v.costs.budgets[budget] as number);
  for (const funder of FUNDERS) metrics[`cost_eur_funder.${funder}`] = perYear(v.costs.funders[funder] as number);
  for (const item of COST_ITEMS) metrics[`cost_eur_item.${item}`] = perYear(v.costs.items[item] as number);
  STAGES.forEach((stage, i) => {
    metrics[`weeks_in_stage.${stage}`] = cohort === 0 ? null : (v.stageSums[i] as number) / cohort;
  });
  return metrics;
}

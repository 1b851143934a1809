// Turns episode intervals into the per-year metrics, weekly series and histograms of ReplicationOutput.
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

export const HISTOGRAM_BINS = 105;

/** A running mean. */
class Mean {
  private sum = 0;
  private n = 0;
  add(x: number): void {
    this.sum += x;
    this.n++;
  }
  value(): number | null {
    return this.n === 0 ? null : this.sum / this.n;
  }
}

/** How an exemption came to be held: a new one on the direct or the escape route, or one held when the run starts. */
export type ExemptionOrigin = 'direct' | 'escape' | 'stock';

export class Measures {
  private readonly weeks: number;
  private readonly atHomeAll: Float64Array;
  private readonly atHomeLegal: Float64Array;
  private readonly over13All: Set<number>[];
  private readonly over13Legal: Set<number>[];
  private readonly over13Absolute: Set<number>[];
  private readonly over13Relative: Set<number>[];
  private readonly exempted: Float64Array;
  private readonly lrvInYear: Float64Array;
  private readonly absoluteCases: Float64Array;
  private newEpisodes = 0;
  private newAuthorised = 0;
  private newOver4Legal = 0;
  private openOver4LegalAtStart = 0;
  private exemptions = 0;
  private exemptionsEscape = 0;
  private maxWeeksAtHome = 0;
  private readonly escalations: Record<string, number> = {};
  private readonly careWaits: Record<string, Mean> = {};
  private readonly careWaitsOthers: Record<string, Mean> = {};
  private readonly maatwerkWaits = new Mean();
  private readonly toOffer: Observation[] = [];
  private readonly toAttendance: Observation[] = [];
  private readonly stageSums = new Float64Array(STAGES.length);
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
    this.over13Absolute = sets();
    this.over13Relative = sets();
    this.exempted = new Float64Array(years);
    this.lrvInYear = new Float64Array(years);
    this.absoluteCases = new Float64Array(years);
    for (const body of BODIES) this.escalations[body] = 0;
    for (const type of CARE_TYPES) {
      this.careWaits[type] = new Mean();
      this.careWaitsOthers[type] = new Mean();
      this.careQueue[type] = [];
    }
  }

  inPeriod(t: number): boolean {
    return t >= this.start && t < this.end;
  }

  escalation(body: Body, t: number): void {
    if (this.inPeriod(t)) this.escalations[body] = (this.escalations[body] as number) + 1;
  }

  /** A thuiszitter's wait from referral to the start of the needed care. */
  careWait(type: CareType, wait: number, t: number): void {
    if (this.inPeriod(t)) (this.careWaits[type] as Mean).add(wait);
  }

  /** The wait of a client who is not a thuiszitter: what priority and bypasses cost the others. */
  careWaitOthers(type: CareType, wait: number, t: number): void {
    if (this.inPeriod(t)) (this.careWaitsOthers[type] as Mean).add(wait);
  }

  maatwerkWait(wait: number, t: number): void {
    if (this.inPeriod(t)) this.maatwerkWaits.add(wait);
  }

  /** An exemption held over [from, to): counted among the pupils holding one in each year it overlaps. */
  exemptionHeld(from: number, to: number, origin: ExemptionOrigin): void {
    if (origin !== 'stock' && this.inPeriod(from)) {
      this.exemptions++;
      if (origin === 'escape') this.exemptionsEscape++;
    }
    this.forYears(from, to, (y) => {
      this.exempted[y] = (this.exempted[y] as number) + 1;
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
    if (this.inPeriod(onset)) {
      this.newEpisodes++;
      this.newAuthorised++;
    }
    this.addInterval(this.atHomeAll, onset + THUISZITTER_WEEKS, end);
    this.addOver13(this.over13All, pupil, onset, end);
  }

  /** A case (unauthorised, masked authorised, not enrolled or maatwerk), when it ends or at the horizon if open. */
  episode(ep: Episode, horizon: number): void {
    const end = ep.ended ? ep.end : horizon;
    if (this.inPeriod(ep.onset)) {
      this.newEpisodes++;
      if (ep.kind === 'authorised') this.newAuthorised++;
    }
    this.addInterval(this.atHomeAll, ep.onset + THUISZITTER_WEEKS, end);
    this.addOver13(this.over13All, ep.pupilId, ep.onset, end);
    if (!Number.isNaN(ep.legalStart) && ep.legalStart < end) this.legal(ep, end);
    // The cohort: episodes starting in the period that pass four weeks at home, censored where our view ends.
    if (this.inPeriod(ep.onset) && end - ep.onset > THUISZITTER_WEEKS) {
      const observedUntil = end - ep.onset;
      this.toOffer.push(ep.hasOffer ? { time: ep.offer - ep.onset, event: true } : { time: observedUntil, event: false });
      const attended = !Number.isNaN(ep.attendance);
      this.toAttendance.push(attended ? { time: ep.attendance - ep.onset, event: true } : { time: observedUntil, event: false });
      for (let i = 0; i < STAGES.length; i++) {
        let weeks = ep.stageWeeks[i] as number;
        if (ep.stage === i) weeks += end - ep.stageStart;
        this.stageSums[i] = (this.stageSums[i] as number) + weeks;
      }
    }
  }

  private legal(ep: Episode, end: number): void {
    const from = ep.legalStart;
    this.addInterval(this.atHomeLegal, from + THUISZITTER_WEEKS, end);
    this.addOver13(this.over13Legal, ep.pupilId, from, end);
    const absolute = ep.kind === 'not-enrolled';
    this.addOver13(absolute ? this.over13Absolute : this.over13Relative, ep.pupilId, from, end);
    if (from < this.end && end > this.start) this.maxWeeksAtHome = Math.max(this.maxWeeksAtHome, Math.min(end, this.end) - from);
    if (absolute) {
      this.addInYear(this.absoluteCases, from, end);
      return;
    }
    // Long relative absence (LRV) as counted nationally: open on the first day, or new during the year.
    const past4 = from + THUISZITTER_WEEKS;
    if (past4 >= end) return;
    this.addInYear(this.lrvInYear, past4, end);
    if (this.inPeriod(past4)) this.newOver4Legal++;
    if (past4 <= this.start && end > this.start) this.openOver4LegalAtStart++;
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

  finish(ledger: Ledger): {
    metrics: Record<string, number | null>;
    weekly: Record<string, number[]>;
    histograms: Record<string, number[]>;
  } {
    const perYear = (x: number) => x / this.years;
    const yearMean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / this.years;
    const pupils = (sets: Set<number>[]) => yearMean(sets.map((s) => s.size));
    const legal = this.cumulative(this.atHomeLegal);
    const all = this.cumulative(this.atHomeAll);
    const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
    const offer = new KaplanMeier(this.toOffer);
    const attendance = new KaplanMeier(this.toAttendance);
    const cohort = this.toOffer.length;
    const metrics: Record<string, number | null> = {
      new_episodes: perYear(this.newEpisodes),
      new_episodes_authorised: perYear(this.newAuthorised),
      new_over_4_weeks_legal: perYear(this.newOver4Legal),
      open_over_4_weeks_legal_at_start: this.openOver4LegalAtStart,
      lrv_in_year: yearMean(this.lrvInYear),
      absolute_absence_cases: yearMean(this.absoluteCases),
      thuiszitters_legal: mean(legal),
      thuiszitters_all: mean(all),
      over_13_weeks_legal: pupils(this.over13Legal),
      over_13_weeks_absolute: pupils(this.over13Absolute),
      over_13_weeks_relative: pupils(this.over13Relative),
      over_13_weeks_all: pupils(this.over13All),
      max_weeks_at_home: this.maxWeeksAtHome,
      episodes_over_4_weeks: perYear(cohort),
      share_offer_within_13_weeks: cohort === 0 ? null : offer.shareBy(GOAL_WEEKS),
      median_weeks_to_offer: offer.quantile(0.5),
      p90_weeks_to_offer: offer.quantile(0.9),
      median_weeks_to_attendance: attendance.quantile(0.5),
      p90_weeks_to_attendance: attendance.quantile(0.9),
      exemptions: perYear(this.exemptions),
      exemptions_escape_route: perYear(this.exemptionsEscape),
      exempted_pupils: yearMean(this.exempted),
      maatwerk_wait_weeks: this.maatwerkWaits.value(),
    };
    for (const type of CARE_TYPES) {
      metrics[`care_wait_weeks.${type}`] = (this.careWaits[type] as Mean).value();
      metrics[`care_wait_weeks_others.${type}`] = (this.careWaitsOthers[type] as Mean).value();
    }
    for (const body of BODIES) metrics[`escalations.${body}`] = perYear(this.escalations[body] as number);
    metrics['cost_eur_total'] = perYear(ledger.total());
    for (const budget of BUDGETS) metrics[`cost_eur.${budget}`] = perYear(ledger.totals[budget]);
    const funders = ledger.byFunder();
    for (const funder of FUNDERS) metrics[`cost_eur_funder.${funder}`] = perYear(funders[funder]);
    for (const item of COST_ITEMS) metrics[`cost_eur_item.${item}`] = perYear(ledger.items[item]);
    STAGES.forEach((stage, i) => {
      metrics[`weeks_in_stage.${stage}`] = cohort === 0 ? null : (this.stageSums[i] as number) / cohort;
    });
    const weekly: Record<string, number[]> = { at_home_legal: legal, at_home_all: all };
    for (const type of CARE_TYPES) weekly[`care_queue.${type}`] = this.careQueue[type] as number[];
    return {
      metrics,
      weekly,
      histograms: { weeks_to_offer: this.histogram(this.toOffer), weeks_to_attendance: this.histogram(this.toAttendance) },
    };
  }
}

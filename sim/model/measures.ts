// Turns episode intervals into the per-year metrics, weekly series and histograms of ReplicationOutput.
// Weekly counts come from difference arrays over each episode's at-home interval (O(1) per episode, no
// per-week events); duration metrics follow the cohort of episodes that start in the measured period and
// pass four weeks at home, followed up to the end of the follow-up period (still open then = censored,
// counted as "no offer yet": +infinity in quantiles and the last histogram bin).
import type { CareType } from '../../scenarios/schema.js';
import { CARE_TYPES } from '../../scenarios/schema.js';
import type { Episode } from './episode.js';
import type { Body, Budget } from './vocabulary.js';
import { BODIES, BUDGETS, GOAL_WEEKS, STAGES, THUISZITTER_WEEKS, WEEKS_PER_YEAR } from './vocabulary.js';

export const HISTOGRAM_BINS = 105;

function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const value = sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
  return Number.isFinite(value) ? value : null;
}

export class Measures {
  private readonly weeks: number;
  private readonly atHomeAll: Float64Array;
  private readonly atHomeLegal: Float64Array;
  private readonly over13All: Float64Array;
  private readonly over13Legal: Float64Array;
  private newEpisodes = 0;
  private newAuthorised = 0;
  private newOver4Legal = 0;
  private openOver4LegalAtStart = 0;
  private exemptions = 0;
  private readonly escalations: Record<string, number> = {};
  private readonly careWaitSum: Record<string, number> = {};
  private readonly careWaitCount: Record<string, number> = {};
  private readonly toOffer: number[] = [];
  private readonly toAttendance: number[] = [];
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
    this.over13All = new Float64Array(years);
    this.over13Legal = new Float64Array(years);
    for (const body of BODIES) this.escalations[body] = 0;
    for (const type of CARE_TYPES) {
      this.careWaitSum[type] = 0;
      this.careWaitCount[type] = 0;
      this.careQueue[type] = [];
    }
  }

  inPeriod(t: number): boolean {
    return t >= this.start && t < this.end;
  }

  escalation(body: Body, t: number): void {
    if (this.inPeriod(t)) this.escalations[body] = (this.escalations[body] as number) + 1;
  }

  careWait(type: CareType, wait: number, t: number): void {
    if (!this.inPeriod(t)) return;
    this.careWaitSum[type] = (this.careWaitSum[type] as number) + wait;
    this.careWaitCount[type] = (this.careWaitCount[type] as number) + 1;
  }

  /** Adds 1 to the weekly snapshots (taken at the start of each measured week) that fall in [from, to). */
  private addInterval(series: Float64Array, from: number, to: number): void {
    const a = Math.max(0, Math.ceil(from - this.start));
    const b = Math.min(this.weeks, Math.ceil(to - this.start));
    if (a >= b) return;
    series[a] = (series[a] as number) + 1;
    series[b] = (series[b] as number) - 1;
  }

  /** Pupils at home past 13 weeks at some moment of measured year y, for each y. */
  private addOver13(series: Float64Array, from: number, to: number): void {
    const t13 = from + GOAL_WEEKS;
    for (let y = 0; y < this.years; y++) {
      const ys = this.start + y * WEEKS_PER_YEAR;
      const ye = ys + WEEKS_PER_YEAR;
      if (Math.max(ys, t13) < Math.min(to, ye)) series[y] = (series[y] as number) + 1;
    }
  }

  /** An absence with no pathway (genuine illness): counts only under the all-absence definition. */
  illness(onset: number, end: number): void {
    if (this.inPeriod(onset)) {
      this.newEpisodes++;
      this.newAuthorised++;
    }
    this.addInterval(this.atHomeAll, onset + THUISZITTER_WEEKS, end);
    this.addOver13(this.over13All, onset, end);
  }

  /** A case (unauthorised, masked authorised or not enrolled), when it ends or at the horizon if open. */
  episode(ep: Episode, horizon: number): void {
    const end = ep.ended ? ep.end : horizon;
    if (this.inPeriod(ep.onset)) {
      this.newEpisodes++;
      if (ep.kind === 'authorised') this.newAuthorised++;
    }
    this.addInterval(this.atHomeAll, ep.onset + THUISZITTER_WEEKS, end);
    this.addOver13(this.over13All, ep.onset, end);
    if (!Number.isNaN(ep.legalStart) && ep.legalStart < end) {
      this.addInterval(this.atHomeLegal, ep.legalStart + THUISZITTER_WEEKS, end);
      this.addOver13(this.over13Legal, ep.legalStart, end);
      // Long relative absence (LRV) as counted nationally: open on the first day, or new during the year.
      const past4 = ep.legalStart + THUISZITTER_WEEKS;
      if (ep.kind !== 'not-enrolled' && past4 < end) {
        if (this.inPeriod(past4)) this.newOver4Legal++;
        if (past4 <= this.start && end > this.start) this.openOver4LegalAtStart++;
      }
    }
    if (ep.endKind === 'exemption' && this.inPeriod(ep.end)) this.exemptions++;
    // Moving away and ageing out end our view of the child, not the problem: those episodes leave the
    // duration cohort (censored) instead of counting as returns or as never-returns.
    const observed = ep.endKind !== 'moved-away' && ep.endKind !== 'aged-out';
    if (observed && this.inPeriod(ep.onset) && end - ep.onset > THUISZITTER_WEEKS) {
      this.toOffer.push(ep.hasOffer ? ep.offer - ep.onset : Infinity);
      this.toAttendance.push(Number.isNaN(ep.attendance) ? Infinity : ep.attendance - ep.onset);
      for (let i = 0; i < STAGES.length; i++) {
        let weeks = ep.stageWeeks[i] as number;
        if (ep.stage === i) weeks += end - ep.stageStart;
        this.stageSums[i] = (this.stageSums[i] as number) + weeks;
      }
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

  private histogram(values: readonly number[]): number[] {
    const bins = new Array<number>(HISTOGRAM_BINS).fill(0);
    for (const v of values) {
      const bin = Number.isFinite(v) ? Math.min(HISTOGRAM_BINS - 1, Math.floor(v)) : HISTOGRAM_BINS - 1;
      bins[bin] = (bins[bin] as number) + 1;
    }
    return bins;
  }

  finish(costs: Readonly<Record<Budget, number>>): {
    metrics: Record<string, number | null>;
    weekly: Record<string, number[]>;
    histograms: Record<string, number[]>;
  } {
    const perYear = (x: number) => x / this.years;
    const legal = this.cumulative(this.atHomeLegal);
    const all = this.cumulative(this.atHomeAll);
    const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
    const offer = [...this.toOffer].sort((a, b) => a - b);
    const attendance = [...this.toAttendance].sort((a, b) => a - b);
    const cohort = offer.length;
    const metrics: Record<string, number | null> = {
      new_episodes: perYear(this.newEpisodes),
      new_episodes_authorised: perYear(this.newAuthorised),
      new_over_4_weeks_legal: perYear(this.newOver4Legal),
      open_over_4_weeks_legal_at_start: this.openOver4LegalAtStart,
      thuiszitters_legal: mean(legal),
      thuiszitters_all: mean(all),
      over_13_weeks_legal: mean(Array.from(this.over13Legal)),
      over_13_weeks_all: mean(Array.from(this.over13All)),
      episodes_over_4_weeks: perYear(cohort),
      share_offer_within_13_weeks: cohort === 0 ? null : offer.filter((w) => w <= GOAL_WEEKS).length / cohort,
      median_weeks_to_offer: quantile(offer, 0.5),
      p90_weeks_to_offer: quantile(offer, 0.9),
      median_weeks_to_attendance: quantile(attendance, 0.5),
      p90_weeks_to_attendance: quantile(attendance, 0.9),
      exemptions: perYear(this.exemptions),
    };
    for (const type of CARE_TYPES) {
      const n = this.careWaitCount[type] as number;
      metrics[`care_wait_weeks.${type}`] = n === 0 ? null : (this.careWaitSum[type] as number) / n;
    }
    for (const body of BODIES) metrics[`escalations.${body}`] = perYear(this.escalations[body] as number);
    metrics['cost_eur_total'] = perYear(BUDGETS.reduce((s, b) => s + costs[b], 0));
    for (const budget of BUDGETS) metrics[`cost_eur.${budget}`] = perYear(costs[budget]);
    STAGES.forEach((stage, i) => {
      metrics[`weeks_in_stage.${stage}`] = cohort === 0 ? null : (this.stageSums[i] as number) / cohort;
    });
    // Weekly series share the names of the metrics they are the weekly form of (thuiszitters_legal is their mean).
    const weekly: Record<string, number[]> = { thuiszitters_legal: legal, thuiszitters_all: all };
    for (const type of CARE_TYPES) weekly[`care_queue.${type}`] = this.careQueue[type] as number[];
    return { metrics, weekly, histograms: { weeks_to_offer: this.histogram(offer), weeks_to_attendance: this.histogram(attendance) } };
  }
}

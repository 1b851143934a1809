// The Kaplan-Meier estimator of a time-to-event distribution with right-censored observations: the
// event's share by time t is 1 - S(t), where S steps down by (1 - events / at risk) at each event time.
// A censored observation (the follow-up ended, or the subject left our view) counts as at risk up to
// its time and never as an event, so long observations that end without the event do not vanish.

export interface Observation {
  time: number;
  /** true: the event happened at `time`; false: observation stopped (censored) at `time`. */
  event: boolean;
}

export class KaplanMeier {
  /** Event times and the survival just after each, ascending. */
  private readonly times: number[] = [];
  private readonly survival: number[] = [];
  readonly size: number;
  readonly events: number;

  constructor(observations: readonly Observation[]) {
    const sorted = [...observations].sort((a, b) => a.time - b.time || Number(b.event) - Number(a.event));
    this.size = sorted.length;
    let atRisk = sorted.length;
    let s = 1;
    let events = 0;
    let i = 0;
    while (i < sorted.length) {
      const t = (sorted[i] as Observation).time;
      let d = 0;
      let n = 0;
      // Events and censorings at the same time: events first (the censored were still at risk).
      while (i < sorted.length && (sorted[i] as Observation).time === t) {
        if ((sorted[i] as Observation).event) d++;
        n++;
        i++;
      }
      if (d > 0) {
        s *= 1 - d / atRisk;
        this.times.push(t);
        this.survival.push(s);
        events += d;
      }
      atRisk -= n;
    }
    this.events = events;
  }

  /** The estimated share with the event by time t (inclusive). */
  shareBy(t: number): number {
    let s = 1;
    for (let k = 0; k < this.times.length && (this.times[k] as number) <= t; k++) s = this.survival[k] as number;
    return 1 - s;
  }

  /** The smallest event time by which a share p has had the event; null when the curve never gets there. */
  quantile(p: number): number | null {
    for (let k = 0; k < this.times.length; k++) {
      if (1 - (this.survival[k] as number) >= p - 1e-12) return this.times[k] as number;
    }
    return null;
  }
}

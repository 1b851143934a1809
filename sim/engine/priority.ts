/**
 * Same-instant order of events: when two events fall on the same simulated time, the one with the
 * lower priority runs first; within one priority, the one scheduled first runs first (FIFO, by the
 * calendar's insertion sequence). This file is the single place where the rule is written down;
 * docs/MECHANISMS.md explains it with examples.
 */
export const Priority = {
  /**
   * End of the horizon (a census, a snapshot, closing the books) runs before anything else at that
   * instant, so a KPI taken "at time T" sees the state as it stood when T arrived, untouched by the
   * events that happen at T.
   */
  HorizonEnd: 0,
  /**
   * Releases and discharges (a service ends, a place is freed, a capacity change) come before any
   * decision or admission at the same instant, so that a place freed at t can be used at t: a
   * release happens before a seize, as in simmer's calendar.
   */
  Release: 1,
  /**
   * Decisions (an escalation body rules, a referral is assessed) see the places freed at this
   * instant, and their outcome is known before anyone is admitted at the same instant.
   */
  Decision: 2,
  /** Admissions (arrivals, requests for a place) follow the releases and decisions they depend on. */
  Admission: 3,
  /** Everything else: ordinary events, ordered among themselves by insertion sequence only. */
  Normal: 4,
} as const;

export type PriorityName = keyof typeof Priority;

/**
 * Largest priority the calendar accepts. Priority and insertion sequence share one float64 tie key
 * (priority * 2^45 + sequence), which stays an exact integer below 2^53 for priorities up to 255 and
 * for 3.5e13 events. It is 2^8 - 1 because the calendar validates a priority with one bit mask.
 */
export const MAX_PRIORITY = 255;

import { Calendar } from './calendar.js';
import type { EventToken } from './calendar.js';
import { Priority } from './priority.js';

export type { EventToken } from './calendar.js';

/**
 * The clock and the calendar, nothing else: handlers are plain functions with a payload, so
 * scheduling allocates no closure. Same-instant order is (priority, insertion sequence); see
 * priority.ts.
 */
export class Simulation {
  private readonly calendar = new Calendar();
  private clock = 0;
  private processed = 0;
  private stopRequested = false;
  private running = false;

  get now(): number {
    return this.clock;
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  /** Events scheduled and not yet run or cancelled. */
  get pendingEvents(): number {
    return this.calendar.size;
  }

  /** Schedules handler(payload) at an absolute time; time must not lie before now. */
  at<P>(time: number, handler: (payload: P) => void, payload: P, priority: number = Priority.Normal): EventToken {
    // Written as !(time >= now) so that NaN is rejected too.
    if (!(time >= this.clock) || time === Infinity) {
      throw new RangeError(`cannot schedule an event at time ${time}: now is ${this.clock} (expected a finite time >= now)`);
    }
    return this.calendar.schedule(time, priority, handler, payload);
  }

  /** Schedules handler(payload) after a delay >= 0. */
  after<P>(delay: number, handler: (payload: P) => void, payload: P, priority: number = Priority.Normal): EventToken {
    if (!(delay >= 0) || delay === Infinity) {
      throw new RangeError(`cannot schedule an event after delay ${delay} at now ${this.clock} (expected a finite delay >= 0)`);
    }
    return this.calendar.schedule(this.clock + delay, priority, handler, payload);
  }

  /**
   * Cancels a pending event in O(1) (lazily: it is skipped when it reaches the top of the calendar).
   * Cancelling an event that already ran or was already cancelled does nothing, so a timeout can be
   * cancelled without checking whether it fired. A token from another simulation is an error.
   */
  cancel(token: EventToken): void {
    this.calendar.cancel(token);
  }

  /**
   * Processes events in (time, priority, sequence) order. With `until`, processes every event with
   * time <= until and then sets now = until (also when the calendar ran dry earlier); without it,
   * runs until no event is left. stop() ends the run after the current event and leaves now at
   * that event's time, so a later run() continues where this one stopped.
   */
  run(until?: number): void {
    if (until !== undefined && (Number.isNaN(until) || until < this.clock)) {
      throw new RangeError(`run(until): until is ${until} but now is already ${this.clock} (expected until >= now)`);
    }
    if (this.running) throw new Error('run() called from inside an event handler; the simulation is already running');
    const horizon = until ?? Infinity;
    const calendar = this.calendar;
    this.running = true;
    this.stopRequested = false;
    try {
      while (calendar.popUntil(horizon)) {
        this.clock = calendar.poppedTime;
        const handler = calendar.poppedHandler!;
        const payload = calendar.poppedPayload;
        try {
          handler(payload);
        } catch (error) {
          throw this.wrapHandlerError(error, calendar.poppedSequence);
        }
        this.processed++;
        if (this.stopRequested) return;
      }
      if (until !== undefined) this.clock = until;
    } finally {
      this.running = false;
    }
  }

  /** Ends run() after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  private wrapHandlerError(error: unknown, sequence: number): Error {
    const reason = error instanceof Error ? error.message : String(error);
    return new Error(`event handler failed at simulated time ${this.clock} (event sequence ${sequence}): ${reason}`, {
      cause: error,
    });
  }
}

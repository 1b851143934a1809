import { MAX_PRIORITY } from './priority.js';

/** Opaque handle for a scheduled event; pass it to cancel(). */
export interface EventToken {
  readonly time: number;
}

type StoredHandler = (payload: unknown) => void;

/**
 * The token knows its calendar, its slot in the pool and its sequence, so cancel() is O(1) and never
 * hits a reused slot or another simulation's event (every calendar counts sequences from 0).
 */
class CalendarToken implements EventToken {
  constructor(
    readonly calendar: Calendar,
    readonly time: number,
    readonly sequence: number,
    readonly slot: number,
  ) {}
}

const NOT_PENDING = -1;
/** 2^45: the tie key is priority * 2^45 + sequence, exact in a float64 (see MAX_PRIORITY). */
const PRIORITY_SCALE = 35_184_372_088_832;

/**
 * The future-event list: a binary heap ordered by (time, priority, insertion sequence). The calendar
 * owns the sequence counter, so ties are resolved by insertion order and two runs in one process
 * agree. The heap lives in typed arrays ((time, tie key) interleaved, and slot) and each event's
 * handler and payload sit in a pooled slot, so scheduling allocates no closure and no heap node:
 * measured at 1.4-4x the events per second of a heap of record objects (4x at 100k pending events),
 * and interleaving time with tie key gave another 20-40% over separate arrays at 20 pending events.
 *
 * Cancellation is lazy: cancel() flags the slot in O(1) and popUntil() skips flagged entries.
 */
export class Calendar {
  private capacity = 64;
  /** Entry i's time at 2i and tie key at 2i + 1: interleaved, so one comparison touches one cache line. */
  private heapKeys = new Float64Array(2 * this.capacity);
  private heapSlot = new Int32Array(this.capacity);
  private heapSize = 0;

  private handlers: Array<StoredHandler | undefined> = new Array<StoredHandler | undefined>(this.capacity);
  private payloads: unknown[] = new Array<unknown>(this.capacity);
  /** Sequence of the event that occupies each slot, or NOT_PENDING: tells a live token from a stale one. */
  private slotSequence = new Float64Array(this.capacity).fill(NOT_PENDING);
  private slotCancelled = new Uint8Array(this.capacity);
  private freeSlots = new Int32Array(this.capacity);
  private freeCount = 0;
  private slotsUsed = 0;

  private sequenceCounter = 0;
  private liveCount = 0;

  /** Filled by popUntil(): the event that was taken off the calendar. */
  poppedTime = 0;
  poppedSequence = 0;
  poppedHandler: StoredHandler | undefined = undefined;
  poppedPayload: unknown = undefined;

  /** Events pending and not cancelled. */
  get size(): number {
    return this.liveCount;
  }

  schedule<P>(time: number, priority: number, handler: (payload: P) => void, payload: P): EventToken {
    // One mask test: x & 255 equals x exactly for the integers 0..255 (NaN, fractions, negatives fail).
    if ((priority & MAX_PRIORITY) !== priority) {
      throw new RangeError(`priority must be an integer from 0 to ${MAX_PRIORITY}, got ${priority}`);
    }
    if (this.heapSize === this.capacity) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.slotsUsed++;
    const sequence = this.sequenceCounter++;
    this.handlers[slot] = handler as StoredHandler;
    this.payloads[slot] = payload;
    this.slotSequence[slot] = sequence;
    this.slotCancelled[slot] = 0;
    this.liveCount++;
    this.siftUp(time, priority * PRIORITY_SCALE + sequence, slot);
    return new CalendarToken(this, time, sequence, slot);
  }

  /** Flags a pending event; returns false if it already ran or was already cancelled. */
  cancel(token: EventToken): boolean {
    if (!(token instanceof CalendarToken) || token.calendar !== this) {
      throw new TypeError(
        'cancel: token was not returned by this engine (expected an EventToken from at/after of this simulation)',
      );
    }
    const slot = token.slot;
    if (this.slotSequence[slot] !== token.sequence || this.slotCancelled[slot] === 1) return false;
    this.slotCancelled[slot] = 1;
    this.liveCount--;
    return true;
  }

  /**
   * Takes the next live event off the calendar into the popped* fields if its time is <= horizon;
   * returns false (and leaves it pending) otherwise or when none is left. Cancelled events reaching
   * the top are discarded on the way. One call per event keeps the run loop's hot path short.
   */
  popUntil(horizon: number): boolean {
    while (this.heapSize > 0) {
      const slot = this.heapSlot[0]!;
      if (this.slotCancelled[slot] === 0) {
        const time = this.heapKeys[0]!;
        if (time > horizon) return false;
        this.removeTop();
        this.poppedTime = time;
        this.poppedSequence = this.slotSequence[slot]!;
        this.poppedHandler = this.handlers[slot];
        this.poppedPayload = this.payloads[slot];
        this.liveCount--;
        this.freeSlot(slot);
        return true;
      }
      this.removeTop();
      this.freeSlot(slot);
    }
    return false;
  }

  private freeSlot(slot: number): void {
    this.handlers[slot] = undefined;
    this.payloads[slot] = undefined;
    this.slotSequence[slot] = NOT_PENDING;
    this.freeSlots[this.freeCount++] = slot;
  }

  private siftUp(time: number, tie: number, slot: number): void {
    const keys = this.heapKeys;
    const heapSlot = this.heapSlot;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = keys[2 * parent]!;
      if (parentTime < time || (parentTime === time && keys[2 * parent + 1]! < tie)) break;
      keys[2 * i] = parentTime;
      keys[2 * i + 1] = keys[2 * parent + 1]!;
      heapSlot[i] = heapSlot[parent]!;
      i = parent;
    }
    keys[2 * i] = time;
    keys[2 * i + 1] = tie;
    heapSlot[i] = slot;
  }

  private removeTop(): void {
    const keys = this.heapKeys;
    const heapSlot = this.heapSlot;
    const n = --this.heapSize;
    if (n === 0) return;
    const time = keys[2 * n]!;
    const tie = keys[2 * n + 1]!;
    const slot = heapSlot[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let childTime = keys[2 * child]!;
      let childTie = keys[2 * child + 1]!;
      const right = child + 1;
      if (right < n) {
        const rightTime = keys[2 * right]!;
        if (rightTime < childTime || (rightTime === childTime && keys[2 * right + 1]! < childTie)) {
          child = right;
          childTime = rightTime;
          childTie = keys[2 * right + 1]!;
        }
      }
      if (time < childTime || (time === childTime && tie < childTie)) break;
      keys[2 * i] = childTime;
      keys[2 * i + 1] = childTie;
      heapSlot[i] = heapSlot[child]!;
      i = child;
    }
    keys[2 * i] = time;
    keys[2 * i + 1] = tie;
    heapSlot[i] = slot;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const heapKeys = new Float64Array(2 * capacity);
    heapKeys.set(this.heapKeys);
    this.heapKeys = heapKeys;
    const heapSlot = new Int32Array(capacity);
    heapSlot.set(this.heapSlot);
    this.heapSlot = heapSlot;
    const slotSequence = new Float64Array(capacity).fill(NOT_PENDING);
    slotSequence.set(this.slotSequence);
    this.slotSequence = slotSequence;
    const slotCancelled = new Uint8Array(capacity);
    slotCancelled.set(this.slotCancelled);
    this.slotCancelled = slotCancelled;
    const freeSlots = new Int32Array(capacity);
    freeSlots.set(this.freeSlots);
    this.freeSlots = freeSlots;
    this.handlers.length = capacity;
    this.payloads.length = capacity;
    this.capacity = capacity;
  }
}

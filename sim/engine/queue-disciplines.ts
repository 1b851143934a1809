/**
 * Orders of a resource's waiting line, each a named comparator: `before(a, b)` is true when a is
 * served before b. The line is a heap ordered by one of these; it is never re-sorted.
 */
export interface WaitingEntry {
  /** Caller's priority key: lower is served first (e.g. urgency class, 0 = most urgent). */
  readonly key: number;
  /** Arrival order at this resource, from its own counter: unique, so every comparator is a total order. */
  readonly arrival: number;
}

export type QueueComparator = (a: WaitingEntry, b: WaitingEntry) => boolean;

/** First come, first served: arrival order only, the key is ignored. */
export const fifo: QueueComparator = (a, b) => a.arrival < b.arrival;

/**
 * Priority by key, then arrival: the lower key goes first (urgency beats waiting time), and among
 * equal keys the earlier arrival goes first so equal cases stay FIFO and no one is overtaken by a
 * peer. Non-preemptive: a key only orders the waiting line, never interrupts someone in service.
 */
export const byKeyThenArrival: QueueComparator = (a, b) =>
  a.key < b.key || (a.key === b.key && a.arrival < b.arrival);

export const queueDisciplines = {
  fifo,
  priority: byKeyThenArrival,
} as const satisfies Record<string, QueueComparator>;

export type QueueDiscipline = keyof typeof queueDisciplines;

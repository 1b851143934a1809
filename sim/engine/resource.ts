import { Priority } from './priority.js';
import { queueDisciplines } from './queue-disciplines.js';
import type { QueueDiscipline } from './queue-disciplines.js';
import type { Simulation } from './simulation.js';
import { Tally } from './statistics/tally.js';
import { TimeWeighted } from './statistics/time-weighted.js';
import { WaitingLine } from './waiting-line.js';
import type { IndexedEntry } from './waiting-line.js';

export interface RequestToken {
  readonly granted: boolean;
}

export interface ResourceOptions {
  name: string;
  capacity: number;
  discipline?: QueueDiscipline;
}

const WAITING = 0;
const GRANTED = 1;
const RELEASED = 2;
const WITHDRAWN = 3;
const STATE_NAMES = ['waiting', 'granted', 'released', 'withdrawn'] as const;

/** One request: it is the caller's token, the waiting-line entry and the service record at once. */
class ResourceRequest<T> implements RequestToken, IndexedEntry {
  state: number = WAITING;
  lineIndex = -1;

  constructor(
    readonly resource: Resource<T>,
    readonly item: T,
    readonly onGranted: (item: T) => void,
    readonly key: number,
    readonly arrival: number,
    readonly requestedAt: number,
  ) {}

  get granted(): boolean {
    return this.state === GRANTED || this.state === RELEASED;
  }
}

interface CapacityChange {
  readonly resource: Resource<unknown>;
  readonly capacity: number;
}

function applyCapacityChange(change: CapacityChange): void {
  change.resource.setCapacity(change.capacity);
}

function checkCapacity(where: string, capacity: number): void {
  if (!(Number.isInteger(capacity) && capacity >= 0) && capacity !== Infinity) {
    throw new RangeError(`${where}: capacity is ${capacity} (expected an integer >= 0 or Infinity)`);
  }
}

/**
 * c identical servers (places, caseworkers) with a waiting line ordered by a queue discipline.
 *
 * Granting is synchronous: request() grants at once when a server is free, and release(),
 * setCapacity() and a scheduled capacity change admit from the line before they return. So the
 * release-before-seize rule lives in the calendar: schedule service ends with Priority.Release and
 * arrivals with Priority.Admission (or Normal), and a place freed at t is offered to the line at t
 * before any newcomer at t joins it. One consequence: onGranted may run inside request(), before the
 * token is returned, so it must not use that token synchronously.
 *
 * Capacity reductions never interrupt service: they take effect as servers free.
 */
export class Resource<T> {
  readonly name: string;
  /** Wait from request to grant, one observation per granted request (zero waits included). */
  readonly waits = new Tally();
  private readonly sim: Simulation;
  private readonly line: WaitingLine<ResourceRequest<T>>;
  private servers: number;
  private busy = 0;
  private arrivals = 0;
  private grants = 0;
  private withdrawals = 0;
  private releases = 0;
  private admitting = false;
  private readonly queueLengthOverTime: TimeWeighted;
  private readonly busyOverTime: TimeWeighted;
  private readonly capacityOverTime: TimeWeighted;

  constructor(sim: Simulation, options: ResourceOptions) {
    checkCapacity(`Resource '${options.name}'`, options.capacity);
    const discipline = options.discipline ?? 'fifo';
    if (!(discipline in queueDisciplines)) {
      throw new RangeError(`Resource '${options.name}': discipline is '${discipline}' (expected 'fifo' or 'priority')`);
    }
    this.sim = sim;
    this.name = options.name;
    this.servers = options.capacity;
    this.line = new WaitingLine(queueDisciplines[discipline]);
    this.queueLengthOverTime = new TimeWeighted(sim.now, 0);
    this.busyOverTime = new TimeWeighted(sim.now, 0);
    this.capacityOverTime = new TimeWeighted(sim.now, options.capacity);
  }

  get capacity(): number {
    return this.servers;
  }
  get inService(): number {
    return this.busy;
  }
  get queueLength(): number {
    return this.line.length;
  }
  get requestCount(): number {
    return this.arrivals;
  }
  get grantCount(): number {
    return this.grants;
  }
  get withdrawCount(): number {
    return this.withdrawals;
  }
  get releaseCount(): number {
    return this.releases;
  }

  /** Asks for a server; onGranted(item) runs when one is granted (possibly before this returns). */
  request(item: T, onGranted: (item: T) => void, key = 0): RequestToken {
    if (Number.isNaN(key)) throw new RangeError(`Resource '${this.name}'.request: key is NaN (expected a number)`);
    const request = new ResourceRequest(this, item, onGranted, key, this.arrivals++, this.sim.now);
    if (this.busy < this.servers && this.line.length === 0) {
      this.grant(request);
    } else {
      this.line.push(request);
      this.queueLengthOverTime.update(this.sim.now, this.line.length);
      this.admitFromLine();
    }
    return request;
  }

  /** Frees the server held by a granted request and admits from the line. */
  release(token: RequestToken): void {
    const request = this.own(token, 'release');
    if (request.state !== GRANTED) {
      throw new Error(`Resource '${this.name}'.release: request is ${STATE_NAMES[request.state]} (expected granted)`);
    }
    request.state = RELEASED;
    this.releases++;
    this.busy--;
    this.busyOverTime.update(this.sim.now, this.busy);
    this.admitFromLine();
  }

  /** Leaves the waiting line (reneging); false if the request was already granted, released or withdrawn. */
  withdraw(token: RequestToken): boolean {
    const request = this.own(token, 'withdraw');
    if (request.state !== WAITING) return false;
    this.line.remove(request);
    request.state = WITHDRAWN;
    this.withdrawals++;
    this.queueLengthOverTime.update(this.sim.now, this.line.length);
    return true;
  }

  /** Changes capacity now: an increase admits from the line at once, a decrease waits for servers to free. */
  setCapacity(capacity: number): void {
    checkCapacity(`Resource '${this.name}'.setCapacity`, capacity);
    this.capacityOverTime.update(this.sim.now, capacity);
    this.servers = capacity;
    this.admitFromLine();
  }

  /**
   * Schedules capacity changes. They run with Priority.Release: opening or closing places is a
   * release-like event, so places opened at t serve the admissions at t.
   */
  scheduleCapacity(changes: ReadonlyArray<{ at: number; capacity: number }>): void {
    changes.forEach((change, index) => {
      checkCapacity(`Resource '${this.name}'.scheduleCapacity[${index}]`, change.capacity);
      if (!(change.at >= this.sim.now) || change.at === Infinity) {
        throw new RangeError(
          `Resource '${this.name}'.scheduleCapacity[${index}]: at is ${change.at} but now is ${this.sim.now} (expected a finite time >= now)`,
        );
      }
    });
    for (const change of changes) {
      const payload: CapacityChange = { resource: this as Resource<unknown>, capacity: change.capacity };
      this.sim.at(change.at, applyCapacityChange, payload, Priority.Release);
    }
  }

  /** Time-weighted mean length of the waiting line, from creation up to sim.now. */
  queueLengthAverage(): number {
    return this.queueLengthOverTime.average(this.sim.now);
  }

  /** Busy server-time divided by available server-time, from creation up to sim.now. */
  utilisation(): number {
    const now = this.sim.now;
    return this.busyOverTime.area(now) / this.capacityOverTime.area(now);
  }

  /** Time-weighted mean number in service, from creation up to sim.now. */
  inServiceAverage(): number {
    return this.busyOverTime.average(this.sim.now);
  }

  private grant(request: ResourceRequest<T>): void {
    const now = this.sim.now;
    request.state = GRANTED;
    this.grants++;
    this.busy++;
    this.busyOverTime.update(now, this.busy);
    this.waits.add(now - request.requestedAt);
    request.onGranted(request.item);
  }

  /**
   * Fills free servers from the head of the line. A grant's callback may request, release or change
   * capacity again; those calls find `admitting` set and leave the filling to this loop, so a chain
   * of zero-length services never recurses.
   */
  private admitFromLine(): void {
    if (this.admitting) return;
    this.admitting = true;
    try {
      while (this.busy < this.servers && this.line.length > 0) {
        const next = this.line.shift()!;
        this.queueLengthOverTime.update(this.sim.now, this.line.length);
        this.grant(next);
      }
    } finally {
      this.admitting = false;
    }
  }

  private own(token: RequestToken, operation: string): ResourceRequest<T> {
    if (!(token instanceof ResourceRequest) || token.resource !== this) {
      throw new Error(`Resource '${this.name}'.${operation}: token was not returned by this resource's request()`);
    }
    return token as ResourceRequest<T>;
  }
}

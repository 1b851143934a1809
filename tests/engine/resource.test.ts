import { describe, expect, it } from 'vitest';
import { Priority } from '../../sim/engine/priority.js';
import { Resource } from '../../sim/engine/resource.js';
import type { RequestToken } from '../../sim/engine/resource.js';
import { Simulation } from '../../sim/engine/simulation.js';

interface Job {
  name: string;
  service: number;
  token?: RequestToken;
}

type Log = Array<[string, number]>;

/** Arrives at `arrival`, holds one server for `service`, logs grant and release. */
function schedule(sim: Simulation, resource: Resource<Job>, log: Log, job: Job, arrival: number, key = 0): void {
  const finish = (j: Job): void => {
    log.push([`${j.name}:release`, sim.now]);
    resource.release(j.token!);
  };
  const granted = (j: Job): void => {
    log.push([`${j.name}:grant`, sim.now]);
    sim.after(j.service, finish, j, Priority.Release);
  };
  sim.at(arrival, (j: Job) => {
    j.token = resource.request(j, granted, key);
  }, job, Priority.Admission);
}

describe('Resource: exact logs', () => {
  it('serves FIFO with c = 1 and records waits', () => {
    const sim = new Simulation();
    const resource = new Resource<Job>(sim, { name: 'desk', capacity: 1 });
    const log: Log = [];
    schedule(sim, resource, log, { name: 'a', service: 3 }, 0);
    schedule(sim, resource, log, { name: 'b', service: 2 }, 1);
    schedule(sim, resource, log, { name: 'c', service: 1 }, 1);
    sim.run();
    expect(log).toEqual([
      ['a:grant', 0],
      ['a:release', 3],
      ['b:grant', 3],
      ['b:release', 5],
      ['c:grant', 5],
      ['c:release', 6],
    ]);
    // Waits 0, 2, 4. Line: 2 waiting on [1, 3), 1 on [3, 5), run ends at 6.
    expect(resource.waits.count).toBe(3);
    expect(resource.waits.mean).toBeCloseTo(2, 12);
    expect(resource.queueLengthAverage()).toBeCloseTo((2 * 2 + 1 * 2) / 6, 12);
    expect(resource.utilisation()).toBeCloseTo(1, 12);
  });

  it('grants the freed place at the release instant before a newcomer at that instant (release before seize)', () => {
    const sim = new Simulation();
    const resource = new Resource<Job>(sim, { name: 'place', capacity: 1, discipline: 'priority' });
    const log: Log = [];
    schedule(sim, resource, log, { name: 'holder', service: 2 }, 0);
    schedule(sim, resource, log, { name: 'waiting-low', service: 1 }, 1, 5);
    // Arrives at the release instant with a more urgent key, but the release runs first.
    schedule(sim, resource, log, { name: 'newcomer-urgent', service: 1 }, 2, 0);
    sim.run();
    expect(log).toEqual([
      ['holder:grant', 0],
      ['holder:release', 2],
      ['waiting-low:grant', 2],
      ['waiting-low:release', 3],
      ['newcomer-urgent:grant', 3],
      ['newcomer-urgent:release', 4],
    ]);
  });

  it('orders the line by key, then arrival, under the priority discipline', () => {
    const sim = new Simulation();
    const resource = new Resource<Job>(sim, { name: 'place', capacity: 1, discipline: 'priority' });
    const log: Log = [];
    schedule(sim, resource, log, { name: 'holder', service: 10 }, 0, 9);
    schedule(sim, resource, log, { name: 'k2-first', service: 1 }, 1, 2);
    schedule(sim, resource, log, { name: 'k1', service: 1 }, 2, 1);
    schedule(sim, resource, log, { name: 'k2-second', service: 1 }, 3, 2);
    schedule(sim, resource, log, { name: 'k0', service: 1 }, 4, 0);
    sim.run();
    expect(log.filter(([e]) => e.endsWith(':grant')).map(([e]) => e)).toEqual([
      'holder:grant',
      'k0:grant',
      'k1:grant',
      'k2-first:grant',
      'k2-second:grant',
    ]);
  });

  it('ignores the key under fifo', () => {
    const sim = new Simulation();
    const resource = new Resource<Job>(sim, { name: 'place', capacity: 1 });
    const log: Log = [];
    schedule(sim, resource, log, { name: 'holder', service: 10 }, 0);
    schedule(sim, resource, log, { name: 'late-key', service: 1 }, 1, 9);
    schedule(sim, resource, log, { name: 'urgent-key', service: 1 }, 2, 0);
    sim.run();
    expect(log.filter(([e]) => e.endsWith(':grant')).map(([e]) => e)).toEqual(['holder:grant', 'late-key:grant', 'urgent-key:grant']);
  });

  it('withdraw removes a waiting request (reneging) and is false once granted', () => {
    const sim = new Simulation();
    const resource = new Resource<Job>(sim, { name: 'place', capacity: 1 });
    const log: Log = [];
    const b: Job = { name: 'b', service: 1 };
    schedule(sim, resource, log, { name: 'a', service: 4 }, 0);
    schedule(sim, resource, log, b, 1);
    schedule(sim, resource, log, { name: 'c', service: 1 }, 1);
    let firstWithdraw: boolean | undefined;
    sim.at(2, () => {
      firstWithdraw = resource.withdraw(b.token!);
    }, undefined);
    sim.run();
    expect(firstWithdraw).toBe(true);
    expect(b.token!.granted).toBe(false);
    expect(resource.withdraw(b.token!)).toBe(false);
    expect(log.filter(([e]) => e.endsWith(':grant'))).toEqual([
      ['a:grant', 0],
      ['c:grant', 4],
    ]);
    expect(resource.requestCount).toBe(3);
    expect(resource.grantCount).toBe(2);
    expect(resource.withdrawCount).toBe(1);
    // Withdrawn requests do not count as waits: only a (0) and c (3).
    expect(resource.waits.mean).toBeCloseTo(1.5, 12);
    expect(() => resource.release(b.token!)).toThrow(/request is withdrawn \(expected granted\)/);
  });

  it('withdraw of a granted request returns false and leaves it in service', () => {
    const sim = new Simulation();
    const resource = new Resource<string>(sim, { name: 'place', capacity: 1 });
    const token = resource.request('x', () => {});
    expect(token.granted).toBe(true);
    expect(resource.withdraw(token)).toBe(false);
    expect(resource.inService).toBe(1);
  });

  it('follows a capacity schedule: increases admit at once, decreases wait for servers to free', () => {
    const sim = new Simulation();
    const resource = new Resource<Job>(sim, { name: 'team', capacity: 1 });
    const log: Log = [];
    resource.scheduleCapacity([
      { at: 2, capacity: 3 },
      { at: 4, capacity: 1 },
    ]);
    for (const [name, arrival] of [['a', 0], ['b', 0], ['c', 1], ['d', 4]] as const) {
      schedule(sim, resource, log, { name, service: 5 }, arrival);
    }
    const inServiceAt: Array<[number, number, number]> = [];
    for (const t of [1, 3, 4.5, 5.5, 7.5]) sim.at(t, () => inServiceAt.push([t, resource.inService, resource.capacity]), undefined);
    sim.run();
    expect(log.filter(([e]) => e.endsWith(':grant'))).toEqual([
      ['a:grant', 0],
      ['b:grant', 2],
      ['c:grant', 2],
      ['d:grant', 7],
    ]);
    expect(inServiceAt).toEqual([
      [1, 1, 1],
      [3, 3, 3],
      [4.5, 3, 1],
      [5.5, 2, 1],
      [7.5, 1, 1],
    ]);
    // Busy server-time: a 5, b 5, c 5, d 5 = 20; available server-time on [0, 12]: 1*2 + 3*2 + 1*8 = 16.
    // Above 1 because the reduction at 4 does not interrupt b and c: busy / available, as defined.
    expect(resource.utilisation()).toBeCloseTo(20 / 16, 12);
  });

  it('setCapacity(0) holds everyone in line until capacity returns', () => {
    const sim = new Simulation();
    const resource = new Resource<string>(sim, { name: 'closed', capacity: 0 });
    const granted: Array<[string, number]> = [];
    sim.at(1, () => resource.request('x', (x) => granted.push([x, sim.now])), undefined);
    sim.at(5, () => resource.setCapacity(1), undefined);
    sim.run();
    expect(granted).toEqual([['x', 5]]);
    expect(resource.waits.mean).toBe(4);
  });

  it('admits a chain of zero-length services without recursion and keeps order', () => {
    const sim = new Simulation();
    const resource = new Resource<number>(sim, { name: 'instant', capacity: 1 });
    const order: number[] = [];
    const tokens: RequestToken[] = [];
    const blocker = resource.request(-1, () => {});
    for (let i = 0; i < 20_000; i++) {
      tokens.push(
        resource.request(i, (item) => {
          order.push(item);
          sim.at(sim.now, (j: number) => resource.release(tokens[j]!), item, Priority.Release);
        }),
      );
    }
    resource.release(blocker);
    sim.run();
    expect(order).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
    expect(resource.inService).toBe(0);
  });

  it('rejects bad capacities, foreign tokens and double releases', () => {
    const sim = new Simulation();
    expect(() => new Resource(sim, { name: 'r', capacity: -1 })).toThrow(/Resource 'r': capacity is -1/);
    expect(() => new Resource(sim, { name: 'r', capacity: 1.5 })).toThrow(/capacity is 1.5/);
    const r = new Resource<string>(sim, { name: 'r', capacity: 1 });
    const other = new Resource<string>(sim, { name: 'other', capacity: 1 });
    const token = r.request('x', () => {});
    expect(() => other.release(token)).toThrow(/Resource 'other'.release: token was not returned/);
    r.release(token);
    expect(() => r.release(token)).toThrow(/request is released \(expected granted\)/);
    expect(() => r.scheduleCapacity([{ at: -1, capacity: 2 }])).toThrow(/scheduleCapacity\[0\]: at is -1 but now is 0/);
    expect(() => r.scheduleCapacity([{ at: 1, capacity: NaN }])).toThrow(/scheduleCapacity\[0\]: capacity is NaN/);
  });
});

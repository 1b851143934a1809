import { describe, expect, it } from 'vitest';
import { Priority } from '../../sim/engine/priority.js';
import { Simulation } from '../../sim/engine/simulation.js';

type Log = Array<[string, number]>;

function logger(sim: Simulation, log: Log): (name: string) => void {
  return (name) => log.push([name, sim.now]);
}

describe('Simulation: exact event logs', () => {
  it('runs events in time order with the clock at each event time', () => {
    const sim = new Simulation();
    const log: Log = [];
    const record = logger(sim, log);
    sim.at(5, record, 'c');
    sim.at(1, record, 'a');
    sim.after(3, record, 'b');
    sim.run();
    expect(log).toEqual([
      ['a', 1],
      ['b', 3],
      ['c', 5],
    ]);
    expect(sim.now).toBe(5);
    expect(sim.eventsProcessed).toBe(3);
  });

  it('breaks ties by priority, then by insertion order (FIFO within a priority)', () => {
    const sim = new Simulation();
    const log: Log = [];
    const record = logger(sim, log);
    sim.at(2, record, 'normal-1');
    sim.at(2, record, 'admission-1', Priority.Admission);
    sim.at(2, record, 'release-1', Priority.Release);
    sim.at(2, record, 'normal-2');
    sim.at(2, record, 'horizon', Priority.HorizonEnd);
    sim.at(2, record, 'decision', Priority.Decision);
    sim.at(2, record, 'release-2', Priority.Release);
    sim.at(1, record, 'earlier', Priority.Normal);
    sim.run();
    expect(log.map(([name]) => name)).toEqual([
      'earlier',
      'horizon',
      'release-1',
      'release-2',
      'decision',
      'admission-1',
      'normal-1',
      'normal-2',
    ]);
  });

  it('puts an event scheduled for now by a handler after the events already waiting at that instant', () => {
    const sim = new Simulation();
    const log: Log = [];
    const record = logger(sim, log);
    sim.at(1, () => {
      record('first');
      sim.after(0, record, 'spawned');
    }, undefined);
    sim.at(1, record, 'second');
    sim.run();
    expect(log).toEqual([
      ['first', 1],
      ['second', 1],
      ['spawned', 1],
    ]);
  });

  it('skips cancelled events, and cancelling twice or after the event ran does nothing', () => {
    const sim = new Simulation();
    const log: Log = [];
    const record = logger(sim, log);
    const ran = sim.at(1, record, 'ran');
    const cancelled = sim.at(2, record, 'cancelled');
    sim.at(3, record, 'kept');
    sim.cancel(cancelled);
    sim.cancel(cancelled);
    expect(sim.pendingEvents).toBe(2);
    sim.run(1);
    sim.cancel(ran);
    sim.run();
    expect(log).toEqual([
      ['ran', 1],
      ['kept', 3],
    ]);
    expect(sim.eventsProcessed).toBe(2);
  });

  it('cancels a timeout from inside a handler at the same instant', () => {
    const sim = new Simulation();
    const log: Log = [];
    const record = logger(sim, log);
    const timeout = sim.at(4, record, 'timeout');
    sim.at(4, () => sim.cancel(timeout), undefined, Priority.Release);
    sim.run();
    expect(log).toEqual([]);
  });

  it('a stale token does not cancel the event that reuses its slot', () => {
    const sim = new Simulation();
    const log: Log = [];
    const record = logger(sim, log);
    const old = sim.at(1, record, 'old');
    sim.run();
    sim.at(2, record, 'new');
    sim.cancel(old);
    sim.run();
    expect(log).toEqual([
      ['old', 1],
      ['new', 2],
    ]);
  });

  it('run(until) processes events at exactly until, leaves later ones, and sets now = until', () => {
    const sim = new Simulation();
    const log: Log = [];
    const record = logger(sim, log);
    sim.at(10, record, 'at-horizon');
    sim.at(10.000001, record, 'after-horizon');
    sim.run(10);
    expect(log).toEqual([['at-horizon', 10]]);
    expect(sim.now).toBe(10);
    sim.run(20);
    expect(log).toEqual([
      ['at-horizon', 10],
      ['after-horizon', 10.000001],
    ]);
    expect(sim.now).toBe(20);
  });

  it('run(until) advances the clock to until when the calendar runs dry', () => {
    const sim = new Simulation();
    sim.run(7);
    expect(sim.now).toBe(7);
    expect(sim.eventsProcessed).toBe(0);
  });

  it('stop() ends the run after the current event and a later run continues', () => {
    const sim = new Simulation();
    const log: Log = [];
    const record = logger(sim, log);
    sim.at(1, record, 'a');
    sim.at(2, () => {
      record('stopper');
      sim.stop();
    }, undefined);
    sim.at(2, record, 'same-instant');
    sim.at(3, record, 'b');
    sim.run(100);
    expect(sim.now).toBe(2);
    expect(log.map(([name]) => name)).toEqual(['a', 'stopper']);
    sim.run(100);
    expect(log.map(([name]) => name)).toEqual(['a', 'stopper', 'same-instant', 'b']);
    expect(sim.now).toBe(100);
  });

  it('passes the payload to the handler', () => {
    const sim = new Simulation();
    const seen: Array<{ id: number }> = [];
    const payload = { id: 42 };
    sim.at(1, (p: { id: number }) => seen.push(p), payload);
    sim.run();
    expect(seen).toEqual([payload]);
    expect(seen[0]).toBe(payload);
  });
});

describe('Simulation: errors', () => {
  it('rejects scheduling in the past, naming the time and now', () => {
    const sim = new Simulation();
    sim.run(5);
    expect(() => sim.at(3, () => {}, undefined)).toThrow(/time 3: now is 5/);
    expect(() => sim.after(-1, () => {}, undefined)).toThrow(/delay -1 at now 5/);
    expect(() => sim.at(Number.NaN, () => {}, undefined)).toThrow(/time NaN/);
    expect(() => sim.at(Infinity, () => {}, undefined)).toThrow(/time Infinity/);
  });

  it('rejects a priority outside 0..255 or not an integer', () => {
    const sim = new Simulation();
    expect(() => sim.at(1, () => {}, undefined, -1)).toThrow(/priority .* got -1/);
    expect(() => sim.at(1, () => {}, undefined, 1.5)).toThrow(/priority .* got 1.5/);
    expect(() => sim.at(1, () => {}, undefined, 256)).toThrow(/priority .* got 256/);
  });

  it('rejects run(until) before now', () => {
    const sim = new Simulation();
    sim.run(5);
    expect(() => sim.run(4)).toThrow(/until is 4 but now is already 5/);
  });

  it('rethrows a failing handler with the simulated time and event sequence, keeping the cause', () => {
    const sim = new Simulation();
    sim.at(1, () => {}, undefined);
    const failure = new Error('boom');
    sim.at(2.5, () => {
      throw failure;
    }, undefined);
    let caught: unknown;
    try {
      sim.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toBe('event handler failed at simulated time 2.5 (event sequence 1): boom');
    expect((caught as Error).cause).toBe(failure);
    expect(sim.eventsProcessed).toBe(1);
  });

  it('refuses run() from inside a handler', () => {
    const sim = new Simulation();
    sim.at(1, () => sim.run(), undefined);
    expect(() => sim.run()).toThrow(/already running/);
  });

  it('refuses a token that did not come from this simulation', () => {
    const sim = new Simulation();
    const other = new Simulation();
    // Same slot and sequence in both calendars: only the owner check tells them apart.
    sim.at(1, () => {}, undefined);
    const foreign = other.at(1, () => {}, undefined);
    expect(() => sim.cancel({ time: 1 })).toThrow(/token was not returned by this engine/);
    expect(() => sim.cancel(foreign)).toThrow(/token was not returned by this engine/);
    expect(sim.pendingEvents).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { createAdmission, type AdmissionOptions, type Priority } from './admission.ts';

/** An admission on a clock and an event loop's lateness that the test moves by hand. */
function simulate(options: Partial<AdmissionOptions> = {}) {
  const signals = { now: 0, lag: 0 };
  const sim = {
    get now() {
      return signals.now;
    },
    set now(ms: number) {
      signals.now = ms;
    },
    get lag() {
      return signals.lag;
    },
    set lag(ms: number) {
      signals.lag = ms;
    },
    admission: createAdmission({
      maxInFlight: 64,
      maxLagMs: 50,
      lagMs: () => signals.lag,
      now: () => signals.now,
      ...options,
    }),
    /**
     * For `ms`, every 10 ms, offers new calls and requests of calls in
     * progress at the rates given (a second), each answered at once, and
     * counts those let in. `lagOf` may set the loop's lateness first.
     */
    offer(
      ms: number,
      rates: { newCalls: number; inProgress: number },
      lagOf?: (admittedNewCalls: number[]) => number,
    ) {
      const count = { newCalls: 0, newAdmitted: 0, inProgress: 0, inProgressAdmitted: 0 };
      /** When each new call was let in. */
      const admittedAt: number[] = [];
      let owedNew = 0;
      let owedInProgress = 0;
      for (let t = 0; t < ms; t += 10) {
        sim.now += 10;
        if (lagOf) sim.lag = lagOf(admittedAt);
        owedNew += rates.newCalls / 100;
        owedInProgress += rates.inProgress / 100;
        const tryOne = (priority: Priority) => {
          const admitted = sim.admission.enter(priority);
          if (admitted) sim.admission.leave();
          return admitted;
        };
        for (; owedInProgress >= 1; owedInProgress--) {
          count.inProgress++;
          if (tryOne('in-progress')) count.inProgressAdmitted++;
        }
        for (; owedNew >= 1; owedNew--) {
          count.newCalls++;
          if (tryOne('new')) {
            count.newAdmitted++;
            admittedAt.push(sim.now);
          }
        }
      }
      return count;
    },
  };
  return sim;
}

describe('load shedding', () => {
  it('lets every call in while the event loop keeps up', () => {
    const sim = simulate();
    const count = sim.offer(5000, { newCalls: 300, inProgress: 900 });
    expect(count).toEqual({
      newCalls: 1500,
      newAdmitted: 1500,
      inProgress: 4500,
      inProgressAdmitted: 4500,
    });
    expect(sim.admission.sheddingNewCalls).toBe(false);
    expect(sim.admission.shed).toBe(0);
  });

  it('holds new calls while the loop runs late under traffic, and serves every call in progress', () => {
    const sim = simulate();
    sim.offer(1000, { newCalls: 300, inProgress: 900 });
    sim.lag = 120;
    sim.offer(3000, { newCalls: 300, inProgress: 900 }); // the rate halves each 100 ms
    const late = sim.offer(10_000, { newCalls: 300, inProgress: 900 });
    expect(late.inProgressAdmitted).toBe(late.inProgress);
    // Never none: at least about one new call a second starts, and hardly more.
    expect(late.newAdmitted).toBeGreaterThanOrEqual(9);
    expect(late.newAdmitted).toBeLessThanOrEqual(15);
    expect(sim.admission.sheddingNewCalls).toBe(true);
    expect(sim.admission.shed).toBeGreaterThan(2900);
  });

  it('lets in about as many new calls as the loop carries', () => {
    // The loop runs late while more than 100 new calls started in the last second (each brings
    // its next requests): the server should settle near 100 a second, from 300 offered.
    const sim = simulate();
    const lagOf = (admitted: number[]) =>
      admitted.filter((at) => at > sim.now - 1000).length > 100 ? 80 : 0;
    sim.offer(10_000, { newCalls: 300, inProgress: 600 }, lagOf);
    const settled = sim.offer(10_000, { newCalls: 300, inProgress: 600 }, lagOf);
    expect(settled.newAdmitted / 10).toBeGreaterThan(65);
    expect(settled.newAdmitted / 10).toBeLessThan(120);
    expect(settled.inProgressAdmitted).toBe(settled.inProgress);
  });

  it('lets new calls in again once the loop is on time', () => {
    const sim = simulate();
    sim.lag = 200;
    sim.offer(3000, { newCalls: 100, inProgress: 300 });
    expect(sim.admission.newCallRate).toBe(1);
    sim.lag = 0;
    sim.offer(5000, { newCalls: 100, inProgress: 300 }); // from 1 to 100 a second
    const after = sim.offer(1000, { newCalls: 100, inProgress: 300 });
    expect(after.newAdmitted).toBe(after.newCalls);
    expect(sim.admission.sheddingNewCalls).toBe(false);
  });

  it('holds nothing when the loop is late only now and then (a busy host)', () => {
    const sim = simulate();
    let tick = 0;
    const count = sim.offer(10_000, { newCalls: 300, inProgress: 900 }, () =>
      tick++ % 3 === 0 ? 0 : 300,
    );
    expect(count.newAdmitted).toBe(count.newCalls);
  });

  it('holds nothing when the loop is late at one burst of requests (the process was not scheduled)', () => {
    const sim = simulate();
    sim.lag = 300;
    for (let burst = 0; burst < 20; burst++) {
      sim.now += 100;
      for (let i = 0; i < 30; i++) expect(sim.admission.enter('new')).toBe(true);
      for (let i = 0; i < 30; i++) sim.admission.leave();
    }
  });

  it('holds nothing when the loop is late with little traffic (another process is busy)', () => {
    const sim = simulate();
    sim.lag = 500;
    const count = sim.offer(10_000, { newCalls: 10, inProgress: 30 });
    expect(count.newAdmitted).toBe(count.newCalls);
    expect(count.inProgressAdmitted).toBe(count.inProgress);
  });

  it('holds new calls at half the bound in flight, calls in progress at all of it, never a status callback', () => {
    const { admission } = simulate({ maxInFlight: 4 });
    expect(admission.enter('in-progress')).toBe(true);
    expect(admission.enter('new')).toBe(true);
    expect(admission.enter('new')).toBe(false);
    expect(admission.enter('in-progress')).toBe(true);
    expect(admission.enter('in-progress')).toBe(true);
    expect(admission.inFlight).toBe(4);
    expect(admission.enter('in-progress')).toBe(false);
    expect(admission.enter('always')).toBe(true);
    expect(admission.shed).toBe(2);
    expect(admission.sheddingNewCalls).toBe(true);
    for (let i = 0; i < 4; i++) admission.leave();
    expect(admission.enter('in-progress')).toBe(true);
    expect(admission.enter('new')).toBe(false);
    admission.leave();
    expect(admission.enter('new')).toBe(true);
  });
});

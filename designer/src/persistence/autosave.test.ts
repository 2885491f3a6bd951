import { afterEach, describe, expect, it } from 'vitest';
import { createAutosaver, type AutosaveState } from './autosave.ts';
import { RevisionConflictError, StorageError } from './errors.ts';
import { createFlowRepository } from './repository.ts';
import { createTestRepository } from './testing.ts';
import type { DesignerDb } from './db.ts';

/** Timers on a clock that moves only when told. */
function fakeTime() {
  let now = 0;
  let lastId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimer: (callback: () => void, ms: number) => {
      timers.set(++lastId, { at: now + ms, callback });
      return lastId;
    },
    clearTimer: (handle: unknown) => {
      timers.delete(handle as number);
    },
    get now() {
      return now;
    },
    get timers() {
      return timers.size;
    },
    /** Moves the clock, firing due timers in order and letting promises settle after each. */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        await settle();
      }
      now = until;
      await settle();
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** A save whose writes finish when the test says so. */
function controlledSave() {
  const calls: { doc: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = (doc: string) =>
    new Promise<void>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = () => inFlight--;
      calls.push({
        doc,
        resolve: () => {
          done();
          resolve();
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
    });
  return {
    save,
    calls,
    get docs() {
      return calls.map((c) => c.doc);
    },
    get maxInFlight() {
      return maxInFlight;
    },
    last() {
      const call = calls.at(-1);
      if (!call) throw new Error('no write');
      return call;
    },
  };
}

function setup(delayMs?: number) {
  const time = fakeTime();
  const writes = controlledSave();
  const autosaver = createAutosaver<string>({
    save: writes.save,
    ...(delayMs !== undefined && { delayMs }),
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
  });
  const states: AutosaveState[] = [];
  autosaver.subscribe((state) => states.push(state));
  return { time, writes, autosaver, states };
}

describe('createAutosaver', () => {
  it('writes a change 400 ms after it is scheduled, then says saved', async () => {
    const { time, writes, autosaver } = setup();
    expect(autosaver.state).toEqual({ status: 'saved', error: null, pending: false });
    autosaver.schedule('a');
    expect(autosaver.state).toEqual({ status: 'saving', error: null, pending: true });
    await time.advance(399);
    expect(writes.docs).toEqual([]);
    await time.advance(1);
    expect(writes.docs).toEqual(['a']);
    expect(autosaver.state.status).toBe('saving');
    writes.last().resolve();
    await settle();
    expect(autosaver.state).toEqual({ status: 'saved', error: null, pending: false });
  });

  it('writes only the latest of quick changes, once', async () => {
    const { time, writes, autosaver } = setup();
    autosaver.schedule('a');
    await time.advance(100);
    autosaver.schedule('b');
    await time.advance(200);
    autosaver.schedule('c');
    await time.advance(100);
    expect(writes.docs).toEqual(['c']);
    writes.last().resolve();
    await time.advance(5000);
    expect(writes.docs).toEqual(['c']);
    expect(autosaver.state.status).toBe('saved');
  });

  it('is not postponed by continuous typing: at most one write per delay, each the latest', async () => {
    const { time, writes, autosaver } = setup();
    const writeTimes: number[] = [];
    for (let i = 1; i <= 20; i++) {
      autosaver.schedule(`doc ${i}`);
      const before = writes.calls.length;
      await time.advance(100);
      if (writes.calls.length > before) {
        writeTimes.push(time.now);
        // The write takes the latest document at the time it starts.
        expect(writes.last().doc).toBe(`doc ${i}`);
        writes.last().resolve();
        await settle();
      }
    }
    expect(writeTimes).toEqual([400, 800, 1200, 1600, 2000]);
    expect(autosaver.state.status).toBe('saved');
  });

  it('never has two writes in flight: the next one waits, then takes the latest', async () => {
    const { time, writes, autosaver } = setup();
    autosaver.schedule('a');
    await time.advance(400);
    expect(writes.docs).toEqual(['a']);
    // The first write is slow; changes keep coming and their timer fires.
    autosaver.schedule('b');
    await time.advance(400);
    autosaver.schedule('c');
    await time.advance(400);
    expect(writes.docs).toEqual(['a']);
    expect(autosaver.state).toMatchObject({ status: 'saving', pending: true });
    writes.calls[0]!.resolve();
    await settle();
    expect(writes.docs).toEqual(['a', 'c']);
    writes.last().resolve();
    await time.advance(1000);
    expect(writes.docs).toEqual(['a', 'c']);
    expect(writes.maxInFlight).toBe(1);
    expect(autosaver.state).toEqual({ status: 'saved', error: null, pending: false });
  });

  it('keeps the document after a failed write, says why, and retries on the next change', async () => {
    const { time, writes, autosaver } = setup();
    autosaver.schedule('a');
    await time.advance(400);
    const quota = new StorageError('quota');
    writes.last().reject(quota);
    await settle();
    expect(autosaver.state).toEqual({ status: 'error', error: quota, pending: true });

    // No write happens on its own...
    await time.advance(10_000);
    expect(writes.docs).toEqual(['a']);
    // ...the next change retries, with the latest document.
    autosaver.schedule('b');
    expect(autosaver.state.status).toBe('error');
    await time.advance(400);
    expect(writes.docs).toEqual(['a', 'b']);
    expect(autosaver.state).toEqual({ status: 'saving', error: null, pending: true });
    writes.last().resolve();
    await settle();
    expect(autosaver.state).toEqual({ status: 'saved', error: null, pending: false });
  });

  it('retries the kept document on flush', async () => {
    const { time, writes, autosaver } = setup();
    autosaver.schedule('a');
    await time.advance(400);
    writes.last().reject(new Error('disk on fire'));
    await settle();
    expect(autosaver.state.error?.message).toBe('disk on fire');
    const flushed = autosaver.flush();
    await settle();
    expect(writes.docs).toEqual(['a', 'a']);
    writes.last().resolve();
    expect(await flushed).toEqual({ status: 'saved', error: null, pending: false });
  });

  it('flushes at once, without waiting for the timer, and only once', async () => {
    const { time, writes, autosaver } = setup();
    autosaver.schedule('a');
    const flushed = autosaver.flush();
    await settle();
    expect(writes.docs).toEqual(['a']);
    expect(time.timers).toBe(0);
    writes.last().resolve();
    expect((await flushed).status).toBe('saved');
    await time.advance(1000);
    expect(writes.docs).toEqual(['a']);
  });

  it('flushes with nothing pending without writing', async () => {
    const { writes, autosaver } = setup();
    expect(await autosaver.flush()).toEqual({ status: 'saved', error: null, pending: false });
    expect(writes.docs).toEqual([]);
  });

  it('flushes during a write by writing the latest right after it', async () => {
    const { time, writes, autosaver } = setup();
    autosaver.schedule('a');
    await time.advance(400);
    autosaver.schedule('b');
    let done = false;
    const flushed = autosaver.flush().then((state) => {
      done = true;
      return state;
    });
    await settle();
    expect(writes.docs).toEqual(['a']);
    writes.calls[0]!.resolve();
    await settle();
    expect(writes.docs).toEqual(['a', 'b']);
    expect(done).toBe(false);
    writes.last().resolve();
    expect((await flushed).status).toBe('saved');
    expect(writes.maxInFlight).toBe(1);
  });

  it('surfaces a revision conflict, keeps the document, and waits for flush to retry', async () => {
    const { time, writes, autosaver } = setup();
    autosaver.schedule('a');
    await time.advance(400);
    const conflict = new RevisionConflictError('f', 1, 2);
    writes.last().reject(conflict);
    await settle();
    expect(autosaver.state).toEqual({ status: 'conflict', error: conflict, pending: true });
    // Retrying would only conflict again: changes are kept, not written.
    autosaver.schedule('b');
    await time.advance(5000);
    expect(writes.docs).toEqual(['a']);
    expect(autosaver.state).toEqual({ status: 'conflict', error: conflict, pending: true });
    // Once the UI has settled the conflict, flush writes the latest.
    const flushed = autosaver.flush();
    await settle();
    expect(writes.docs).toEqual(['a', 'b']);
    writes.last().resolve();
    expect((await flushed).status).toBe('saved');
  });

  it('tells subscribers every state, until they unsubscribe', async () => {
    const { time, writes, autosaver, states } = setup(100);
    const mine: string[] = [];
    const unsubscribe = autosaver.subscribe((s) => mine.push(s.status));
    autosaver.schedule('a');
    await time.advance(100);
    writes.last().resolve();
    await settle();
    expect(states.map((s) => s.status)).toEqual(['saving', 'saving', 'saved']);
    unsubscribe();
    autosaver.schedule('b');
    expect(mine).toEqual(['saving', 'saving', 'saved']);
    expect(states).toHaveLength(4);
  });

  it('stops on dispose', async () => {
    const { time, writes, autosaver } = setup();
    autosaver.schedule('a');
    autosaver.dispose();
    expect(time.timers).toBe(0);
    autosaver.schedule('b');
    await time.advance(1000);
    expect(writes.docs).toEqual([]);
  });
});

describe('createAutosaver with the repository', () => {
  const dbs: DesignerDb[] = [];
  afterEach(() => dbs.splice(0).forEach((db) => db.close()));

  it('saves through the revision check, and reports a save from another tab as a conflict', async () => {
    const { repo, db } = createTestRepository();
    dbs.push(db);
    const { id } = await repo.create('Flow');
    const opened = await repo.open(id);
    let revision = opened.revision;
    const autosaver = createAutosaver({
      save: async (doc) => {
        revision = await repo.save(id, doc, revision);
      },
      delayMs: 0,
    });

    const renamed = { ...opened.doc, settings: { ...opened.doc.settings, name: 'Renamed' } };
    autosaver.schedule(renamed);
    expect((await autosaver.flush()).status).toBe('saved');
    expect(revision).toBe(2);
    expect(await repo.open(id)).toEqual({ id, doc: renamed, revision: 2 });

    const otherTab = createFlowRepository({ db, now: () => 0, newId: () => 'x' });
    await otherTab.save(id, opened.doc, 2);
    autosaver.schedule({ ...renamed, settings: { ...renamed.settings, name: 'Mine' } });
    const state = await autosaver.flush();
    expect(state).toMatchObject({ status: 'conflict', pending: true });
    expect(state.error).toBeInstanceOf(RevisionConflictError);
    expect((await repo.open(id)).doc).toEqual(opened.doc);
  });
});

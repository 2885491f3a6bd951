import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { createFlow } from '@callbot/shared';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import { createFlowRepository } from '../../persistence/repository.ts';
import { createTestDb } from '../../persistence/testing.ts';
import { createEditorStore, type EditorStore } from '../../editor/store.ts';
import {
  AUTO_SNAPSHOT_INTERVAL_MS,
  EDITING_NOTE,
  LEFT_NOTE,
  createAutoSnapshots,
  useAutoSnapshots,
} from './useAutoSnapshots.ts';
import type { FlowEditing } from './useFlowEditing.ts';
import { performAction } from '../../editor/actions.ts';

const MINUTE = 60_000;

const addMessage = (store: EditorStore) =>
  store.getState().dispatch('addNode', { kind: 'message', position: { x: 0, y: 300 } });

describe('createAutoSnapshots (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp(snapshot = vi.fn(async (_note: string) => {})) {
    const store = createEditorStore(createFlow('Auto'));
    const snapshots = createAutoSnapshots({ store, snapshot });
    return { store, snapshot, snapshots };
  }

  it('snapshots once after the interval of editing, however many edits came meanwhile', async () => {
    const { store, snapshot, snapshots } = setUp();
    await vi.advanceTimersByTimeAsync(3 * AUTO_SNAPSHOT_INTERVAL_MS);
    expect(snapshot).not.toHaveBeenCalled(); // nothing changed, nothing taken

    addMessage(store);
    await vi.advanceTimersByTimeAsync(AUTO_SNAPSHOT_INTERVAL_MS - MINUTE);
    addMessage(store);
    addMessage(store);
    expect(snapshot).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(snapshot.mock.calls).toEqual([[EDITING_NOTE]]);

    // Idle afterwards: no more snapshots.
    await vi.advanceTimersByTimeAsync(3 * AUTO_SNAPSHOT_INTERVAL_MS);
    expect(snapshot).toHaveBeenCalledTimes(1);

    // Editing again starts another interval.
    addMessage(store);
    await vi.advanceTimersByTimeAsync(AUTO_SNAPSHOT_INTERVAL_MS);
    expect(snapshot.mock.calls).toEqual([[EDITING_NOTE], [EDITING_NOTE]]);
    snapshots.dispose();
  });

  it('skips the snapshot when the edits were undone', async () => {
    const { store, snapshot } = setUp();
    addMessage(store);
    performAction('undo', { store, page: {} });
    await vi.advanceTimersByTimeAsync(AUTO_SNAPSHOT_INTERVAL_MS);
    expect(snapshot).not.toHaveBeenCalled();
  });

  it('a selection is not an edit', async () => {
    const { store, snapshot } = setUp();
    performAction('selectAll', { store, page: {} });
    await vi.advanceTimersByTimeAsync(AUTO_SNAPSHOT_INTERVAL_MS);
    expect(snapshot).not.toHaveBeenCalled();
  });

  it('snapshots on leaving when something changed since the last snapshot, and only then', async () => {
    const { store, snapshot, snapshots } = setUp();
    await snapshots.leave();
    expect(snapshot).not.toHaveBeenCalled();

    addMessage(store);
    await snapshots.leave();
    expect(snapshot.mock.calls).toEqual([[LEFT_NOTE]]);
    // The timer the edit started is dropped: nothing more later.
    await vi.advanceTimersByTimeAsync(2 * AUTO_SNAPSHOT_INTERVAL_MS);
    expect(snapshot).toHaveBeenCalledTimes(1);
    await snapshots.leave();
    expect(snapshot).toHaveBeenCalledTimes(1);
  });

  it('tries again at the next occasion when storing a snapshot failed', async () => {
    const snapshot = vi
      .fn(async (_note: string) => {})
      .mockRejectedValueOnce(new Error('quota exceeded'));
    const { store, snapshots } = setUp(snapshot);
    addMessage(store);
    await vi.advanceTimersByTimeAsync(AUTO_SNAPSHOT_INTERVAL_MS);
    expect(snapshot.mock.calls).toEqual([[EDITING_NOTE]]);
    await snapshots.leave();
    expect(snapshot.mock.calls).toEqual([[EDITING_NOTE], [LEFT_NOTE]]);
  });

  it('stops after dispose', async () => {
    const { store, snapshot, snapshots } = setUp();
    addMessage(store);
    snapshots.dispose();
    addMessage(store);
    await vi.advanceTimersByTimeAsync(2 * AUTO_SNAPSHOT_INTERVAL_MS);
    expect(snapshot).not.toHaveBeenCalled();
  });
});

describe('useAutoSnapshots', () => {
  /** An open flow wired to a test repository, flushed by saving the store's document. */
  async function openFlow(maxAutoVersions?: number) {
    let clock = 1_700_000_000_000;
    const repo = createFlowRepository({
      db: createTestDb(),
      now: () => clock++,
      newId: () => 'flow-1',
      ...(maxAutoVersions !== undefined && { maxAutoVersions }),
    });
    const flow = await repo.create('Auto');
    const opened = await repo.open(flow.id);
    await repo.saveVersion(flow.id, 'Opened', { auto: true });
    const store = createEditorStore(opened.doc);
    let revision = opened.revision;
    const editing: FlowEditing = {
      store,
      save: { status: 'saved', error: null, pending: false },
      otherTab: null,
      flush: async () => {
        revision = await repo.save(flow.id, store.getState().doc, revision);
        return { status: 'saved', error: null, pending: false };
      },
      revision: () => revision,
      setRevision: (r) => (revision = r),
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <RepositoryProvider repository={repo}>{children}</RepositoryProvider>
    );
    const hook = renderHook(() => useAutoSnapshots(flow.id, editing), { wrapper });
    return { repo, flowId: flow.id, store, hook };
  }

  it('leaving the editor after an edit stores the edited flow as an automatic version', async () => {
    const { repo, flowId, store, hook } = await openFlow();
    addMessage(store);
    hook.unmount();
    await waitFor(async () => expect(await repo.listVersions(flowId)).toHaveLength(2));
    const [latest] = await repo.listVersions(flowId);
    expect(latest).toMatchObject({ note: LEFT_NOTE, auto: true, nodeCount: 3 });
    const version = await repo.openVersion(flowId, latest!.id);
    expect(version.doc).toEqual(store.getState().doc);
  });

  it('leaving without an edit stores nothing', async () => {
    const { repo, flowId, hook } = await openFlow();
    hook.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await repo.listVersions(flowId)).map((v) => v.note)).toEqual(['Opened']);
  });

  it('keeps only the newest automatic versions', async () => {
    const { repo, flowId, store, hook } = await openFlow(2);
    addMessage(store);
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect(await repo.listVersions(flowId)).toHaveLength(2));
    addMessage(store);
    hook.unmount();
    await waitFor(async () =>
      expect((await repo.listVersions(flowId)).map((v) => [v.note, v.nodeCount])).toEqual([
        [LEFT_NOTE, 4],
        [LEFT_NOTE, 3],
      ]),
    );
  });
});

import { testCaseRequestSchema, type TestCaseRequest } from '@callbot/shared';
import { z } from 'zod';
import type { DesignerDb, TestCaseRecord } from '../db.ts';
import { FlowNotFoundError } from '../errors.ts';
import type { TestCaseStore } from '../testCases.ts';
import { RemoteError, type TestCase, type WorkspaceApi } from './api.ts';
import { testCaseKey } from './keys.ts';
import type { Outbox, RecordChange } from './outbox.ts';

const isUnreachable = (error: unknown) =>
  error instanceof RemoteError && error.kind === 'unreachable';
const isNotFound = (error: unknown) => error instanceof RemoteError && error.kind === 'notFound';

/**
 * A test case's change as the outbox keeps it (key `testCaseKey`): `before`
 * names its flow, `after` is what the server takes (null: deleted). Several
 * changes of one test case waiting are sent as the last one.
 */
const waitingChangeSchema = z.object({
  before: z.object({ flowId: z.string().min(1) }),
  after: testCaseRequestSchema.nullable(),
});

const changeOf = (record: TestCaseRecord, deleted: boolean): RecordChange => ({
  before: { flowId: record.flowId },
  after: deleted ? null : requestOf(record),
});

/** A cached test case as the server takes it. */
const requestOf = (record: TestCaseRecord): TestCaseRequest => ({
  name: record.name,
  script: record.script,
  transcript: Array.isArray(record.transcript) ? record.transcript : [],
  flowRevision: Math.max(1, record.flowRevision),
});

/**
 * Sends a test case's change that waited in the outbox (the outbox's
 * `sendRecord` for `testCaseKey`s): adds or replaces it on the server, or
 * deletes it (one gone already is not an error). Answers the revision the
 * outbox keeps for it (0 once deleted).
 */
export async function sendTestCase(
  api: WorkspaceApi,
  serverId: string,
  change: RecordChange,
): Promise<number> {
  const parsed = waitingChangeSchema.safeParse(change);
  if (!parsed.success)
    throw new Error(`The test case ${serverId} waiting to be sent is unreadable.`);
  const { before, after } = parsed.data;
  if (after === null) {
    await api.deleteTest(before.flowId, serverId).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
    return 0;
  }
  await api.putTest(before.flowId, serverId, after);
  return 1;
}

/**
 * The test cases of a server workspace's flows: written through to the
 * server (`PUT /flows/:id/tests/:testId`, which trainers may call too) and
 * cached in this browser's IndexedDB, where each keeps its server id.
 * Listing reads the server and brings the cache to it (others' test cases
 * appear, deleted ones go, this browser's changes still waiting stay);
 * while the server is unreachable the cache answers.
 *
 * A change made while the server is unreachable (or while the flow's own
 * saves still wait) is kept in the cache and in the outbox, like a flow's
 * save ("offline — N changes waiting"), and sent once the server is back,
 * after the flow's saves. A change the server refuses is not kept: the panel
 * shows why, and the cache stays as the server has it.
 *
 * `local` is the cache's own store (names checked there first, as in
 * browser-only mode).
 */
export function createRemoteTestCaseStore({
  api,
  cache,
  outbox,
  local,
  newId,
}: {
  api: WorkspaceApi;
  cache: DesignerDb;
  outbox: Outbox;
  local: TestCaseStore;
  newId: () => string;
}): TestCaseStore {
  /**
   * Sends the cached test case's change now, or keeps it in the outbox when
   * the server is unreachable, or when the flow's saves or an earlier change
   * of this test case wait there (it is sent after them). Rejects with the
   * server's refusal.
   */
  async function write(record: TestCaseRecord, serverId: string, deleted = false): Promise<void> {
    const key = testCaseKey(serverId);
    const { offline } = await outbox.flush();
    const waits =
      offline || (await outbox.waitingFor(record.flowId)) > 0 || (await outbox.waitingFor(key)) > 0;
    if (!waits) {
      if ((await outbox.baseOf(record.flowId)) === 0)
        throw new RemoteError(
          'notFound',
          'This flow is not on the server: its test cases cannot be kept there.',
        );
      try {
        await sendTestCase(api, serverId, changeOf(record, deleted));
        return;
      } catch (error) {
        if (!isUnreachable(error)) throw error;
      }
    }
    await outbox.addRecord(key, changeOf(record, deleted));
  }

  /** Sends the cached record (its server id is given on first need). */
  async function send(record: TestCaseRecord): Promise<void> {
    let serverId = record.serverId;
    if (serverId === undefined) {
      serverId = newId();
      await cache.testCases.update(record.id, { serverId });
    }
    await write(record, serverId);
  }

  /** Whether a change of this test case waits in the outbox (this browser's is newer than the server's). */
  const waiting = async (serverId: string) => (await outbox.waitingFor(testCaseKey(serverId))) > 0;

  /** Brings the flow's cached test cases to the server's list, but those whose changes wait. */
  async function mirror(flowId: string, tests: TestCase[]): Promise<void> {
    const cachedNow = await cache.testCases.where('flowId').equals(flowId).toArray();
    const ids = new Set([
      ...tests.map((t) => t.id),
      ...cachedNow.flatMap((r) => (r.serverId ? [r.serverId] : [])),
    ]);
    const kept = new Set<string>();
    for (const id of ids) if (await waiting(id)) kept.add(id);
    await cache.transaction('rw', cache.testCases, async () => {
      const cached = await cache.testCases.where('flowId').equals(flowId).toArray();
      const byServerId = new Map(cached.flatMap((r) => (r.serverId ? [[r.serverId, r]] : [])));
      const onServer = new Set(tests.map((t) => t.id));
      for (const record of cached) {
        if (record.serverId !== undefined && kept.has(record.serverId)) continue;
        if (record.serverId === undefined || !onServer.has(record.serverId))
          await cache.testCases.delete(record.id);
      }
      for (const test of tests) {
        if (kept.has(test.id)) continue;
        const fields = {
          flowId,
          name: test.name,
          script: test.script,
          transcript: test.transcript,
          flowRevision: test.flowRevision,
          serverId: test.id,
        };
        const known = byServerId.get(test.id);
        if (known) await cache.testCases.update(known.id, fields);
        else await cache.testCases.add({ ...fields, createdAt: Date.parse(test.updatedAt) });
      }
    });
  }

  const cached = async (id: number) => (await cache.testCases.get(id)) ?? null;

  /**
   * This browser's writes, counted as they start and as they end: a list read while one ran may
   * be older than the cache (a test case saved meanwhile would vanish), so it is not mirrored.
   */
  let writes = 0;
  const writing = async <T>(work: () => Promise<T>): Promise<T> => {
    writes += 1;
    try {
      return await work();
    } finally {
      writes += 1;
    }
  };

  return {
    saveTestCase: (flowId, testCase, options) =>
      writing(async () => {
        if (!(await cache.flows.get(flowId))) throw new FlowNotFoundError(flowId);
        const saved = await local.saveTestCase(flowId, testCase, options);
        const record = { ...saved, serverId: newId() };
        try {
          await cache.testCases.update(saved.id, { serverId: record.serverId });
          await write(record, record.serverId);
        } catch (error) {
          await local.deleteTestCase(saved.id);
          throw error;
        }
        return record;
      }),

    async listTestCases(flowId) {
      const writesBefore = writes;
      try {
        const tests = await api.listTests(flowId);
        if (writes === writesBefore) await mirror(flowId, tests);
      } catch (error) {
        // Unreachable, or a flow not on the server yet: the cache answers.
        if (!isUnreachable(error) && !isNotFound(error)) throw error;
      }
      return local.listTestCases(flowId);
    },

    renameTestCase: (id, name) =>
      writing(async () => {
        const record = await cached(id);
        if (!record) return false;
        if (!(await local.renameTestCase(id, name))) return false;
        try {
          await send((await cached(id)) ?? record);
        } catch (error) {
          await cache.testCases.update(id, { name: record.name });
          throw error;
        }
        return true;
      }),

    rerecordTestCase: (id, recording) =>
      writing(async () => {
        const before = await local.rerecordTestCase(id, recording);
        const record = await cached(id);
        if (before === null || !record) return before;
        try {
          await send(record);
        } catch (error) {
          await local.rerecordTestCase(id, before);
          throw error;
        }
        return before;
      }),

    deleteTestCase: (id) =>
      writing(async () => {
        const record = await cached(id);
        if (record?.serverId !== undefined) await write(record, record.serverId, true);
        await local.deleteTestCase(id);
      }),
  };
}

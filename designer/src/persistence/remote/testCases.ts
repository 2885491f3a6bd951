import type { DesignerDb, TestCaseRecord } from '../db.ts';
import { FlowNotFoundError } from '../errors.ts';
import type { TestCaseStore } from '../testCases.ts';
import { RemoteError, type TestCase, type WorkspaceApi } from './api.ts';
import type { Outbox } from './outbox.ts';

const isUnreachable = (error: unknown) =>
  error instanceof RemoteError && error.kind === 'unreachable';

/**
 * The test cases of a server workspace's flows: written through to the
 * server (`PUT /flows/:id/tests/:testId`, which trainers may call too) and
 * cached in this browser's IndexedDB, where each keeps its server id.
 * Listing reads the server and brings the cache to it (others' test cases
 * appear, deleted ones go); while the server is unreachable the cache
 * answers. A write the server refuses, or cannot take (unreachable), is not
 * kept: the panel shows why, and the cache stays as the server has it.
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
  /** The flow is on the server with this browser's saves of it: a test case can join it. */
  async function flowOnServer(flowId: string): Promise<void> {
    await outbox.flush();
    if ((await outbox.baseOf(flowId)) === 0) {
      throw new RemoteError(
        'unreachable',
        'The server is unreachable: test cases are kept on the server, so save this one once the server is back.',
      );
    }
  }

  /** Sends the cached record to the server (its server id is given on first need). */
  async function send(record: TestCaseRecord): Promise<void> {
    await flowOnServer(record.flowId);
    let serverId = record.serverId;
    if (serverId === undefined) {
      serverId = newId();
      await cache.testCases.update(record.id, { serverId });
    }
    await api.putTest(record.flowId, serverId, {
      name: record.name,
      script: record.script,
      transcript: Array.isArray(record.transcript) ? record.transcript : [],
      flowRevision: Math.max(1, record.flowRevision),
    });
  }

  /** Brings the flow's cached test cases to the server's list. */
  async function mirror(flowId: string, tests: TestCase[]): Promise<void> {
    await cache.transaction('rw', cache.testCases, async () => {
      const cached = await cache.testCases.where('flowId').equals(flowId).toArray();
      const byServerId = new Map(cached.flatMap((r) => (r.serverId ? [[r.serverId, r]] : [])));
      const onServer = new Set(tests.map((t) => t.id));
      for (const record of cached) {
        if (record.serverId === undefined || !onServer.has(record.serverId))
          await cache.testCases.delete(record.id);
      }
      for (const test of tests) {
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

  return {
    async saveTestCase(flowId, testCase, options) {
      if (!(await cache.flows.get(flowId))) throw new FlowNotFoundError(flowId);
      await flowOnServer(flowId);
      const saved = await local.saveTestCase(flowId, testCase, options);
      const record = { ...saved, serverId: newId() };
      try {
        await cache.testCases.update(saved.id, { serverId: record.serverId });
        await send(record);
      } catch (error) {
        await local.deleteTestCase(saved.id);
        throw error;
      }
      return record;
    },

    async listTestCases(flowId) {
      try {
        await mirror(flowId, await api.listTests(flowId));
      } catch (error) {
        // Unreachable, or a flow not on the server yet: the cache answers.
        if (!isUnreachable(error) && !(error instanceof RemoteError && error.kind === 'notFound'))
          throw error;
      }
      return local.listTestCases(flowId);
    },

    async renameTestCase(id, name) {
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
    },

    async rerecordTestCase(id, recording) {
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
    },

    async deleteTestCase(id) {
      const record = await cached(id);
      if (record?.serverId !== undefined) {
        try {
          await api.deleteTest(record.flowId, record.serverId);
        } catch (error) {
          // Gone from the server already: gone here too.
          if (!(error instanceof RemoteError && error.kind === 'notFound')) throw error;
        }
      }
      await local.deleteTestCase(id);
    },
  };
}

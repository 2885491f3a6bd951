import {
  apiErrorSchema,
  CLIENT_HEADER,
  CSRF_HEADER,
  importAnswerSchema,
  importRefusalSchema,
  nameTakenSchema,
  numberTakenSchema,
  flowListSchema,
  flowRecordSchema,
  flowSaveAnswerSchema,
  flowVersionListSchema,
  flowVersionSchema,
  flowVersionSummarySchema,
  ifMatch,
  IF_MATCH_HEADER,
  presenceSchema,
  pricesAnswerSchema,
  recordAnswerSchema,
  recordRevisionsSchema,
  settingsAnswerSchema,
  workspaceSummarySchema,
  revisionConflictSchema,
  sessionSchema,
  testCaseListSchema,
  testCaseSchema,
  type Actor,
  type FlowRecordAnswer,
  type FlowSaveAnswer,
  type FlowSummary,
  type FlowVersionSummary,
  type PriceTable,
  type RecordRevisions,
  type RevisionConflict,
  type ServerWorkspaceSettings,
  type WorkspaceCollection,
  type TestCase,
  type TestCaseRequest,
} from '@callbot/shared';
import { z } from 'zod';

/**
 * - `unreachable`: no answer (the server is stopped, the network is down, a
 *   proxy's 502/503/504): worth trying again later, nothing was refused.
 * - `conflict`: a save on a stale revision (409), see `conflict`.
 * - the others: the server refused; trying again will not help.
 */
export type RemoteErrorKind =
  'unreachable' | 'conflict' | 'unauthorized' | 'forbidden' | 'notFound' | 'invalid' | 'server';

/** A call of the workspace API that did not succeed, in words a page can show. */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';

  constructor(
    readonly kind: RemoteErrorKind,
    message: string,
    readonly status = 0,
    /** Set for `conflict`: who saved the flow, when, at which revision. */
    readonly conflict?: RevisionConflict,
    /** Set for a refused workspace file: which record, which field, why. */
    readonly problems?: { path: string; message: string }[],
    /**
     * Set for a team, bot or schedule refused for its name (`name_taken`), or a customer for its
     * number (`number_taken`, named by its name or else its number): the one that has it.
     */
    readonly existing?: { id: string; name: string },
    /** Which field another record has: `name`, or a customer's `number`. */
    readonly takenField?: 'name' | 'number',
  ) {
    super(message);
  }
}

export type {
  Actor,
  FlowRecordAnswer,
  FlowSummary,
  FlowVersionSummary,
  RevisionConflict,
  TestCase,
  TestCaseRequest,
};

/** The workspace API of one workspace, as the designer uses it. Answers are parsed into fresh objects. */
export interface WorkspaceApi {
  readonly workspaceId: string;
  listFlows(): Promise<FlowSummary[]>;
  getFlow(id: string): Promise<FlowRecordAnswer>;
  /**
   * Creates (`baseRevision` 0) or saves a flow; `RemoteError` `conflict` on a stale base. The
   * server answers with the flow's summary (the editor has the document it sent).
   */
  /** Saves on top of `baseRevision`; the answer says which lines' calls the save turned off (R2). */
  saveFlow(
    id: string,
    doc: unknown,
    baseRevision: number,
    callbot?: boolean,
  ): Promise<FlowSaveAnswer>;
  deleteFlow(id: string): Promise<void>;
  listVersions(flowId: string): Promise<FlowVersionSummary[]>;
  createVersion(flowId: string, note: string, auto: boolean): Promise<FlowVersionSummary>;
  getVersion(flowId: string, versionId: number): Promise<FlowVersionSummary & { doc: unknown }>;
  /** The flow's test cases (a trainer may write them too). */
  listTests(flowId: string): Promise<TestCase[]>;
  /** Adds or replaces one; `RemoteError` `conflict` for a name the flow has already. */
  putTest(flowId: string, testId: string, test: TestCaseRequest): Promise<TestCase>;
  deleteTest(flowId: string, testId: string): Promise<void>;
  /**
   * Replaces the workspace with a `callbot-workspace/1` file (owners); answers what it held.
   * A refused file is a `RemoteError` with the `problems` (record, field, why).
   */
  importWorkspace(file: unknown): Promise<Record<string, number>>;
  /** "I have this flow open"; answers who has it open (the caller too). */
  beat(flowId: string): Promise<Actor[]>;
  /** "I closed it." */
  leave(flowId: string): Promise<void>;
  /** The address of the workspace's server-sent events. */
  readonly eventsUrl: string;
  /**
   * This page's id, sent with every change (`CLIENT_HEADER`): the events of
   * its own changes name it, and the page skips them.
   */
  readonly clientId: string;

  /** A collection's records (read leniently: each is checked by its schema later) and revisions. */
  listRecords(
    collection: WorkspaceCollection,
  ): Promise<{ records: unknown[]; revisions: RecordRevisions }>;
  /** One record and its revision; `RemoteError` `notFound` when there is none. */
  getRecord(
    collection: WorkspaceCollection,
    id: string,
  ): Promise<{ record: unknown; revision: number }>;
  /** Writes a record on `baseRevision` (0: it must not exist); answers the new revision. */
  putRecord(
    collection: WorkspaceCollection,
    id: string,
    record: unknown,
    baseRevision: number,
  ): Promise<number>;
  deleteRecord(collection: WorkspaceCollection, id: string, baseRevision: number): Promise<void>;
  /** R3: the line answered by that callbot (taken from the one answering it, if any). */
  assignLine(lineId: string, callbotId: string): Promise<void>;
  /** The line back to the default callbot (R9). */
  unassignLine(lineId: string): Promise<void>;
  getSettings(): Promise<{ settings: ServerWorkspaceSettings; revision: number; name: string }>;
  /** Answers the new revision. */
  putSettings(settings: ServerWorkspaceSettings, baseRevision: number): Promise<number>;
  /** Replaces the price table alone (null: the example figures); answers the settings' new revision. */
  putPrices(priceTable: PriceTable | null, baseRevision: number): Promise<number>;
  /** The workspace's name (the owner's to change). */
  renameWorkspace(name: string): Promise<void>;
  /** Any other route of the workspace (`path` after `/api/workspaces/:ws`), its answer read by `schema`. */
  request<T>(schema: z.ZodType<T>, method: string, path: string, body?: unknown): Promise<T>;
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Gateways answering for a server that is not there: the same as no answer. */
const unreachableStatuses = new Set([502, 503, 504]);

function kindOfStatus(status: number): RemoteErrorKind {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 400:
    case 422:
      return 'invalid';
    case 409:
      return 'conflict';
    default:
      return unreachableStatuses.has(status) ? 'unreachable' : 'server';
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A typed client of the workspace API (`/api/workspaces/:ws/...`) for the
 * signed-in user: the session cookie goes along (same origin), and every
 * state-changing call carries the session's CSRF token, read from
 * `GET /api/session` on first need and read again once when refused as stale.
 */
export function createWorkspaceApi({
  workspaceId,
  baseUrl = '',
  fetch: send = (input, init) => globalThis.fetch(input, init),
  clientId = crypto.randomUUID(),
}: {
  workspaceId: string;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** This page's id (`WorkspaceApi.clientId`); a new one by default. */
  clientId?: string;
}): WorkspaceApi {
  const base_ = `/api/workspaces/${encodeURIComponent(workspaceId)}`;
  let csrfToken: string | null = null;

  async function fetchOrUnreachable(path: string, init: RequestInit): Promise<Response> {
    try {
      return await send(baseUrl + path, { credentials: 'same-origin', ...init });
    } catch (error) {
      throw new RemoteError(
        'unreachable',
        `The server did not answer (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }

  async function csrf(): Promise<string | null> {
    if (csrfToken !== null) return csrfToken;
    const response = await fetchOrUnreachable('/api/session', {
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw failure(response.status, await readJson(response));
    const session = sessionSchema.safeParse(await readJson(response));
    if (!session.success) throw new RemoteError('server', 'The server sent an unreadable session.');
    csrfToken = session.data.csrfToken;
    return csrfToken;
  }

  function failure(status: number, body: unknown): RemoteError {
    const kind = kindOfStatus(status);
    if (kind === 'conflict') {
      const conflict = revisionConflictSchema.safeParse(body);
      if (conflict.success)
        return new RemoteError('conflict', conflict.data.message, status, conflict.data);
    }
    const refusedFile = importRefusalSchema.safeParse(body);
    if (refusedFile.success) {
      return new RemoteError(
        kind,
        refusedFile.data.message,
        status,
        undefined,
        refusedFile.data.problems,
      );
    }
    const taken = nameTakenSchema.safeParse(body);
    if (taken.success) {
      const { message, existing } = taken.data;
      return new RemoteError(kind, message, status, undefined, undefined, existing, 'name');
    }
    const numberTaken = numberTakenSchema.safeParse(body);
    if (numberTaken.success) {
      const { message, existing } = numberTaken.data;
      const named = { id: existing.id, name: existing.name ?? existing.number };
      return new RemoteError(kind, message, status, undefined, undefined, named, 'number');
    }
    const refusal = apiErrorSchema.safeParse(body);
    const message = refusal.success
      ? refusal.data.message
      : kind === 'unreachable'
        ? `The server is unreachable (HTTP ${status}).`
        : `The server answered HTTP ${status}.`;
    return new RemoteError(kind, message, status);
  }

  async function call(
    method: string,
    path: string,
    body?: unknown,
    base?: number,
    retried = false,
    root = base_,
  ): Promise<Response> {
    const headers = new Headers({ accept: 'application/json' });
    if (body !== undefined) headers.set('content-type', 'application/json');
    if (base !== undefined) headers.set(IF_MATCH_HEADER, ifMatch(base));
    if (stateChanging.has(method)) {
      const token = await csrf();
      if (token !== null) headers.set(CSRF_HEADER, token);
      headers.set(CLIENT_HEADER, clientId);
    }
    const response = await fetchOrUnreachable(root + path, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (response.ok) return response;
    const answer = await readJson(response);
    const refusal = apiErrorSchema.safeParse(answer);
    if (response.status === 403 && refusal.success && refusal.data.error === 'csrf' && !retried) {
      // The session was renewed (signed in again elsewhere): read its token again, once.
      csrfToken = null;
      return call(method, path, body, base, true, root);
    }
    throw failure(response.status, answer);
  }

  async function request<T>(
    schema: z.ZodType<T>,
    method: string,
    path: string,
    body?: unknown,
    base?: number,
  ): Promise<T> {
    const response = await call(method, path, body, base);
    const parsed = schema.safeParse(await readJson(response));
    if (!parsed.success) {
      throw new RemoteError(
        'server',
        `The server's answer to ${method} ${path} does not read: ${parsed.error.issues[0]?.message ?? ''}`,
        response.status,
      );
    }
    return parsed.data;
  }

  const flowPath = (id: string) => `/flows/${encodeURIComponent(id)}`;
  const recordPath = (collection: WorkspaceCollection, id: string) =>
    `/${collection}/${encodeURIComponent(id)}`;

  return {
    workspaceId,
    eventsUrl: `${baseUrl}${base_}/events`,
    clientId,
    listFlows: async () => (await request(flowListSchema, 'GET', '/flows')).flows,
    getFlow: (id) => request(flowRecordSchema, 'GET', flowPath(id)),
    saveFlow: (id, doc, baseRevision, callbot) =>
      request(flowSaveAnswerSchema, 'PUT', flowPath(id), {
        baseRevision,
        doc,
        ...(callbot !== undefined && { callbot }),
      }),
    deleteFlow: async (id) => {
      await call('DELETE', flowPath(id));
    },
    listVersions: async (flowId) =>
      (await request(flowVersionListSchema, 'GET', `${flowPath(flowId)}/versions`)).versions,
    createVersion: (flowId, note, auto) =>
      request(flowVersionSummarySchema, 'POST', `${flowPath(flowId)}/versions`, { note, auto }),
    getVersion: (flowId, versionId) =>
      request(flowVersionSchema, 'GET', `${flowPath(flowId)}/versions/${versionId}`),
    listTests: async (flowId) =>
      (await request(testCaseListSchema, 'GET', `${flowPath(flowId)}/tests`)).tests,
    putTest: (flowId, testId, test) =>
      request(
        testCaseSchema,
        'PUT',
        `${flowPath(flowId)}/tests/${encodeURIComponent(testId)}`,
        test,
      ),
    deleteTest: async (flowId, testId) => {
      await call('DELETE', `${flowPath(flowId)}/tests/${encodeURIComponent(testId)}`);
    },
    importWorkspace: async (file) =>
      (await request(importAnswerSchema, 'POST', '/import', file)).counts,
    beat: async (flowId) =>
      (await request(presenceSchema, 'POST', `${flowPath(flowId)}/presence`)).editors,
    leave: async (flowId) => {
      await call('DELETE', `${flowPath(flowId)}/presence`);
    },

    listRecords: async (collection) => {
      const answer = await request(
        z.looseObject({ revisions: recordRevisionsSchema }),
        'GET',
        `/${collection}`,
      );
      const records = answer[collection];
      if (!Array.isArray(records))
        throw new RemoteError('server', `The server's list of ${collection} does not read.`);
      return { records: records as unknown[], revisions: answer.revisions };
    },
    getRecord: (collection, id) => request(recordAnswerSchema, 'GET', recordPath(collection, id)),
    putRecord: async (collection, id, record, baseRevision) =>
      (await request(recordAnswerSchema, 'PUT', recordPath(collection, id), record, baseRevision))
        .revision,
    deleteRecord: async (collection, id, baseRevision) => {
      await call('DELETE', recordPath(collection, id), undefined, baseRevision);
    },
    assignLine: async (lineId, callbotId) => {
      await call('PUT', `${recordPath('lines', lineId)}/callbot`, { callbotId, replace: true });
    },
    unassignLine: async (lineId) => {
      await call('DELETE', `${recordPath('lines', lineId)}/callbot`);
    },
    getSettings: () => request(settingsAnswerSchema, 'GET', '/settings'),
    putSettings: async (settings, baseRevision) =>
      (await request(z.object({ revision: z.int() }), 'PUT', '/settings', settings, baseRevision))
        .revision,
    putPrices: async (priceTable, baseRevision) =>
      (await request(pricesAnswerSchema, 'PUT', '/prices', { priceTable }, baseRevision)).revision,
    renameWorkspace: async (name) => {
      const response = await call('PATCH', '', { name });
      if (!workspaceSummarySchema.safeParse(await readJson(response)).success)
        throw new RemoteError('server', 'The server sent an unreadable workspace.');
    },
    request,
  };
}

/**
 * The calls API's routes (contract: `@callbot/shared`'s `api/calls.ts`), as
 * entries of the server's one route table: every member reads the list, the
 * analytics and the calls in progress; a call's words (what the bot said,
 * the keys, the caller's speech) are for trainers and above, or for every
 * member when the workspace's settings say so; the owner sets how call
 * records are kept.
 */
import {
  callAnalyticsQuerySchema,
  callCsvColumns,
  callEventCsvColumns,
  callListQuerySchema,
  CALLS_CSV_MAX_ROWS,
  callSettingsSchema,
  isValidTimeZone,
  roleAtLeast,
  type CallDetail,
  type CallSettings,
  type Role,
} from '@callbot/shared';
import {
  DEFAULT_WORDS_PER_MINUTE,
  playedInOrder,
  timelineOf,
  type TraceLine,
} from '@callbot/runtime';
import type { z } from 'zod';
import { errorReply, parseBody, route, type AnyRoute, type Reply } from '../router.ts';
import { callCsvFields, csvLine, lineText } from './csv.ts';
import { whileMember, type StillMember } from '../workspace/events.ts';
import type { LiveCallsHub } from './live.ts';
import { CursorError, type CallEvent, type CallsStore } from './store.ts';

export interface CallsService {
  store: CallsStore;
  live: LiveCallsHub;
  /**
   * Whether someone is still a member of the workspace: an open live stream
   * asks every `memberCheckMs` (default 10 s) and ends once they are not.
   */
  stillMember?: StillMember;
  memberCheckMs?: number;
}

const BASE = '/api/workspaces/:ws/calls';
/** Rows read per query while a CSV of the list is written. */
const CSV_PAGE = 1000;

/** A query string through a schema: one value per parameter, the 422 naming the one refused. */
function parseQuery<T>(
  schema: z.ZodType<T>,
  query: URLSearchParams,
): { ok: true; data: T } | { ok: false; reply: Reply } {
  const values = Object.create(null) as Record<string, string>;
  for (const [key, value] of query) {
    if (key in values) {
      return {
        ok: false,
        reply: errorReply(422, 'invalid_request', `${key}: give it once.`),
      };
    }
    values[key] = value;
  }
  const result = schema.safeParse({ ...values });
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const keys = issue && 'keys' in issue ? issue.keys : [];
  const where = issue?.path.length ? issue.path.join('.') : keys.join(', ') || 'query';
  const message = keys.length > 0 ? 'not a parameter of this route' : (issue?.message ?? 'invalid');
  return { ok: false, reply: errorReply(422, 'invalid_request', `${where}: ${message}.`) };
}

const notFound = () =>
  errorReply(404, 'not_found', 'The workspace has no such call (or it was deleted by retention).');

/** Whether the caller reads the words of calls. */
const readsTranscripts = (role: Role, settings: CallSettings) =>
  roleAtLeast(role, 'trainer') || settings.viewersSeeTranscripts;

/** A trace line without its words: what the bot said, and what the caller pressed or said. */
function withoutWords(line: TraceLine): TraceLine {
  if (line.kind === 'say') return { ...line, text: '', hidden: true } as TraceLine;
  if (line.kind === 'input') {
    return { ...line, event: { type: line.event.type }, hidden: true } as unknown as TraceLine;
  }
  if (line.kind === 'agent.error') return { ...line, message: '', hidden: true } as TraceLine;
  return line;
}

/**
 * @example
 * const routes = callRoutes({ store: createCallsStore(db), live });
 */
export function callRoutes(service: CallsService): AnyRoute[] {
  const { store, live, stillMember, memberCheckMs = 10_000 } = service;

  async function detail(ws: string, sid: string, role: Role) {
    const found = await store.get(ws, sid);
    if (!found) return null;
    const transcript = readsTranscripts(role, await store.settings(ws));
    const lines = found.events.map((e) => e.line);
    const wpm = DEFAULT_WORDS_PER_MINUTE;
    // The lines timed as the caller heard them: the simulator's picture for the same inputs.
    const timeline = timelineOf(playedInOrder(lines, wpm), found.call.durationMs ?? 0, wpm);
    const events: CallEvent[] = transcript
      ? found.events
      : found.events.map((e) => ({ ...e, line: withoutWords(e.line) }));
    const body: CallDetail = {
      call: found.call,
      flow:
        found.call.callbot !== null && found.call.version !== null
          ? { callbot: found.call.callbot, version: found.call.version }
          : null,
      wordsPerMinute: DEFAULT_WORDS_PER_MINUTE,
      transcript,
      events,
      timeline: transcript
        ? timeline
        : { ...timeline, inputs: timeline.inputs.map((i) => ({ ...i, label: '' })) },
    };
    return body;
  }

  return [
    route({
      method: 'GET',
      path: BASE,
      access: 'viewer',
      async handler({ caller, query }) {
        const parsed = parseQuery(callListQuerySchema, query);
        if (!parsed.ok) return parsed.reply;
        try {
          return { status: 200, body: await store.list(caller.workspace.id, parsed.data) };
        } catch (error) {
          if (error instanceof CursorError)
            return errorReply(422, 'invalid_request', error.message);
          throw error;
        }
      },
    }),
    route({
      method: 'GET',
      path: `${BASE}/export.csv`,
      access: 'viewer',
      async handler({ caller, query }) {
        const parsed = parseQuery(callListQuerySchema, query);
        if (!parsed.ok) return parsed.reply;
        if (parsed.data.cursor !== undefined) {
          return errorReply(422, 'invalid_request', 'cursor: an export starts at the first row.');
        }
        const ws = caller.workspace.id;
        const params = parsed.data;
        // The first page is read before answering, so a refusal is still a JSON error.
        const first = await store.list(ws, { ...params, limit: CSV_PAGE });
        async function* chunks() {
          yield csvLine([...callCsvColumns]);
          let page = first;
          let written = 0;
          for (;;) {
            const rows = page.calls.slice(0, CALLS_CSV_MAX_ROWS - written);
            if (rows.length > 0) yield rows.map((c) => csvLine(callCsvFields(c))).join('');
            written += rows.length;
            if (page.nextCursor === null || written >= CALLS_CSV_MAX_ROWS) return;
            page = await store.list(ws, { ...params, limit: CSV_PAGE, cursor: page.nextCursor });
          }
        }
        return {
          status: 200,
          body: null,
          file: { contentType: 'text/csv; charset=utf-8', filename: 'calls.csv', chunks: chunks() },
        };
      },
    }),
    route({
      method: 'GET',
      path: `${BASE}/analytics`,
      access: 'viewer',
      async handler({ caller, query }) {
        const parsed = parseQuery(callAnalyticsQuerySchema, query);
        if (!parsed.ok) return parsed.reply;
        const q = parsed.data;
        const timeZone = q.timeZone ?? (await store.timeZone(caller.workspace.id));
        if (!isValidTimeZone(timeZone)) {
          return errorReply(
            422,
            'invalid_request',
            'timeZone: expected a time zone such as America/Sao_Paulo.',
          );
        }
        const body = await store.analytics(caller.workspace.id, {
          callbot: q.callbot,
          version: q.version ?? null,
          from: q.from,
          to: q.to,
          timeZone,
        });
        return { status: 200, body };
      },
    }),
    route({
      method: 'GET',
      path: `${BASE}/live`,
      access: 'viewer',
      handler({ caller }) {
        const ws = caller.workspace.id;
        const userId = caller.user.id;
        return Promise.resolve({
          status: 200,
          body: null,
          stream: (send, end) =>
            whileMember(
              () => live.subscribe(ws, send),
              { ws, userId },
              end,
              stillMember,
              memberCheckMs,
            ),
        });
      },
    }),
    route({
      method: 'GET',
      path: `${BASE}/settings`,
      access: 'viewer',
      async handler({ caller }) {
        return { status: 200, body: await store.settings(caller.workspace.id) };
      },
    }),
    route({
      method: 'PUT',
      path: `${BASE}/settings`,
      access: 'owner',
      async handler({ caller, body, now }) {
        const parsed = parseBody(callSettingsSchema, body);
        if (!parsed.ok) return parsed.reply;
        return {
          status: 200,
          body: await store.putSettings(caller.workspace.id, parsed.data, now),
        };
      },
    }),
    route({
      method: 'GET',
      path: `${BASE}/:sid`,
      access: 'viewer',
      async handler({ caller, params }) {
        const body = await detail(caller.workspace.id, params.sid!, caller.role);
        return body ? { status: 200, body } : notFound();
      },
    }),
    route({
      method: 'GET',
      path: `${BASE}/:sid/events.csv`,
      access: 'viewer',
      async handler({ caller, params }) {
        const body = await detail(caller.workspace.id, params.sid!, caller.role);
        if (!body) return notFound();
        function* chunks() {
          yield csvLine([...callEventCsvColumns]);
          let node: string | null = null;
          for (const { seq, at, line } of body!.events) {
            const trace = line as TraceLine;
            if (trace.kind === 'node') node = trace.id;
            yield csvLine([
              seq,
              at,
              trace.t,
              trace.kind,
              node,
              lineText(trace),
              JSON.stringify(trace),
            ]);
          }
        }
        return {
          status: 200,
          body: null,
          file: {
            contentType: 'text/csv; charset=utf-8',
            filename: `call-${body.call.sid.replace(/[^A-Za-z0-9_-]/g, '')}.csv`,
            chunks: chunks(),
          },
        };
      },
    }),
  ];
}

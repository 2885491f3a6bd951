import {
  apiErrorSchema,
  callAnalyticsSchema,
  callDetailSchema,
  callListSchema,
  callSettingsSchema,
  compileFlow,
  CSRF_HEADER,
  sessionSchema,
  loadFlow,
  type CallAnalytics,
  type CallAnalyticsQuery,
  type CallDetail,
  type CallList,
  type CallSettings,
  type FlowDocument,
} from '@callbot/shared';
import { z } from 'zod';
import { RemoteError } from '../../persistence/remote/api.ts';

/** The calls API of one workspace (`shared/src/api/calls.ts`), as the calls pages read it. */
export interface CallsClient {
  /** A page of calls; `query` is the page's filters as the URL keeps them (`filtersToQuery`). */
  list(query: URLSearchParams): Promise<CallList>;
  /** The address of the CSV of the calls these filters list. */
  listCsvUrl(query: URLSearchParams): string;
  call(sid: string): Promise<CallDetail>;
  eventsCsvUrl(sid: string): string;
  analytics(query: CallAnalyticsQuery): Promise<CallAnalytics>;
  /** The address of the server-sent events of the calls in progress. */
  readonly liveUrl: string;
  /** The document of a published version (the one a call ran), or null when the server keeps it no more. */
  versionDoc(callbot: string, version: number): Promise<FlowDocument | null>;
  /** How the workspace keeps call records (retention, caller speech, transcripts for viewers). */
  settings(): Promise<CallSettings>;
  /** Owners only: the server refuses anyone else (`RemoteError` 'forbidden'). */
  putSettings(settings: CallSettings): Promise<CallSettings>;
}

/** A workspace flow's published versions, read leniently: each one's compiled machine's fingerprint. */
const publishedSchema = z.looseObject({
  versions: z.array(z.looseObject({ version: z.int(), fingerprint: z.string() })),
});

/** A published version's answer, read leniently: its document under `doc` or `flow`. */
const versionAnswerSchema = z.union([
  z.looseObject({ doc: z.unknown() }),
  z.looseObject({ flow: z.unknown() }),
]);

/**
 * A typed client of `/api/workspaces/:ws/calls…` for the signed-in user
 * (same origin, the session cookie goes along). Every answer is read through
 * the contract's schemas into fresh objects; a refusal is a `RemoteError`
 * with the server's words.
 */
export function createCallsClient({
  workspaceId,
  baseUrl = '',
  fetch: send = (input, init) => globalThis.fetch(input, init),
}: {
  workspaceId: string;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}): CallsClient {
  const ws = `${baseUrl}/api/workspaces/${encodeURIComponent(workspaceId)}`;
  const calls = `${ws}/calls`;

  /** The session's CSRF token, read once, for the requests that change something. */
  let csrf: Promise<string | null> | null = null;
  const readCsrf = async () => {
    const response = await send(`${baseUrl}/api/session`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    const session = sessionSchema.safeParse(await response.json().catch(() => null));
    return session.success ? session.data.csrfToken : null;
  };

  async function get<T>(schema: z.ZodType<T>, url: string, put?: unknown): Promise<T> {
    let response: Response;
    try {
      const headers = new Headers({ accept: 'application/json' });
      if (put !== undefined) {
        headers.set('content-type', 'application/json');
        csrf ??= readCsrf();
        const token = await csrf;
        if (token !== null) headers.set(CSRF_HEADER, token);
      }
      response = await send(url, {
        credentials: 'same-origin',
        headers,
        ...(put !== undefined && { method: 'PUT', body: JSON.stringify(put) }),
      });
    } catch (error) {
      throw new RemoteError(
        'unreachable',
        `The server did not answer (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const refusal = apiErrorSchema.safeParse(body);
      const kind =
        response.status === 403
          ? 'forbidden'
          : response.status === 404
            ? 'notFound'
            : response.status === 401
              ? 'unauthorized'
              : response.status === 400 || response.status === 422
                ? 'invalid'
                : 'server';
      throw new RemoteError(
        kind,
        refusal.success ? refusal.data.message : `The server answered HTTP ${response.status}.`,
        response.status,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new RemoteError(
        'server',
        `The server's answer does not read: ${parsed.error.issues[0]?.message ?? ''}`,
        response.status,
      );
    }
    return parsed.data;
  }

  const withQuery = (path: string, query: URLSearchParams) => {
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };

  async function readVersion(url: string): Promise<FlowDocument | null> {
    try {
      const answer = await get(versionAnswerSchema, url);
      const loaded = loadFlow('doc' in answer ? answer.doc : answer.flow);
      return loaded.ok ? loaded.doc : null;
    } catch (error) {
      if (error instanceof RemoteError && error.kind !== 'unreachable') return null;
      throw error;
    }
  }

  /**
   * The workspace flow as it is now, when it compiles to the very machine
   * that version `version` published (the same fingerprint): it then draws
   * the path that version took, node for node and output for output.
   */
  async function currentIfSame(callbot: string, version: number): Promise<FlowDocument | null> {
    const flow = `${ws}/flows/${encodeURIComponent(callbot)}`;
    try {
      const published = await get(publishedSchema, `${flow}/published`);
      const ran = published.versions.find((v) => v.version === version);
      if (!ran) return null;
      const { doc } = await get(z.looseObject({ doc: z.unknown() }), flow);
      const compiled = compileFlow(doc);
      if (!compiled.machine) return null;
      const { machineFingerprint } = await import('@callbot/runtime');
      if (machineFingerprint(compiled.machine) !== ran.fingerprint) return null;
      const loaded = loadFlow(doc);
      return loaded.ok ? loaded.doc : null;
    } catch (error) {
      if (error instanceof RemoteError && error.kind !== 'unreachable') return null;
      throw error;
    }
  }

  return {
    list: (query) => get(callListSchema, withQuery(calls, query)),
    listCsvUrl: (query) => withQuery(`${calls}/export.csv`, query),
    call: (sid) => get(callDetailSchema, `${calls}/${encodeURIComponent(sid)}`),
    eventsCsvUrl: (sid) => `${calls}/${encodeURIComponent(sid)}/events.csv`,
    analytics: (query) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query) as [string, string | number | undefined][])
        if (value !== undefined) params.set(key, String(value));
      return get(callAnalyticsSchema, withQuery(`${calls}/analytics`, params));
    },
    liveUrl: `${calls}/live`,
    // The workspace's published version of that flow; the server-wide publish API's otherwise;
    // else the flow as it is now, if it still compiles to that version's machine.
    versionDoc: async (callbot, version) =>
      (await readVersion(`${ws}/flows/${encodeURIComponent(callbot)}/published/${version}`)) ??
      (await readVersion(
        `${baseUrl}/api/callbots/${encodeURIComponent(callbot)}/versions/${version}`,
      )) ??
      (await currentIfSame(callbot, version)),
    settings: () => get(callSettingsSchema, `${calls}/settings`),
    putSettings: (settings) => get(callSettingsSchema, `${calls}/settings`, settings),
  };
}

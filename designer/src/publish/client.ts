/**
 * A typed client of the server's publish API (`server/src/api.ts`): every
 * answer is parsed with the API's own schemas (`@callbot/shared`'s `api/publish.ts`), every failure is a `PublishError` of a
 * kind the UI can say in words.
 */
import {
  apiErrorSchema,
  assignedSchema,
  callbotListSchema,
  lineAssignmentSchema,
  publishedSchema,
  versionListSchema,
  type Assigned,
  type Diagnostic,
  type LineAssignment,
  type Published,
  type VersionSummary,
} from '@callbot/shared';
import type { z } from 'zod';

export type { Assigned, LineAssignment, Published };
export type PublishedVersion = VersionSummary;

export type PublishErrorKind =
  /** No answer: the server is down, the URL is wrong, or the browser was refused (CORS). */
  | 'unreachable'
  /** 401: the token is wrong. */
  | 'unauthorized'
  /** 422: the server found errors in the flow (`diagnostics`). */
  | 'invalidFlow'
  /** 409: another callbot answers the line (`current`); R3. */
  | 'lineHasCallbot'
  /** 409: a roll-back with no earlier version. */
  | 'noEarlierVersion'
  /** 404: no such callbot, version or line. */
  | 'notFound'
  /** Any other refusal, or an answer this client does not understand. */
  | 'server';

export class PublishError extends Error {
  constructor(
    readonly kind: PublishErrorKind,
    message: string,
    readonly details: { diagnostics?: Diagnostic[]; current?: LineAssignment } = {},
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

export interface PublishClient {
  publish(callbot: string, flow: unknown, note: string): Promise<Published>;
  /** The callbot's versions, oldest first; empty when it has none yet. */
  listVersions(callbot: string): Promise<PublishedVersion[]>;
  /** The line's assignment, or null when the default callbot answers it. */
  getLine(number: string): Promise<LineAssignment | null>;
  /** Refused with `lineHasCallbot` when another callbot has the line and `replace` is false. */
  assignLine(
    number: string,
    target: { callbot: string; version: number },
    replace: boolean,
  ): Promise<Assigned>;
  /** Points the line at the version before the one it has. */
  rollback(number: string): Promise<Assigned>;
}

/**
 * @example
 * const client = createPublishClient({ serverUrl: 'http://127.0.0.1:8787', token });
 * const { version } = await client.publish('recepcao', doc, 'first');
 */
export function createPublishClient({
  serverUrl,
  token,
  fetch: send = (input, init) => globalThis.fetch(input, init),
}: {
  serverUrl: string;
  token: string;
  fetch?: typeof globalThis.fetch;
}): PublishClient {
  async function request<T>(
    schema: z.ZodType<T>,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    let response: Response;
    try {
      response = await send(serverUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new PublishError('unreachable', (error as Error).message);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return parsed.data;
      throw new PublishError('server', `Unexpected answer to ${method} ${path}.`);
    }
    const problem = apiErrorSchema.safeParse(json);
    const message = problem.success ? problem.data.message : `HTTP ${response.status}`;
    const code = problem.success ? problem.data.error : '';
    if (response.status === 401) throw new PublishError('unauthorized', message);
    if (response.status === 422 && problem.data?.diagnostics) {
      throw new PublishError('invalidFlow', message, { diagnostics: problem.data.diagnostics });
    }
    if (code === 'R3.lineHasCallbot' && problem.data?.current) {
      throw new PublishError('lineHasCallbot', message, { current: problem.data.current });
    }
    if (code === 'no_earlier_version') throw new PublishError('noEarlierVersion', message);
    if (response.status === 404) throw new PublishError('notFound', message);
    throw new PublishError('server', message);
  }

  const line = (number: string) => `/api/lines/${encodeURIComponent(number)}`;
  const callbot = (id: string) => `/api/callbots/${encodeURIComponent(id)}`;

  return {
    publish: (id, flow, note) =>
      request(publishedSchema, 'POST', `${callbot(id)}/versions`, { flow, note }),
    async listVersions(id) {
      // Asked first so that a callbot not published yet is no 404 (which browsers log as errors).
      const { callbots } = await request(callbotListSchema, 'GET', '/api/callbots');
      if (!callbots.some((c) => c.id === id)) return [];
      try {
        const { versions } = await request(versionListSchema, 'GET', `${callbot(id)}/versions`);
        return versions;
      } catch (error) {
        if (error instanceof PublishError && error.kind === 'notFound') return [];
        throw error;
      }
    },
    async getLine(number) {
      try {
        return await request(lineAssignmentSchema, 'GET', line(number));
      } catch (error) {
        if (error instanceof PublishError && error.kind === 'notFound') return null;
        throw error;
      }
    },
    assignLine: (number, target, replace) =>
      request(assignedSchema, 'PUT', line(number), { ...target, replace }),
    rollback: (number) => request(assignedSchema, 'POST', `${line(number)}/rollback`),
  };
}

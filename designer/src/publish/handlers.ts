/**
 * MSW handlers that stand in for the runtime server's publish API in unit
 * tests and stories: versions numbered from 1, lines with one callbot (R3),
 * roll-back, the bearer token checked, and the server's own validation (a
 * flow with errors gets 422 with its diagnostics).
 */
import {
  compileFlow,
  lineRequestSchema,
  loadFlow,
  publishRequestSchema,
  type CallbotList,
  type Diagnostic,
  type LineAssignment,
  type Published,
  type VersionSummary,
} from '@callbot/shared';
import { getResponse, http, HttpResponse } from 'msw';
import type { z } from 'zod';

export const FAKE_SERVER_URL = 'http://runtime.example.test';
export const FAKE_TOKEN = 'test-token';

type Version = VersionSummary;
type Line = LineAssignment;

/** The fake server's state, to arrange and inspect in tests. */
export interface FakeServer {
  versions: Map<string, Version[]>;
  lines: Map<string, Line>;
  /** Warnings the server adds to every publish (its own checks), e.g. to show them. */
  warnings: Diagnostic[];
}

export function createFakeServer(): FakeServer {
  return { versions: new Map(), lines: new Map(), warnings: [] };
}

const AT = '2026-11-24T13:00:00.000Z';
const refuse = (status: number, error: string, message: string, extra: object = {}) =>
  HttpResponse.json({ error, message, ...extra }, { status });

/** The body parsed with the API's own request schema, or the server's 400. */
async function bodyOf<T>(request: Request, schema: z.ZodType<T>) {
  const parsed = schema.safeParse(await request.json().catch(() => undefined));
  if (parsed.success) return { ok: true as const, body: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  return {
    ok: false as const,
    response: refuse(400, 'invalid_request', `${where}: ${issue?.message ?? 'invalid'}.`),
  };
}

export function publishHandlers(server: FakeServer, url = FAKE_SERVER_URL) {
  const authorised = (request: Request) =>
    request.headers.get('authorization') === `Bearer ${FAKE_TOKEN}`;
  const unauthorised = () => refuse(401, 'unauthorized', 'A valid bearer token is required.');
  const assign = (number: string, callbot: string, version: number, replace: boolean) => {
    const current = server.lines.get(number) ?? null;
    if (current && current.callbot !== callbot && !replace) {
      return refuse(
        409,
        'R3.lineHasCallbot',
        `The line ${number} is answered by ${current.callbot}.`,
        {
          current,
        },
      );
    }
    const line: Line = { number, callbot, version, assignedAt: AT };
    server.lines.set(number, line);
    return HttpResponse.json({ line, replaced: current });
  };

  return [
    http.post<{ id: string }>(`${url}/api/callbots/:id/versions`, async ({ request, params }) => {
      if (!authorised(request)) return unauthorised();
      const parsed = await bodyOf(request, publishRequestSchema);
      if (!parsed.ok) return parsed.response;
      const { body } = parsed;
      const loaded = loadFlow(body.flow);
      const compiled = loaded.ok ? compileFlow(loaded.doc) : null;
      if (!loaded.ok || !compiled?.machine) {
        return refuse(422, 'invalid_flow', 'The flow has errors; nothing was published.', {
          diagnostics: loaded.ok ? compiled!.diagnostics : loaded.diagnostics,
        });
      }
      const list = server.versions.get(params.id) ?? [];
      const version: Version = {
        callbot: params.id,
        version: list.length + 1,
        fingerprint: `fp${list.length + 1}`,
        note: body.note ?? '',
        createdAt: AT,
      };
      server.versions.set(params.id, [...list, version]);
      const published: Published = {
        ...version,
        diagnostics: [...compiled.diagnostics, ...server.warnings],
      };
      return HttpResponse.json(published, { status: 201 });
    }),
    http.get(`${url}/api/callbots`, ({ request }) => {
      if (!authorised(request)) return unauthorised();
      const callbots: CallbotList['callbots'] = [...server.versions].map(([id, versions]) => ({
        id,
        name: id,
        latestVersion: versions.length,
        versions: versions.length,
      }));
      return HttpResponse.json({ callbots });
    }),
    http.get<{ id: string }>(`${url}/api/callbots/:id/versions`, ({ request, params }) => {
      if (!authorised(request)) return unauthorised();
      const versions = server.versions.get(params.id);
      return versions
        ? HttpResponse.json({ versions })
        : refuse(404, 'callbot_not_found', `There is no callbot ${params.id}.`);
    }),
    http.get<{ number: string }>(`${url}/api/lines/:number`, ({ request, params }) => {
      if (!authorised(request)) return unauthorised();
      const line = server.lines.get(params.number);
      return line
        ? HttpResponse.json(line)
        : refuse(404, 'line_not_found', `The line ${params.number} has no callbot.`);
    }),
    http.put<{ number: string }>(`${url}/api/lines/:number`, async ({ request, params }) => {
      if (!authorised(request)) return unauthorised();
      const parsed = await bodyOf(request, lineRequestSchema);
      if (!parsed.ok) return parsed.response;
      const { body } = parsed;
      return assign(params.number, body.callbot, body.version, body.replace ?? false);
    }),
    http.post<{ number: string }>(`${url}/api/lines/:number/rollback`, ({ request, params }) => {
      if (!authorised(request)) return unauthorised();
      const current = server.lines.get(params.number);
      if (!current)
        return refuse(404, 'line_not_found', `The line ${params.number} has no callbot.`);
      if (current.version === 1) {
        return refuse(409, 'no_earlier_version', 'There is nothing to roll back to.');
      }
      return assign(params.number, current.callbot, current.version - 1, false);
    }),
  ];
}

/**
 * A `fetch` answered in-process by the handlers (no service worker, no
 * network), for stories: pass it to `PublishDialog`.
 */
export function fakeServerFetch(server: FakeServer, url = FAKE_SERVER_URL): typeof fetch {
  const handlers = publishHandlers(server, url);
  return async (input, init) => {
    const request = new Request(input, init);
    return (
      (await getResponse(handlers, request)) ??
      HttpResponse.json({ error: 'not_found', message: 'No such API route.' }, { status: 404 })
    );
  };
}

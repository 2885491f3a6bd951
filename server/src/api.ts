/**
 * The publish API (JSON, bearer token): callbots and their versions, which
 * version answers each line (R3), roll-backs, teams (R9, R16), fallback bots,
 * and call records. Each route takes the parsed request and returns a status
 * and a JSON body; the HTTP plumbing is in `server.ts`.
 */
import {
  botRequestSchema,
  callbotIdSchema,
  compileFlow,
  lineNumberSchema,
  lineRequestSchema,
  loadFlow,
  publishRequestSchema,
  rollbackRequestSchema,
  teamRequestSchema,
} from '@callbot/shared';
import { z } from 'zod';
import { machineFingerprint } from '@callbot/runtime';
import type { Store } from './store.ts';
import { teamTargetProblem, twilioDiagnostics } from './twilioChecks.ts';

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiRequest {
  method: string;
  /** The path's segments after `/api/`, decoded. */
  segments: string[];
  /** The JSON body, already parsed (undefined when there was none). */
  body: unknown;
}

const recordId = z.string().min(1).max(100);
const versionNumber = z.coerce.number().int().positive();

const error = (status: number, code: string, message: string, extra: object = {}): ApiResponse => ({
  status,
  body: { error: code, message, ...extra },
});

type Parsed<T> = { ok: true; data: T } | { ok: false; response: ApiResponse };

/** Parses with a schema, or gives the 400 that names the field and why. */
function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : what;
  return {
    ok: false,
    response: error(400, 'invalid_request', `${where}: ${issue?.message ?? 'invalid'}.`),
  };
}

/**
 * The API's routes on a store. `now` gives the time written on records.
 *
 * @example
 * const api = createApi(store, () => Date.now());
 * await api({ method: 'GET', segments: ['callbots'], body: undefined });
 */
export function createApi(store: Store, now: () => number) {
  async function publish(id: string, raw: unknown): Promise<ApiResponse> {
    const bodyParsed = parse(publishRequestSchema, raw, 'body');
    if (!bodyParsed.ok) return bodyParsed.response;
    const body = bodyParsed.data;
    const loaded = loadFlow(body.flow);
    const compiled = loaded.ok
      ? compileFlow(loaded.doc)
      : { machine: null, diagnostics: loaded.diagnostics };
    const { machine } = compiled;
    const diagnostics = loaded.ok
      ? [...compiled.diagnostics, ...twilioDiagnostics(loaded.doc)]
      : compiled.diagnostics;
    if (!loaded.ok || !machine || diagnostics.some((d) => d.severity === 'error')) {
      return error(422, 'invalid_flow', 'The flow has errors; nothing was published.', {
        diagnostics,
      });
    }
    const version = await store.publishVersion({
      callbot: id,
      name: loaded.doc.settings.name,
      flow: loaded.doc,
      fingerprint: machineFingerprint(machine),
      note: body.note ?? '',
      at: now(),
    });
    return { status: 201, body: { ...version, diagnostics } };
  }

  async function assign(number: string, raw: unknown): Promise<ApiResponse> {
    const bodyParsed = parse(lineRequestSchema, raw, 'body');
    if (!bodyParsed.ok) return bodyParsed.response;
    const body = bodyParsed.data;
    const result = await store.assignLine(
      number,
      { callbot: body.callbot, version: body.version },
      { replace: body.replace ?? false, at: now() },
    );
    if (result.ok)
      return { status: 200, body: { line: result.assignment, replaced: result.replaced } };
    if (result.code === 'version.notFound') {
      return error(404, 'version_not_found', `${body.callbot} has no version ${body.version}.`);
    }
    return error(
      409,
      'R3.lineHasCallbot',
      `The line ${number} is answered by the callbot "${result.current.callbot}"; a line has one callbot. Send "replace": true to answer with "${body.callbot}" instead.`,
      { current: result.current },
    );
  }

  async function rollback(number: string, raw: unknown): Promise<ApiResponse> {
    const bodyParsed = parse(rollbackRequestSchema, raw, 'body');
    if (!bodyParsed.ok) return bodyParsed.response;
    const body = bodyParsed.data;
    const current = await store.getLine(number);
    if (!current) return error(404, 'line_not_found', `The line ${number} has no callbot.`);
    const versions = (await store.listVersions(current.callbot)) ?? [];
    const earlier = versions.filter((v) => v.version < current.version).map((v) => v.version);
    const target = body?.version ?? earlier.at(-1);
    if (target === undefined || !earlier.includes(target)) {
      return error(
        409,
        'no_earlier_version',
        body?.version === undefined
          ? `The line ${number} is at version 1 of ${current.callbot}: there is nothing to roll back to.`
          : `${current.callbot} has no version ${body.version} earlier than ${current.version}.`,
      );
    }
    return assign(number, { callbot: current.callbot, version: target });
  }

  return async function route({ method, segments, body }: ApiRequest): Promise<ApiResponse> {
    const [resource, id, sub, subId, ...rest] = segments;
    const key = `${method} ${resource ?? ''}${id === undefined ? '' : '/:id'}${sub === undefined ? '' : `/${sub}`}${subId === undefined ? '' : '/:n'}`;
    if (rest.length > 0) return error(404, 'not_found', 'No such API route.');

    const idSchema =
      resource === 'callbots'
        ? callbotIdSchema
        : resource === 'lines'
          ? lineNumberSchema
          : recordId;
    if (id !== undefined) {
      const valid = parse(idSchema, id, `the ${resource} id`);
      if (!valid.ok) return valid.response;
    }

    switch (key) {
      case 'GET callbots':
        return { status: 200, body: { callbots: await store.listCallbots() } };
      case 'GET callbots/:id/versions': {
        const versions = await store.listVersions(id!);
        return versions
          ? { status: 200, body: { versions } }
          : error(404, 'callbot_not_found', `There is no callbot ${id}.`);
      }
      case 'POST callbots/:id/versions':
        return publish(id!, body);
      case 'GET callbots/:id/versions/:n': {
        const nParsed = parse(versionNumber, subId, 'version');
        if (!nParsed.ok) return nParsed.response;
        const n = nParsed.data;
        const version = await store.getVersion(id!, n);
        return version
          ? { status: 200, body: version }
          : error(404, 'version_not_found', `${id} has no version ${n}.`);
      }
      case 'GET lines':
        return { status: 200, body: { lines: await store.listLines() } };
      case 'GET lines/:id': {
        const line = await store.getLine(id!);
        return line
          ? { status: 200, body: line }
          : error(
              404,
              'line_not_found',
              `The line ${id} has no callbot: the default callbot answers it (R9).`,
            );
      }
      case 'PUT lines/:id':
        return assign(id!, body);
      case 'POST lines/:id/rollback':
        return rollback(id!, body);
      case 'DELETE lines/:id': {
        const removed = await store.removeLine(id!);
        return removed
          ? { status: 200, body: { removed } }
          : error(404, 'line_not_found', `The line ${id} has no callbot.`);
      }
      case 'GET teams':
        return { status: 200, body: { teams: await store.listTeams() } };
      case 'PUT teams/:id': {
        const teamParsed = parse(teamRequestSchema, body, 'body');
        if (!teamParsed.ok) return teamParsed.response;
        const team = teamParsed.data;
        const problem = teamTargetProblem(team.target);
        if (problem) return error(400, 'invalid_request', `target: ${problem}.`);
        const saved = { id: id!, ...team, isDefault: team.isDefault ?? false };
        await store.putTeam(saved);
        return { status: 200, body: saved };
      }
      case 'DELETE teams/:id':
        return (await store.deleteTeam(id!))
          ? { status: 204, body: null }
          : error(404, 'team_not_found', `There is no team ${id}.`);
      case 'GET bots':
        return { status: 200, body: { bots: await store.listBots() } };
      case 'PUT bots/:id': {
        const botParsed = parse(botRequestSchema, body, 'body');
        if (!botParsed.ok) return botParsed.response;
        const bot = botParsed.data;
        await store.putBot({ id: id!, ...bot });
        return { status: 200, body: { id, ...bot } };
      }
      case 'DELETE bots/:id':
        return (await store.deleteBot(id!))
          ? { status: 204, body: null }
          : error(404, 'bot_not_found', `There is no bot ${id}.`);
      case 'GET calls/:id': {
        const call = await store.getCall(id!);
        if (!call) return error(404, 'call_not_found', `There is no call ${id}.`);
        const { session, lastTwiml: _, ...record } = call;
        return {
          status: 200,
          body: { ...record, outcome: session.outcome, events: await store.callEvents(id!) },
        };
      }
      default:
        return error(404, 'not_found', `No such API route: ${method} /api/${segments.join('/')}.`);
    }
  };
}

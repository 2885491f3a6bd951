import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_HEADER, clientIdSchema, createFlow } from '@callbot/shared';
import { createWorkspaceApi, RemoteError } from './api.ts';

const ORIGIN = 'http://callbot.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let csrfToken = 'csrf-1';
const session = () =>
  http.get(`${ORIGIN}/api/session`, () =>
    HttpResponse.json({
      user: { id: 'u1', email: 'ana@example.com', name: 'Ana' },
      setupNeeded: false,
      csrfToken,
      workspaces: [{ id: 'ws1', name: 'Loja', role: 'editor' }],
    }),
  );

const record = {
  id: 'f1',
  name: 'Vendas',
  revision: 3,
  callbot: false,
  isExample: false,
  updatedAt: '2026-12-07T15:00:00.000Z',
  updatedBy: { id: 'u1', name: 'Ana' },
  nodeCount: createFlow('Vendas').nodes.length,
  doc: createFlow('Vendas'),
};

const api = () => createWorkspaceApi({ workspaceId: 'ws1', baseUrl: ORIGIN });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof RemoteError)) throw error;
      return error;
    },
  );

describe('the workspace API client', () => {
  it("saves with the base revision and the session's CSRF token, and reads the answer into a fresh object", async () => {
    const seen: { csrf: string | null; client: string | null; body: unknown }[] = [];
    server.use(
      session(),
      http.put(`${ORIGIN}/api/workspaces/ws1/flows/f1`, async ({ request }) => {
        seen.push({
          csrf: request.headers.get('x-csrf-token'),
          client: request.headers.get(CLIENT_HEADER),
          body: await request.json(),
        });
        return HttpResponse.json({ ...record, extra: 'dropped' });
      }),
    );
    const client = api();
    const saved = await client.saveFlow('f1', record.doc, 3);
    // The page is named, so the event of this save can be told from others' (a new id per page).
    expect(clientIdSchema.safeParse(client.clientId).success).toBe(true);
    expect(api().clientId).not.toBe(client.clientId);
    expect(seen).toEqual([
      { csrf: 'csrf-1', client: client.clientId, body: { baseRevision: 3, doc: record.doc } },
    ]);
    expect(saved.revision).toBe(3);
    expect(saved).not.toHaveProperty('extra');
  });

  it('R2: reads the lines whose calls a save turned off from its answer', async () => {
    const off = {
      lineId: 'w1',
      number: '+551130030004',
      missing: ['openingHours'],
      message: 'WhatsApp calls on +551130030004 were turned off.',
    };
    server.use(
      session(),
      http.put(`${ORIGIN}/api/workspaces/ws1/flows/f1`, () =>
        HttpResponse.json({ ...record, callsTurnedOff: [off] }),
      ),
    );
    expect((await api().saveFlow('f1', record.doc, 3)).callsTurnedOff).toEqual([off]);
  });

  it('reads the CSRF token again once when the session was renewed', async () => {
    const tokens: (string | null)[] = [];
    server.use(
      session(),
      http.delete(`${ORIGIN}/api/workspaces/ws1/flows/f1`, ({ request }) => {
        const token = request.headers.get('x-csrf-token');
        tokens.push(token);
        return token === 'csrf-2'
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json({ error: 'csrf', message: 'stale' }, { status: 403 });
      }),
    );
    server.use(
      http.post(`${ORIGIN}/api/workspaces/ws1/flows/f1/presence`, () =>
        HttpResponse.json({ flowId: 'f1', editors: [] }),
      ),
    );
    const client = api();
    csrfToken = 'csrf-1';
    await client.beat('f1');
    csrfToken = 'csrf-2';
    await client.deleteFlow('f1');
    expect(tokens).toEqual(['csrf-1', 'csrf-2']);
  });

  it('says who saved a flow and when on a revision conflict', async () => {
    server.use(
      session(),
      http.put(`${ORIGIN}/api/workspaces/ws1/flows/f1`, () =>
        HttpResponse.json(
          {
            error: 'revision_conflict',
            message: 'Bruno saved this flow (revision 4) since revision 3; nothing was written.',
            revision: 4,
            updatedBy: { name: 'Bruno' },
            updatedAt: '2026-12-07T15:01:00.000Z',
          },
          { status: 409 },
        ),
      ),
    );
    const error = await failure(api().saveFlow('f1', record.doc, 3));
    expect(error.kind).toBe('conflict');
    expect(error.conflict).toMatchObject({ revision: 4, updatedBy: { name: 'Bruno' } });
  });

  it('reads which record has the name when the server refuses a team’s name', async () => {
    server.use(
      session(),
      http.put(`${ORIGIN}/api/workspaces/ws1/teams/t2`, () =>
        HttpResponse.json(
          {
            error: 'name_taken',
            message:
              'The team: name: "vendas" is the same name as "Vendas" (t1), which already exists.',
            field: 'name',
            existing: { id: 't1', name: 'Vendas' },
          },
          { status: 409 },
        ),
      ),
    );
    const error = await failure(
      api().putRecord('teams', 't2', { id: 't2', name: 'vendas', agents: 1, isDefault: false }, 0),
    );
    expect(error).toMatchObject({ status: 409, existing: { id: 't1', name: 'Vendas' } });
    expect(error.conflict).toBeUndefined();
  });

  it('reads which customer has the number when the server refuses a customer’s number', async () => {
    const refuse = (existing: { id: string; number: string; name?: string }) =>
      HttpResponse.json(
        {
          error: 'number_taken',
          message: 'The customer: number: +5511912340005 is already the number of "Alma" (c1).',
          field: 'number',
          existing,
        },
        { status: 409 },
      );
    server.use(
      session(),
      http.put(`${ORIGIN}/api/workspaces/ws1/customers/c2`, () =>
        refuse({ id: 'c1', number: '+5511912340005', name: 'Alma' }),
      ),
      http.put(`${ORIGIN}/api/workspaces/ws1/customers/c3`, () =>
        refuse({ id: 'c1', number: '+5511912340005' }),
      ),
    );
    const customer = (id: string) => ({ id, number: '+5511912340005', createdAt: 1 });
    const named = await failure(api().putRecord('customers', 'c2', customer('c2'), 0));
    expect(named).toMatchObject({
      status: 409,
      existing: { id: 'c1', name: 'Alma' },
      takenField: 'number',
    });
    // A customer without a name is named by its number.
    const unnamed = await failure(api().putRecord('customers', 'c3', customer('c3'), 0));
    expect(unnamed.existing).toEqual({ id: 'c1', name: '+5511912340005' });
  });

  it('tells a stopped server (no answer, or a gateway 502) from a refusal', async () => {
    server.use(
      http.get(`${ORIGIN}/api/workspaces/ws1/flows`, () => HttpResponse.error()),
      http.get(
        `${ORIGIN}/api/workspaces/ws1/flows/f1`,
        () => new HttpResponse(null, { status: 502 }),
      ),
      http.get(`${ORIGIN}/api/workspaces/ws1/flows/f2`, () =>
        HttpResponse.json(
          { error: 'not_found', message: 'This flow is not in this workspace.' },
          { status: 404 },
        ),
      ),
    );
    expect((await failure(api().listFlows())).kind).toBe('unreachable');
    expect((await failure(api().getFlow('f1'))).kind).toBe('unreachable');
    const refused = await failure(api().getFlow('f2'));
    expect(refused).toMatchObject({
      kind: 'notFound',
      message: 'This flow is not in this workspace.',
    });
  });

  it('refuses an answer that does not read, naming the route', async () => {
    server.use(
      http.get(`${ORIGIN}/api/workspaces/ws1/flows/f1`, () => HttpResponse.json({ id: 'f1' })),
    );
    const error = await failure(api().getFlow('f1'));
    expect(error.kind).toBe('server');
    expect(error.message).toContain('GET /flows/f1');
  });

  it('moves a workspace in, and reads a refused file’s problems (record, field, why)', async () => {
    const sent: unknown[] = [];
    let refuse = true;
    server.use(
      session(),
      http.post(`${ORIGIN}/api/workspaces/ws1/import`, async ({ request }) => {
        sent.push(await request.json());
        return refuse
          ? HttpResponse.json(
              {
                error: 'invalid_workspace_file',
                message: 'Nothing was imported: teams[0].agents: expected a number.',
                problems: [{ path: 'teams[0].agents', message: 'expected a number' }],
              },
              { status: 422 },
            )
          : HttpResponse.json({ counts: { flows: 2, teams: 1 } });
      }),
    );
    const refused = await failure(api().importWorkspace({ format: 'callbot-workspace/1' }));
    expect(refused).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'teams[0].agents', message: 'expected a number' }],
    });
    refuse = false;
    expect(await api().importWorkspace({ format: 'callbot-workspace/1' })).toEqual({
      flows: 2,
      teams: 1,
    });
    expect(sent).toHaveLength(2);
  });
});

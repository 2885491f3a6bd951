import type { Page, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type {
  AccountError,
  ApiTokenList,
  CallAnalytics,
  CallDetail,
  CallList,
  CallRow,
  CallSettings,
  InvitationPreview,
  Members,
  Session,
  WorkspaceCollection,
} from '@callbot/shared';

/**
 * A callbot server's answers, fixed, for the visual spec: the browser-only
 * build (`vite preview`) goes into "served" mode when `GET /api/session`
 * answers JSON (`designer/src/account/start.ts`), so the account pages (setup,
 * sign-in, invitation, members, API tokens) render there with no server.
 * Typed with the shared contracts (`@callbot/shared`'s `api/accounts.ts` and
 * `api/workspace.ts`), so a changed contract fails the typecheck here.
 */

export const WORKSPACE_ID = 'ws-loja';
const WORKSPACE_NAME = 'Loja Exemplo';

const owner = { id: 'u-ana', email: 'ana.souza@lojaexemplo.com.br', name: 'Ana Souza' };

export const signedOut: Session = {
  user: null,
  setupNeeded: false,
  csrfToken: null,
  workspaces: [],
};

export const setupNeeded: Session = { ...signedOut, setupNeeded: true };

export const signedIn: Session = {
  user: owner,
  setupNeeded: false,
  csrfToken: 'csrf-visual',
  workspaces: [{ id: WORKSPACE_ID, name: WORKSPACE_NAME, role: 'owner' }],
};

export const INVITATION_TOKEN = 'invite-visual';

const invitation: InvitationPreview = {
  workspaceName: WORKSPACE_NAME,
  role: 'editor',
  expiresAt: '2026-12-14T12:00:00Z',
};

const members: Members = {
  members: [
    { userId: owner.id, email: owner.email, name: owner.name, role: 'owner' },
    {
      userId: 'u-bruno',
      email: 'bruno.lima@lojaexemplo.com.br',
      name: 'Bruno Lima',
      role: 'editor',
    },
    {
      userId: 'u-carla',
      email: 'carla.mendes@lojaexemplo.com.br',
      name: 'Carla Mendes',
      role: 'trainer',
    },
    { userId: 'u-diego', email: 'diego@lojaexemplo.com.br', name: 'Diego Rocha', role: 'viewer' },
  ],
  invitations: [
    {
      id: 'inv-1',
      role: 'trainer',
      createdAt: '2026-12-05T14:30:00Z',
      expiresAt: '2026-12-12T14:30:00Z',
      createdBy: owner.name,
    },
  ],
};

const tokens: ApiTokenList = {
  tokens: [
    {
      id: 'tok-ci',
      name: 'CI',
      createdAt: '2026-11-20T09:00:00Z',
      lastUsedAt: '2026-12-07T11:42:00Z',
    },
    {
      id: 'tok-deploy',
      name: 'Deploy script',
      createdAt: '2026-12-01T16:15:00Z',
      lastUsedAt: null,
    },
  ],
};

const call = (
  sid: string,
  startedAt: string,
  seconds: number | null,
  status: CallRow['status'],
  more: Partial<CallRow> = {},
): CallRow => ({
  sid,
  startedAt,
  endedAt: seconds === null ? null : new Date(Date.parse(startedAt) + seconds * 1000).toISOString(),
  durationMs: seconds === null ? null : seconds * 1000,
  status,
  callbot: 'reception',
  version: 3,
  line: '+551130000000',
  caller: '+5511988887777',
  channel: 'line',
  direction: 'inbound',
  endedNode: { id: 'menu', label: 'Menu principal' },
  cost:
    seconds === null
      ? null
      : { amount: 4 * Math.ceil(seconds / 60), currency: 'BRL', example: true },
  ...more,
});

/**
 * A morning's calls (the workspace has no flows, so a call names its callbot by id):
 * every status the list colours, each channel, an unknown callbot (the default, R9). */
const calls: CallList = {
  calls: [
    call('CA-live', '2026-12-07T11:58:10Z', null, 'in_progress', { endedNode: null }),
    call('CA-sales', '2026-12-07T11:41:00Z', 94, 'transferred', {
      endedNode: { id: 'to-sales', label: 'Transferir para Vendas' },
    }),
    call('CA-wa', '2026-12-07T11:20:35Z', 48, 'handed_off', {
      channel: 'whatsapp',
      caller: '+5521977776666',
      endedNode: { id: 'agent', label: 'Atendente virtual' },
    }),
    call('CA-hangup', '2026-12-07T10:52:12Z', 17, 'caller_hung_up', { caller: '+5531966665555' }),
    call('CA-bye', '2026-12-07T10:31:49Z', 62, 'hung_up', {
      direction: 'outbound',
      caller: '+5511955554444',
      endedNode: { id: 'bye', label: 'Despedida' },
    }),
    call('CA-sip', '2026-12-07T09:05:03Z', 8, 'error', {
      channel: 'sip',
      caller: 'sip:recepcao@pbx.lojaexemplo.com.br',
      endedNode: { id: 'hours', label: 'Horário de atendimento' },
    }),
    call('CA-default', '2026-12-07T08:02:44Z', 31, 'transferred', {
      callbot: null,
      version: null,
      endedNode: null,
    }),
  ],
  nextCursor: null,
};

/**
 * One call: a caller who pressed 1 for sales and was put through. The trace
 * is as the runtime writes it (`TraceLine`); `flow` is null (the version's
 * document is not served here), so the page shows the call without its drawing.
 */
const salesCall: CallDetail = {
  call: calls.calls[1]!,
  flow: null,
  wordsPerMinute: 150,
  transcript: true,
  events: [
    { t: 0, kind: 'node', id: 'hours', type: 'schedule', label: 'Horário de atendimento' },
    { t: 5, kind: 'node', id: 'menu', type: 'menu', label: 'Menu principal', via: 'hours:open' },
    {
      t: 6,
      kind: 'say',
      promptId: 'menu-1',
      text: 'Olá! Você ligou para a Loja Exemplo. Para vendas, tecle 1. Para suporte, tecle 2.',
      interruptible: true,
    },
    { t: 6, kind: 'listen', on: true },
    { t: 5200, kind: 'input', event: { type: 'dtmf', digit: '1' }, accepted: true },
    { t: 5200, kind: 'listen', on: false },
    {
      t: 5201,
      kind: 'node',
      id: 'to-sales',
      type: 'transfer',
      label: 'Transferir para Vendas',
      via: 'menu:1',
    },
    { t: 5202, kind: 'transfer', team: 'vendas', outcome: 'queued' },
    { t: 21000, kind: 'transfer', team: 'vendas', outcome: 'answered' },
    { t: 94000, kind: 'end', outcome: 'transferred', durationMs: 94000 },
  ].map((line, seq) => ({
    seq,
    at: new Date(Date.parse('2026-12-07T11:41:00Z') + line.t).toISOString(),
    line,
  })),
  timeline: {
    end: 94000,
    speaking: [{ from: 6, to: 5200 }],
    listening: [{ from: 6, to: 5200 }],
    inputs: [{ t: 5200, label: '1', accepted: true, reason: null }],
    nodes: [
      { t: 0, id: 'hours', label: 'Horário de atendimento' },
      { t: 5, id: 'menu', label: 'Menu principal' },
      { t: 5201, id: 'to-sales', label: 'Transferir para Vendas' },
    ],
  },
};

/** The version the analytics are asked for: the reception example, as published. */
export const ANALYTICS_ADDRESS =
  '/#/calls/analytics?callbot=reception&version=3&from=2026-11-08&to=2026-12-07';

/**
 * A month of the reception callbot's version 3 (412 calls): most callers go
 * through the menu to sales or support; some call out of hours; a few hang
 * up at the menu or never press a key. Each node's outputs add up to the
 * calls that left it, as the server's counters do.
 */
const nodeFigures = (
  node: string,
  calls: number,
  outputs: Record<string, number>,
  more: Partial<CallAnalytics['nodes'][number]> = {},
): CallAnalytics['nodes'][number] => ({
  node,
  calls,
  visits: calls,
  outputs,
  noInput: 0,
  noMatch: 0,
  ended: {},
  droppedOff: 0,
  ...more,
});

/** The reception example, as its version 3 was published. */
const reception: unknown = JSON.parse(
  readFileSync(new URL('../../runtime/examples/reception.flow.json', import.meta.url), 'utf8'),
);

/** `calls` split as most periods are: seven in ten put through to a team, the rest to a bot. */
const outcomesOf = (calls: number): Record<string, number> => {
  const transferred = Math.round(calls * 0.7);
  return calls === 0 ? {} : { transferred, handed_off: calls - transferred };
};

const hourly = [0, 0, 0, 0, 0, 0, 0, 2, 9, 31, 44, 47, 38, 29, 41, 45, 40, 33, 21, 14, 8, 5, 3, 2];
const analytics: CallAnalytics = {
  callbot: 'reception',
  version: 3,
  from: '2026-11-08',
  to: '2026-12-07',
  timeZone: 'America/Sao_Paulo',
  totals: { calls: 412, durationMs: 412 * 71_000, cost: { BRL: 2_480 } },
  outcomes: { transferred: 292, handed_off: 87, caller_hung_up: 27, hung_up: 6 },
  nodes: [
    nodeFigures('greeting', 412, { next: 412 }, { droppedOff: 3, ended: { caller_hung_up: 3 } }),
    nodeFigures('horario', 409, { open: 347, closed: 50, holiday: 12 }),
    nodeFigures('fechado', 62, { next: 62 }),
    nodeFigures('bot-fora', 62, {}, { ended: { handed_off: 62 } }),
    nodeFigures(
      'menu',
      347,
      { 'option:vendas': 188, 'option:suporte': 121, noInput: 14, noMatch: 6 },
      {
        visits: 421,
        noInput: 38,
        noMatch: 21,
        droppedOff: 18,
        ended: { caller_hung_up: 18 },
      },
    ),
    nodeFigures(
      't-vendas',
      188,
      { noAgents: 11, failed: 2 },
      { ended: { transferred: 171 }, droppedOff: 4 },
    ),
    nodeFigures('t-suporte', 121, { noAgents: 8, failed: 4 }, { ended: { transferred: 109 } }),
    nodeFigures('t-recepcao', 14, { noAgents: 2 }, { ended: { transferred: 12 } }),
    nodeFigures('bot-vendas', 13, {}, { ended: { handed_off: 13 } }),
    nodeFigures('bot-suporte', 12, {}, { ended: { handed_off: 12 } }),
    nodeFigures('tchau', 8, {}, { ended: { hung_up: 6 }, droppedOff: 2 }),
  ],
  byHour: hourly.map((calls, hour) => ({ hour, outcomes: outcomesOf(calls) })),
  byDay: Array.from({ length: 30 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 10, 8 + i));
    const sunday = day.getUTCDay() === 0;
    const calls = sunday ? 3 : 12 + ((i * 7) % 9);
    return { day: day.toISOString().slice(0, 10), outcomes: outcomesOf(calls) };
  }),
};

/** The workspace's records: none (an empty workspace on the server). */
const emptyRecords = (collection: WorkspaceCollection) => ({
  [collection]: [],
  revisions: {},
});

/** The workspace keeps its calls for 90 days, with digits and e-mail addresses masked. */
const callSettings: CallSettings = {
  retentionDays: 90,
  speech: 'redact',
  viewersSeeTranscripts: false,
};

const notFound: AccountError = { error: 'not_found', message: 'Not found.' };

const json = (route: Route, body: unknown, status = 200) =>
  route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

/**
 * Answers the page's `/api/…` requests as a callbot server would, with
 * `session()` as the session (read at each request: one route for the whole
 * test, so the event stream's reconnections never reach `vite preview`). A
 * request nothing here answers gets the server's 404 and is listed in the
 * returned array, so a spec can tell a screen that asked for something unexpected.
 */
export async function serveAccountApi(page: Page, session: () => Session): Promise<string[]> {
  const unanswered: string[] = [];
  const ws = `/api/workspaces/${WORKSPACE_ID}`;
  await page.route('**/api/**', async (route) => {
    const request = route.request();
    const { pathname } = new URL(request.url());
    const method = request.method();
    if (method === 'GET') {
      if (pathname === '/api/session') return json(route, session());
      if (pathname === `/api/invitations/${INVITATION_TOKEN}`) return json(route, invitation);
      if (pathname === `${ws}/members`) return json(route, members);
      if (pathname === `${ws}/tokens`) return json(route, tokens);
      if (pathname === `${ws}/flows`) return json(route, { flows: [] });
      if (pathname === `${ws}/calls`) return json(route, calls);
      if (pathname === `${ws}/calls/${salesCall.call.sid}`) return json(route, salesCall);
      if (pathname === `${ws}/calls/analytics`) return json(route, analytics);
      if (pathname === `${ws}/calls/settings`) return json(route, callSettings);
      if (pathname === `${ws}/flows/reception/published/3`)
        return json(route, { version: 3, doc: reception });
      if (pathname === `${ws}/settings`)
        return json(route, {
          settings: {
            timeZone: 'America/Sao_Paulo',
            country: 'BR',
            defaultCallbotLanguage: 'pt-BR',
          },
          revision: 1,
          name: WORKSPACE_NAME,
        });
      // The event stream: open, and quiet.
      if (pathname === `${ws}/events`)
        return route.fulfill({
          status: 200,
          contentType: 'text/event-stream',
          body: ': quiet\n\n',
        });
      const collection = pathname.slice(ws.length + 1);
      if (
        pathname.startsWith(`${ws}/`) &&
        ['teams', 'schedules', 'lines', 'customers', 'permissions', 'attempts', 'bots'].includes(
          collection,
        )
      )
        return json(route, emptyRecords(collection as WorkspaceCollection));
    }
    unanswered.push(`${method} ${pathname}`);
    return json(route, notFound, 404);
  });
  return unanswered;
}

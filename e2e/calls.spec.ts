import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  PUBLISH_WS_SETUP_TOKEN,
  CALLS_WS_URL,
  signWebhook,
} from './support/publishWorkspaceServer.ts';
import { ofAttempt, opensWorkspace, ownerWorkspace } from './support/serverOwner.ts';

// The calls page (issue 16) on a real server: the reception example published in a workspace,
// calls driven through SIGNED voice webhooks along three paths (sales answered; support with
// nobody → its fallback bot; no input → hang-up), then the owner filters the list, opens a
// call, sees its path and timeline, replays it, saves it as a test case, and finds the
// analytics counting the calls made.

test.use({ baseURL: CALLS_WS_URL, viewport: { width: 1280, height: 800 } });

// The owner of the spec's server.
const OWNER = {
  name: 'Olga Dona',
  email: 'olga@example.com',
  password: 'a long enough password 1',
};
const FLOW = 'atendimento';
const reception = JSON.parse(
  readFileSync(new URL('../runtime/examples/reception.flow.json', import.meta.url), 'utf8'),
) as {
  settings: { name: string };
  nodes: { id: string; kind: string; data: Record<string, unknown> }[];
};
// Open every day, all day: the paths must not depend on when the suite runs.
const flow = {
  ...reception,
  settings: { ...reception.settings, name: 'Atendimento (chamadas)' },
  nodes: reception.nodes.map((n) =>
    n.kind === 'schedule'
      ? {
          ...n,
          data: {
            ...n.data,
            weekly: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
              day,
              start: '00:00',
              end: '23:59',
            })),
            holidays: [],
          },
        }
      : n,
  ),
};

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}

async function send(
  request: APIRequestContext,
  method: 'PUT' | 'POST',
  path: string,
  data: unknown,
) {
  const answer = await request.fetch(path, {
    method,
    data,
    headers: { 'x-csrf-token': await csrfOf(request) },
  });
  expect(answer.ok(), `${method} ${path}: ${await answer.text()}`).toBe(true);
  return (await answer.json()) as unknown;
}

/** A voice webhook as the provider posts it, signed with the account's auth token; its TwiML. */
async function webhook(request: APIRequestContext, path: string, fields: Record<string, string>) {
  const url = `${CALLS_WS_URL}${path}`;
  const answer = await request.post(url, {
    form: fields,
    headers: { 'x-twilio-signature': signWebhook(url, fields) },
  });
  expect(answer.ok(), `${path}: ${await answer.text()}`).toBe(true);
  return answer.text();
}

/** Where the provider posts what a verb led to: a Gather's input, a Dial's or an Enqueue's outcome. */
const actionOf = (twiml: string, verb: 'Gather' | 'Dial|Enqueue') => {
  const found = new RegExp(`<(?:${verb})[^>]*action="([^"]+)"`).exec(twiml)?.[1];
  return found?.replaceAll('&amp;', '&');
};

/**
 * One call to the number `to`: its keys at the menu (none: the caller says nothing), a transfer's
 * answer, the end.
 */
async function call(
  request: APIRequestContext,
  to: string,
  sid: string,
  keys: string[],
  bridged: boolean,
) {
  let twiml = await webhook(request, '/voice/incoming', {
    CallSid: sid,
    From: '+5511987651111',
    To: to,
    Direction: 'inbound',
  });
  expect(twiml).toContain('Loja Exemplo');
  for (let turn = 0; turn < 6; turn++) {
    const gather = actionOf(twiml, 'Gather');
    if (!gather) break;
    const key = keys[turn];
    twiml = await webhook(request, gather, key ? { CallSid: sid, Digits: key } : { CallSid: sid });
  }
  const dial = actionOf(twiml, 'Dial|Enqueue');
  if (dial && bridged) await webhook(request, dial, { CallSid: sid, QueueResult: 'bridged' });
  await webhook(request, '/voice/status', { CallSid: sid, CallStatus: 'completed' });
}

test('the calls of a published callbot: the list, one call, replay, a test case and the analytics', async ({
  page,
  playwright,
}) => {
  test.setTimeout(180_000);
  const owner = await playwright.request.newContext({ baseURL: CALLS_WS_URL });
  const { ws, attempt } = await ownerWorkspace(owner, {
    setupToken: PUBLISH_WS_SETUP_TOKEN,
    ...OWNER,
    workspaceName: 'Chamadas',
  });
  // The line's number and the calls' sids are the attempt's own: a number reaches the workspace
  // that had it first, and a call's sid is one call on the whole server.
  const lineNumber = `+5511300020${String(attempt).padStart(2, '0')}`;
  const sales = ofAttempt('CA-calls-sales');
  const support = ofAttempt('CA-calls-support');
  const silent = ofAttempt('CA-calls-silent');
  const api = `/api/workspaces/${ws}`;
  for (const [id, agents, isDefault] of [
    ['recepcao', 0, true],
    ['vendas', 2, false],
    ['suporte', 0, false],
  ] as const) {
    await send(owner, 'PUT', `${api}/teams/${id}`, { id, name: id, agents, isDefault });
  }
  await send(owner, 'PUT', `${api}/flows/${FLOW}`, { baseRevision: 0, doc: flow, callbot: true });
  await send(owner, 'POST', `${api}/flows/${FLOW}/publish`, { doc: flow, note: 'calls e2e' });
  const at = Date.now();
  await send(owner, 'PUT', `${api}/lines/fixa-calls`, {
    id: 'fixa-calls',
    kind: 'purchased',
    country: 'BR',
    number: lineNumber,
    status: 'active',
    requestedAt: at,
    orderId: 'ORD-2',
    createdAt: at,
  });
  await send(owner, 'PUT', `${api}/lines/fixa-calls/callbot`, { callbotId: FLOW });

  // Three calls along three paths, through the provider's signed webhooks.
  await call(page.request, lineNumber, sales, ['1'], true);
  await call(page.request, lineNumber, support, ['2'], false);
  await call(page.request, lineNumber, silent, [], false);

  // The owner opens the calls page in the browser, in this workspace.
  const login = await page.request.post('/api/login', {
    data: { email: OWNER.email, password: OWNER.password },
  });
  expect(login.ok()).toBe(true);
  await opensWorkspace(page, ws);
  await page.goto('/');
  await page.getByRole('link', { name: 'Calls', exact: true }).click();
  const table = page.getByRole('table', { name: 'Calls' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('cell', { name: 'Transferred' })).toHaveCount(1);
  await expect(table.getByRole('cell', { name: 'Handed off' })).toHaveCount(1);
  await expect(table.getByRole('cell', { name: 'Ended by the bot' })).toHaveCount(1);
  // Each path ended where it should: sales at its team (answered), support with nobody at its
  // fallback bot, silence (no input, the reception has nobody either) at the goodbye's hang-up.
  const rowOf = (sid: string) =>
    table.getByRole('row').filter({ has: page.getByRole('link', { name: `Open call ${sid}` }) });
  for (const [sid, outcome, endedAt] of [
    [sales, 'Transferred', 'Equipe de vendas'],
    [support, 'Handed off', 'Bot de suporte'],
    [silent, 'Ended by the bot', 'Despedida'],
  ] as const) {
    await expect(rowOf(sid).getByRole('cell', { name: outcome, exact: true })).toBeVisible();
    await expect(rowOf(sid).getByRole('cell', { name: endedAt, exact: true })).toBeVisible();
  }

  // Filter: the support call, handed to its fallback bot; the filter is in the URL.
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('handed_off');
  await expect(page).toHaveURL(/#\/calls\?outcome=handed_off$/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('calls-list.png') });

  // One call: its path on the version that ran, its timeline and transcript.
  await page.getByRole('link', { name: `Open call ${support}` }).click();
  await expect(page.getByRole('heading', { name: 'Call from +55 11 98765 1111' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Call timeline/ })).toBeVisible();
  // The version that ran, by the flow's name (not the callbot's id).
  await expect(page.getByText(`${flow.settings.name}, version 1`, { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Transcript' })).toContainText('2');
  await expect(page.locator('.react-flow__node.is-visited').first()).toBeVisible();
  await expect(page.locator('.react-flow__node.is-active')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('call.png'), fullPage: true });

  // Replay on the current flow (unchanged), then keep it as a test case.
  await page.getByRole('button', { name: 'Replay in the simulator' }).click();
  await expect(
    page.getByText('The current flow answers this call exactly as it did.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Save as test case' }).click();
  await expect(page.getByText(/Saved as the test case “Real call/)).toBeVisible();
  // Kept with the flow, on the server: the call's inputs and what the flow answered.
  const kept = (await (await owner.get(`${api}/flows/${FLOW}/tests`)).json()) as {
    tests: { name: string; transcript: { kind: string; id?: string }[] }[];
  };
  expect(kept.tests.map((c) => c.name)).toEqual([expect.stringMatching(/^Real call/)]);
  expect(kept.tests[0]!.transcript.filter((l) => l.kind === 'node').map((l) => l.id)).toEqual([
    'greeting',
    'horario',
    'menu',
    't-suporte',
    'bot-suporte',
  ]);

  // The analytics count the three calls: at the greeting, and at the menu.
  await page.getByRole('link', { name: 'Analytics' }).click();
  await page.getByRole('combobox', { name: 'Callbot' }).selectOption(FLOW);
  const side = page.getByRole('region', { name: flow.settings.name });
  await expect(side.getByRole('heading', { name: /· 3 calls$/ })).toBeVisible();
  // Every call went from the greeting to the schedule: that edge says so, and is the thickest.
  await expect(page.getByTestId('rf__edge-greeting:next').getByText('3 calls')).toBeVisible();
  await expect(page.locator('[data-node="greeting"] .node-figures__badge').first()).toHaveText('3');
  const menuRow = side.getByRole('table', { name: 'Menus' }).getByRole('row').nth(1);
  await expect(menuRow.getByRole('cell').first()).toHaveText('3');
  // One call down each of the menu's ways out: sales, support, and no input (to the reception).
  for (const port of ['option:vendas', 'option:suporte', 'noInput']) {
    await expect(page.getByTestId(`rf__edge-menu:${port}`).getByText('1 call')).toBeVisible();
  }
  // The outcomes are the three calls made, one each.
  const byDay = side.getByRole('img', { name: /^Outcomes by day: / });
  for (const outcome of ['3 calls;', 'Transferred 1', 'Handed off 1', 'Ended by the bot 1']) {
    await expect(byDay).toHaveAccessibleName(new RegExp(outcome));
  }
  await page.screenshot({ path: test.info().outputPath('analytics.png'), fullPage: true });

  // The owner keeps this workspace's calls 90 days and lets viewers read transcripts (on the server).
  await page.getByRole('link', { name: 'Records' }).click();
  const days = page.getByRole('spinbutton', { name: 'Keep calls for (days)' });
  await expect(days).toHaveValue('365');
  await days.fill('90');
  await page.getByRole('switch', { name: 'Viewers may read transcripts' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  expect(await (await owner.get(`${api}/calls/settings`)).json()).toEqual({
    retentionDays: 90,
    speech: 'store',
    viewersSeeTranscripts: true,
  });
});

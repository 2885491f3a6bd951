import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import {
  PUBLISH_WS_SETUP_TOKEN,
  PUBLISH_WS_URL,
  signWebhook,
} from './support/publishWorkspaceServer.ts';
import { ofAttempt, ownerWorkspace, personOf } from './support/serverOwner.ts';

// One-click publishing under a workspace, then the server answers calls from it: an editor opens
// the reception example, publishes it in one click (no URL, no token), it is assigned to a line,
// and signed voice webhooks to that number (a phone call, then a WhatsApp call) are answered by it.

test.use({ baseURL: PUBLISH_WS_URL });

const OWNER = {
  name: 'Olga Dona',
  email: 'olga@example.com',
  password: 'a long enough password 1',
};
const EDITOR = {
  name: 'Ana Souza',
  email: 'ana@example.com',
  password: 'a long enough password 2',
};
/** The id of the reception example every new workspace starts with. */
const EXAMPLE = 'reception-example';
const reception = JSON.parse(
  readFileSync(new URL('../runtime/examples/reception.flow.json', import.meta.url), 'utf8'),
) as { settings: { name: string } };

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}

async function put(request: APIRequestContext, path: string, data: unknown) {
  const answer = await request.put(path, {
    data,
    headers: { 'x-csrf-token': await csrfOf(request) },
  });
  expect(answer.ok(), `${path}: ${await answer.text()}`).toBe(true);
}

/** A voice webhook as the provider posts it, signed with the account's auth token. */
async function webhook(request: APIRequestContext, fields: Record<string, string>) {
  const url = `${PUBLISH_WS_URL}/voice/incoming`;
  const answer = await request.post(url, {
    form: fields,
    headers: { 'x-twilio-signature': signWebhook(url, fields) },
  });
  expect(answer.status()).toBe(200);
  return answer.text();
}

test('an editor publishes in one click; the line’s calls, voice and WhatsApp, are answered by that flow', async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  // The owner sets the server up and invites Ana as an editor.
  const owner = await playwright.request.newContext({ baseURL: PUBLISH_WS_URL });
  const { ws, attempt } = await ownerWorkspace(owner, {
    setupToken: PUBLISH_WS_SETUP_TOKEN,
    ...OWNER,
    workspaceName: 'Loja',
  });
  // The line's number and the calls' sids are the attempt's own: a number reaches the workspace
  // that had it first, and a call's sid is one call on the whole server.
  const lineNumber = `+5511300010${String(attempt).padStart(2, '0')}`;
  const invitation = await owner.post(`/api/workspaces/${ws}/invitations`, {
    data: { role: 'editor' },
    headers: { 'x-csrf-token': await csrfOf(owner) },
  });
  const { link } = (await invitation.json()) as { link: string };
  const joined = await page.request.post(
    `/api/invitations/${new URL(link).searchParams.get('token')}/accept`,
    { data: personOf(EDITOR) },
  );
  expect(joined.status()).toBe(200);

  // A new workspace has the reception example with the teams and bots it names; the owner
  // marks the example as a callbot.
  const api = `/api/workspaces/${ws}`;
  const names = async (collection: string) =>
    ((await (await owner.get(`${api}/${collection}`)).json()) as Record<string, { id: string }[]>)[
      collection
    ]!.map((r) => r.id);
  expect(await names('teams')).toEqual(expect.arrayContaining(['recepcao', 'vendas', 'suporte']));
  expect(await names('bots')).toEqual(
    expect.arrayContaining(['bot-fora-do-horario', 'bot-vendas', 'bot-suporte']),
  );
  const example = (await (await owner.get(`${api}/flows/${EXAMPLE}`)).json()) as {
    revision: number;
    doc: unknown;
  };
  await put(owner, `${api}/flows/${EXAMPLE}`, {
    baseRevision: example.revision,
    doc: example.doc,
    callbot: true,
  });

  // Ana opens it and publishes: one click in the dialog, nothing to set up.
  const ana = new DesignerPage(page);
  await ana.open();
  // One flow by that name, the seeded example (the one marked a callbot): nothing to pick from.
  await expect(
    ana.flowList.getByRole('link', { name: reception.settings.name, exact: true }),
  ).toHaveCount(1);
  await ana.openFlow(reception.settings.name);
  await expect(page).toHaveURL(new RegExp(`#/flow/${EXAMPLE}$`));
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await expect(dialog.getByText('Not published yet.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: /token/i })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(dialog.getByText(/Version 1 is live/)).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Ana Souza' })).toContainText('Live');

  // The callbot is assigned to a bought line and to the same number's WhatsApp line.
  const at = Date.now();
  await put(owner, `/api/workspaces/${ws}/lines/fixa`, {
    id: 'fixa',
    kind: 'purchased',
    country: 'BR',
    number: lineNumber,
    status: 'active',
    requestedAt: at,
    orderId: 'ORD-1',
    createdAt: at,
  });
  await put(owner, `/api/workspaces/${ws}/lines/fixa/callbot`, { callbotId: EXAMPLE });
  const zap = {
    id: 'zap',
    kind: 'whatsapp',
    number: lineNumber,
    displayName: 'Loja',
    business: true,
    calling: true,
    callsEnabled: false,
    createdAt: at,
  };
  await put(owner, `/api/workspaces/${ws}/lines/zap`, zap);
  await put(owner, `/api/workspaces/${ws}/lines/zap/callbot`, { callbotId: EXAMPLE });
  // Its reception callbot ready (R2), WhatsApp calls are enabled.
  await put(owner, `/api/workspaces/${ws}/lines/zap`, {
    ...zap,
    callbotId: EXAMPLE,
    callsEnabled: true,
  });

  // A call to the number is answered by the published flow.
  const voice = await webhook(page.request, {
    CallSid: ofAttempt('CA-e2e-1'),
    From: '+5511987650000',
    To: lineNumber,
    Direction: 'inbound',
  });
  expect(voice).toContain('Você ligou para a Loja Exemplo');
  // So is a WhatsApp call to it.
  const whatsapp = await webhook(page.request, {
    CallSid: ofAttempt('CA-e2e-2'),
    From: 'whatsapp:+5511987650000',
    To: `whatsapp:${lineNumber}`,
    Direction: 'inbound',
  });
  expect(whatsapp).toContain('Você ligou para a Loja Exemplo');

  // A second publish is live at once; making version 1 live again is one click too.
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(dialog.getByText(/Version 2 is live/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Make version 1 live' }).click();
  await expect(dialog.getByText('Version 1 is live again.')).toBeVisible();
  await owner.dispose();
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ownerWorkspace, personOf } from './support/serverOwner.ts';
import { WS_PAGES_SETUP_TOKEN, WS_PAGES_URL } from './support/workspacePagesServer.ts';

// Two editors of one workspace on a real callbot server serving this run's
// designer build: what one changes on the workspace pages (a renamed team, a
// new line) appears on the other's page without a reload; a schedule edited
// while the network is down is kept, said to wait, and sent once it is back.

test.use({ baseURL: WS_PAGES_URL });

const ANA = { name: 'Ana Souza', email: 'ana@example.com', password: 'a long enough password 1' };
const BRUNO = {
  name: 'Bruno Lima',
  email: 'bruno@example.com',
  password: 'a long enough password 2',
};

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}

/** A collection as the server has it. */
async function serverRecords(request: APIRequestContext, ws: string, collection: string) {
  const answer = (await (
    await request.get(`/api/workspaces/${ws}/${collection}`)
  ).json()) as Record<string, { name?: string; label?: string }[]>;
  return answer[collection]!.map((r) => r.name ?? r.label);
}

const teamsTable = (page: Page) => page.getByRole('table', { name: 'Teams' });

test('a renamed team and a new line reach the other editor without a reload; an offline schedule edit is sent once back', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const { ws } = await ownerWorkspace(page, {
    setupToken: WS_PAGES_SETUP_TOKEN,
    ...ANA,
    workspaceName: 'Loja',
  });
  const invitation = await page.request.post(`/api/workspaces/${ws}/invitations`, {
    data: { role: 'editor' },
    headers: { 'x-csrf-token': await csrfOf(page.request) },
  });
  const { link } = (await invitation.json()) as { link: string };
  const brunoContext = await browser.newContext({ baseURL: WS_PAGES_URL, locale: 'en-US' });
  const other = await brunoContext.newPage();
  const accepted = await other.request.post(
    `/api/invitations/${new URL(link).searchParams.get('token')}/accept`,
    { data: personOf(BRUNO) },
  );
  expect(accepted.status()).toBe(200);

  // Ana creates a team on the Teams page (next to the teams a new workspace is seeded with): it is on the server, and Bruno's page shows it.
  await page.goto('/#/teams');
  await page.getByLabel('Team name').fill('Financeiro');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(teamsTable(page).getByRole('rowheader', { name: 'Financeiro' })).toBeVisible();
  await expect.poll(() => serverRecords(page.request, ws, 'teams')).toContain('Financeiro');
  await other.goto('/#/teams');
  await expect(teamsTable(other).getByRole('rowheader', { name: 'Financeiro' })).toBeVisible();

  // Ana renames it: Bruno's page follows, without a reload.
  await page.getByRole('button', { name: 'Rename Financeiro' }).click();
  await page.getByLabel('New name of Financeiro').fill('Finanças');
  await page.getByLabel('New name of Financeiro').press('Enter');
  await expect(teamsTable(other).getByRole('rowheader', { name: 'Finanças' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(teamsTable(other).getByRole('rowheader', { name: 'Financeiro' })).toHaveCount(0);

  // Bruno is on the SIP lines page when Ana adds a line (through the API, as her scripts
  // would: the page's form asks the telephony provider first): it appears on his page.
  await other.goto('/#/channels/sip');
  await expect(other.getByRole('heading', { name: 'SIP lines' })).toBeVisible();
  const added = await page.request.put(`/api/workspaces/${ws}/lines/pbx`, {
    headers: { 'x-csrf-token': await csrfOf(page.request) },
    data: {
      id: 'pbx',
      kind: 'sip',
      label: 'PBX Centro',
      host: 'pbx.example.com',
      port: 5060,
      transport: 'udp',
      username: 'bot',
      password: 'secret',
      createdAt: Date.parse('2026-12-07T12:00:00Z'),
    },
  });
  expect(added.status()).toBe(200);
  await expect(other.getByText('PBX Centro').first()).toBeVisible({ timeout: 15_000 });

  // A schedule edited while the network is down: kept, said to wait, sent once back.
  await page.goto('/#/schedules');
  await page.getByLabel('New schedule name').fill('Comercial');
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect.poll(() => serverRecords(page.request, ws, 'schedules')).toEqual(['Comercial']);
  await page.context().setOffline(true);
  await page.getByLabel('Name', { exact: true }).fill('Comercial (verão)');
  await page.getByRole('button', { name: 'Save schedule' }).click();
  const waiting = page.getByRole('status').filter({ hasText: /Offline — 1 change waiting/ });
  await expect(waiting).toBeVisible({ timeout: 15_000 });
  expect(await serverRecords(other.request, ws, 'schedules')).toEqual(['Comercial']);
  await page.context().setOffline(false);
  await expect(waiting).toHaveCount(0, { timeout: 40_000 });
  await expect
    .poll(() => serverRecords(other.request, ws, 'schedules'))
    .toEqual(['Comercial (verão)']);
  await other.goto('/#/schedules');
  await expect(other.getByRole('link', { name: /Comercial \(verão\)/ })).toBeVisible();
  await brunoContext.close();
});

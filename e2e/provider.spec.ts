import { expect, test, type APIRequestContext } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { PROVIDER_SETUP_TOKEN, PROVIDER_URL } from './support/providerServer.ts';
import { ownerWorkspace } from './support/serverOwner.ts';

// The provider lives on the server (issue 15): with the sandbox provider on a
// real callbot server, the customer's answer at the provider decides who may
// be called (R13-R15), and the server counts the day's calls (R14).

test.use({ baseURL: PROVIDER_URL });

const OWNER = { name: 'Paula Prado', email: 'paula@example.com', password: 'provider password 1' };
const LINE = '+5511987650004';
const LINE_SHOWN = '+55 11 98765 0004';
const DAVI = { id: 'c-davi', name: 'Davi', number: '+5511912340006', shown: '+55 11 91234 0006' };
const ALMA = { id: 'c-alma', name: 'Alma', number: '+5511912340005', shown: '+55 11 91234 0005' };

async function csrfOf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
}

test('a customer who declines at the provider is refused; one who accepts always gets 5 calls a day; a save that breaks R2 says it turned calls off', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const { ws } = await ownerWorkspace(page, {
    setupToken: PROVIDER_SETUP_TOKEN,
    ...OWNER,
    workspaceName: 'Clínica',
  });
  const headers = { 'x-csrf-token': await csrfOf(page.request) };
  const api = `/api/workspaces/${ws}`;

  // The workspace's WhatsApp line, verified at the (sandbox) provider; two customers.
  expect(
    (
      await page.request.post(`${api}/provider/v1/whatsapp/verify`, {
        headers,
        data: { number: LINE },
      })
    ).status(),
  ).toBe(200);
  const line = {
    id: 'l-wa',
    kind: 'whatsapp',
    number: LINE,
    displayName: 'Clínica',
    business: true,
    calling: true,
    callsEnabled: false,
    createdAt: Date.now(),
  };
  const putOk = async (path: string, data: unknown) => {
    const answer = await page.request.put(`${api}${path}`, { headers, data });
    expect(answer.ok(), `${path}: ${await answer.text()}`).toBe(true);
    return answer;
  };
  await putOk('/lines/l-wa', line);
  // Calls wait for a ready reception callbot (R2), readied as a user would: the workspace's
  // example (it checks its opening hours and transfers to the seeded teams, which have agents)
  // is marked as a callbot and assigned to the line; then calls are enabled.
  const example = (await (await page.request.get(`${api}/flows/reception-example`)).json()) as {
    revision: number;
    doc: unknown;
  };
  await putOk('/flows/reception-example', {
    baseRevision: example.revision,
    doc: example.doc,
    callbot: true,
  });
  await putOk('/lines/l-wa/callbot', { callbotId: 'reception-example' });
  await putOk('/lines/l-wa', { ...line, callbotId: 'reception-example', callsEnabled: true });
  for (const c of [DAVI, ALMA]) {
    const put = await page.request.put(`${api}/customers/${c.id}`, {
      headers,
      data: { id: c.id, number: c.number, name: c.name, createdAt: Date.now() },
    });
    expect(put.status(), await put.text()).toBe(200);
  }
  /** The customer answers at the sandbox provider, as they would in WhatsApp. */
  const answer = async (number: string, reply: string) => {
    const sent = await page.request.post(`${api}/provider/sandbox/replies`, {
      headers,
      data: { number, reply },
    });
    expect(sent.status(), await sent.text()).toBe(200);
  };

  // The provider's settings: the sandbox, and no key on this server to keep credentials with.
  await page.goto('/#/channels/whatsapp');
  const settings = page.getByRole('region', { name: 'Telephony provider' });
  await expect(settings).toContainText('This workspace uses the sandbox provider');
  await expect(settings).toContainText('cannot keep provider credentials yet');

  await page.goto('/#/customers');
  const davi = page.getByRole('row', { name: `${DAVI.name} (${DAVI.shown})` });
  const alma = page.getByRole('row', { name: `${ALMA.name} (${ALMA.shown})` });
  await expect(davi).toBeVisible();
  // Nobody types a customer's answer in.
  await expect(page.getByRole('button', { name: /Customer accepted/ })).toHaveCount(0);

  // Davi is invited, and declines at the provider: the call is refused (R13).
  await davi
    .getByRole('button', { name: `Send invitation template to ${DAVI.name} (${DAVI.shown})` })
    .click();
  await expect(davi).toContainText('Requested');
  await expect(davi).toContainText('Invitation sent');
  await answer(DAVI.number, 'declined');
  await expect(davi).toContainText('The customer’s answer at the provider (declined)');
  await davi.getByRole('button', { name: `Call ${DAVI.name} (${DAVI.shown})` }).click();
  await expect(davi.getByRole('alert')).toContainText('(R13)');
  await expect(davi).toContainText('0 of 5');

  // Alma accepts "always": 5 calls today, the sixth refused with when to try again (R14, R15).
  await alma
    .getByRole('button', { name: `Send invitation template to ${ALMA.name} (${ALMA.shown})` })
    .click();
  await expect(alma).toContainText('Requested');
  await answer(ALMA.number, 'accepted_always');
  await expect(alma).toContainText('Always');
  await expect(alma).toContainText('The customer’s answer at the provider (accepted always)');
  for (let i = 1; i <= 5; i++) {
    await alma.getByRole('button', { name: `Call ${ALMA.name} (${ALMA.shown})` }).click();
    await expect(alma).toContainText(`${i} of 5`, { timeout: 20_000 });
    await expect(
      alma.getByRole('button', { name: `Call ${ALMA.name} (${ALMA.shown})` }),
    ).toBeEnabled({
      timeout: 20_000,
    });
  }
  await alma.getByRole('button', { name: `Call ${ALMA.name} (${ALMA.shown})` }).click();
  const refusal = alma.getByRole('alert');
  await expect(refusal).toContainText('the most allowed per day is 5 (R14)');
  await expect(refusal).toContainText('It can be tried again from');
  // The server counted them: a sixth attempt through the API is refused the same way.
  const sixth = await page.request.post(`${api}/provider/v1/whatsapp/calls`, {
    headers,
    data: { from: LINE, to: ALMA.number },
  });
  expect(sixth.status()).toBe(409);
  expect(await sixth.json()).toMatchObject({
    error: { code: 'call_refused', reason: 'R14.dailyLimit' },
    retryAt: expect.any(Number),
  });

  // R2: editing the line's callbot so it no longer checks its opening hours turns the line's
  // calls off, and the save's own answer says so in the editor, at once.
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow('Recepção Loja Exemplo');
  await designer.findNode('Horário', 'Schedule: Horário de atendimento');
  await designer.node('Schedule: Horário de atendimento').click();
  await page.keyboard.press('Delete');
  await expect(designer.node('Schedule: Horário de atendimento')).toHaveCount(0);
  const notice = page.getByRole('alert').filter({ hasText: 'WhatsApp calls on' });
  await expect(notice).toContainText(`calls on ${LINE_SHOWN} were turned off`, { timeout: 20_000 });
  await expect(notice).toContainText('a check of a schedule with opening hours');
  const stored = (await (await page.request.get(`${api}/lines/l-wa`)).json()) as {
    record: { callsEnabled: boolean };
  };
  expect(stored.record.callsEnabled).toBe(false);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

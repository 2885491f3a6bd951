import { expect, test } from '@playwright/test';
import { lineAssignmentSchema } from '../shared/src/api/publish.ts';
import { twilioSignature } from '../server/src/signature.ts';
import { DesignerPage } from './pages/DesignerPage.ts';
import { axeFindings } from './support/axe.ts';
import { SERVER_API_TOKEN, SERVER_AUTH_TOKEN, SERVER_URL } from './support/runtimeServer.ts';

const RECEPTION = 'Recepção Loja Exemplo';
const LINE = '+551130000000';

test('publishes the reception example to the real runtime server, which then answers its line', async ({
  page,
  request,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow(RECEPTION);

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to a runtime server' });
  await expect(
    dialog.getByText('The server URL and token are kept in this browser’s local storage only.'),
  ).toBeVisible();
  await dialog.getByLabel('Server URL').fill(SERVER_URL);
  await dialog.getByLabel('API token').fill(SERVER_API_TOKEN);
  await dialog.getByRole('button', { name: 'Save server settings' }).click();
  await expect(dialog.getByLabel('Callbot id')).toHaveValue('recepcao-loja-exemplo');
  await dialog.getByLabel('Version note').fill('from the e2e suite');
  await dialog.getByRole('button', { name: 'Publish version' }).click();
  await expect(dialog.getByText('Published version 1 of recepcao-loja-exemplo.')).toBeVisible();
  await expect(
    dialog
      .getByRole('region', { name: 'Published versions of recepcao-loja-exemplo' })
      .getByRole('listitem'),
  ).toHaveText([/^Version 1, .* · from the e2e suite$/]);

  await dialog.getByLabel('Line number').fill(LINE);
  await dialog.getByRole('button', { name: 'Point the line at this version' }).click();
  await expect(
    dialog.getByText('The line +55 11 3000 0000 answers with recepcao-loja-exemplo, version 1.'),
  ).toBeVisible();
  expect(
    await axeFindings(page, { include: ['[role="dialog"]'] }),
    'axe on the Publish dialog',
  ).toEqual([]);

  // The server's own record of the line, read through the API's shared contract.
  const assignment = await request.get(`${SERVER_URL}/api/lines/${encodeURIComponent(LINE)}`, {
    headers: { authorization: `Bearer ${SERVER_API_TOKEN}` },
  });
  expect(lineAssignmentSchema.parse(await assignment.json())).toMatchObject({
    number: LINE,
    callbot: 'recepcao-loja-exemplo',
    version: 1,
  });

  // A call to the line, as the provider sends it (signed with the account's auth token).
  const fields = { CallSid: 'CAe2e1', From: '+5511999990000', To: LINE, Direction: 'inbound' };
  const reply = await request.post(`${SERVER_URL}/voice/incoming`, {
    form: fields,
    headers: {
      'x-twilio-signature': twilioSignature(
        SERVER_AUTH_TOKEN,
        `${SERVER_URL}/voice/incoming`,
        Object.entries(fields),
      ),
    },
  });
  expect(reply.status()).toBe(200);
  expect(reply.headers()['content-type']).toContain('text/xml');
  expect(await reply.text()).toContain(
    '<Response><Say language="pt-BR">Olá! Você ligou para a Loja Exemplo.</Say>',
  );
  expect(designer.errors).toEqual([]);
});

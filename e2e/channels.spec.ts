import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { expectNoSeriousViolations } from './support/axe.ts';

/**
 * Issue 6's channels, in the app with its in-process sandbox provider. The
 * sandbox's progress follows `Date.now` (an order is requested for 3 s, in
 * process until 10 s; a WhatsApp call rings 4 s), so `page.clock` moves it
 * on instead of waiting: `fastForward` also fires the page's polling timers.
 */
// Numbers as the pages show them: formatted for their country (stored as E.164, e.g. +553132500906).
const FREE = '+55 31 3250 0906'; // Brazil's first number, sold normally
const TAKEN = '+55 31 3199 2900'; // taken by someone else when ordered
const WHATSAPP = '+55 11 3003 0004'; // a WhatsApp Business number with calling
const CUSTOMER = '+55 11 98765 0004'; // answers the sandbox's calls, accepts its invitations
const DECLINES = '+55 11 98765 0008'; // declines the sandbox's invitations (the number ends in 8)

async function openChannels(page: Page, channel: 'phone-lines' | 'whatsapp' | 'sip') {
  await page.clock.install();
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.flowList.getByRole('listitem').first().waitFor();
  await page.goto(`/#/channels/${channel}`);
  return designer;
}

async function buy(page: Page, number: string) {
  await page.getByRole('button', { name: 'Buy a number' }).click();
  await page.getByRole('radio', { name: new RegExp(`^\\${number}`) }).check();
  await page.getByRole('button', { name: `Buy ${number}` }).click();
}

test('a bought number is in process and undeletable, then active (R4, R5, R7)', async ({
  page,
}) => {
  const designer = await openChannels(page, 'phone-lines');
  await expect(page.getByRole('heading', { name: 'Phone lines' })).toBeVisible();

  await buy(page, TAKEN);
  await expect(page.getByRole('alert')).toContainText('Someone else bought this number meanwhile');
  await expect(page.getByRole('list', { name: 'Purchased numbers' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();

  await buy(page, FREE);
  const line = page.getByRole('listitem', { name: FREE });
  await expect(line).toContainText('Request received');
  await expect(line).toContainText('Calls only');
  const remove = line.getByRole('button', { name: `Delete ${FREE}` });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAccessibleDescription(/can be deleted once the number is active/);

  await page.clock.fastForward(4_000);
  await expect(line).toContainText('In process');
  await expect(remove).toBeDisabled();

  await page.clock.fastForward(7_000);
  await expect(line).toContainText('Active');
  await expect(remove).toBeEnabled();
  await expectNoSeriousViolations(page, 'the phone lines page');

  await remove.click();
  const confirm = page.getByRole('dialog', { name: `Delete ${FREE}?` });
  await expect(confirm).toContainText('released at the provider');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(line).toHaveCount(0);
  expect(designer.errors).toEqual([]);
});

test('a line has one callbot: a second is refused, or replaces it on confirmation (R3, R9)', async ({
  page,
}) => {
  const designer = await openChannels(page, 'phone-lines');
  // A second flow, marked as a callbot from the library.
  await page.goto('/');
  await designer.createFlow('Vendas');
  await page.goto('/');
  await page.getByRole('checkbox', { name: 'Vendas is a callbot' }).click();
  await expect(page.getByRole('checkbox', { name: 'Vendas is a callbot' })).toBeChecked();
  await page.goto('/#/channels/phone-lines');

  await buy(page, FREE);
  const line = page.getByRole('listitem', { name: FREE });
  await expect(line).toContainText(
    'Answered by the default callbot, which transfers to the default team, but there is no default team yet.',
  );
  const picker = line.getByRole('combobox', { name: `Callbot for ${FREE}` });
  await picker.selectOption({ label: 'Vendas' });
  await line.getByRole('button', { name: `Assign callbot to ${FREE}` }).click();
  await expect(line).toContainText('Answered by the callbot “Vendas”.');

  // Mark the reception example too, then try to give the line a second callbot.
  await page.goto('/');
  const reception = page.getByRole('checkbox', { name: 'Recepção Loja Exemplo is a callbot' });
  await reception.click();
  await expect(reception).toBeChecked();
  await page.goto('/#/channels/phone-lines');
  await picker.selectOption({ label: 'Recepção Loja Exemplo' });
  await line.getByRole('button', { name: `Assign callbot to ${FREE}` }).click();
  const replace = page.getByRole('dialog', { name: 'Replace the callbot?' });
  await expect(replace).toContainText('is already answered by “Vendas”. A line has one callbot');
  await replace.getByRole('button', { name: 'Keep “Vendas”' }).click();
  await expect(line).toContainText('Answered by the callbot “Vendas”.');

  await picker.selectOption({ label: 'Recepção Loja Exemplo' });
  await line.getByRole('button', { name: `Assign callbot to ${FREE}` }).click();
  await replace.getByRole('button', { name: 'Replace with “Recepção Loja Exemplo”' }).click();
  await expect(line).toContainText('Answered by the callbot “Recepção Loja Exemplo”.');
  expect(designer.errors).toEqual([]);
});

test('WhatsApp calls are refused until the checklist is complete, then enabled (R1, R2, R8)', async ({
  page,
}) => {
  const designer = await openChannels(page, 'whatsapp');
  const card = page.getByRole('region', { name: 'Calls by WhatsApp' });
  const create = card.getByRole('form', { name: 'Create new WhatsApp line' });

  await create.getByRole('textbox', { name: 'WhatsApp Business number' }).fill('+551130030001');
  await create.getByRole('button', { name: 'Verify and create' }).click();
  await expect(create.getByRole('alert')).toContainText('It is a personal WhatsApp number');

  await create.getByRole('textbox', { name: 'WhatsApp Business number' }).fill(WHATSAPP);
  await create.getByRole('button', { name: 'Verify and create' }).click();
  await expect(create.getByRole('status')).toContainText(
    `The WhatsApp line ${WHATSAPP} was created`,
  );

  const line = card.getByRole('listitem', { name: WHATSAPP });
  const enable = line.getByRole('switch', { name: `Enable calls on ${WHATSAPP}` });
  await enable.click();
  await expect(line.getByRole('alert')).toContainText('Calls cannot be enabled yet');
  await expect(enable).toHaveAttribute('aria-checked', 'false');
  const checklist = line.getByRole('list', { name: 'What calls need' });
  const missing = checklist.getByRole('listitem').filter({ hasText: 'Missing:' });
  await expect(checklist.getByRole('listitem')).toHaveCount(3);
  await expect(missing).toHaveCount(3);
  // With no callbot on the line, every item is fixed by assigning one.
  await expect(checklist.getByRole('button', { name: 'Assign a reception callbot' })).toHaveCount(
    3,
  );
  await expectNoSeriousViolations(page, 'the WhatsApp card with its checklist');

  // The reception example as the line's callbot: it receives callers and checks its opening hours.
  await line
    .getByRole('combobox', { name: `Flow to mark as a callbot for ${WHATSAPP}` })
    .selectOption({
      label: 'Recepção Loja Exemplo',
    });
  await line.getByRole('button', { name: 'Mark as callbot' }).click();
  await line.getByRole('button', { name: `Assign callbot to ${WHATSAPP}` }).click();
  await expect(missing).toHaveCount(1);
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Done:' })).toHaveText([
    /^✓ Done: A reception callbot/,
    /^✓ Done: Opening hours/,
  ]);
  // Its transfers name the teams recepcao, vendas and suporte, none of which exists yet.
  await expect(missing).toContainText('Answering teams');
  for (const team of ['recepcao', 'vendas', 'suporte']) await expect(missing).toContainText(team);

  // Teams with agents: all of those the callbot transfers to, not just one.
  await checklist.getByRole('link', { name: 'Go to Teams' }).click();
  const createTeam = async (name: string) => {
    await page.getByRole('textbox', { name: 'Team name' }).fill(name);
    await page.getByRole('spinbutton', { name: 'Agents available', exact: true }).fill('2');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByRole('rowheader', { name })).toBeVisible();
  };
  await createTeam('vendas');
  await createTeam('suporte');
  await page.goto('/#/channels/whatsapp');
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText('Not ready: recepcao');
  await enable.click();
  await expect(line.getByRole('alert')).toContainText('Calls cannot be enabled yet');
  await expect(enable).toHaveAttribute('aria-checked', 'false');

  await checklist.getByRole('link', { name: 'Go to Teams' }).click();
  await createTeam('recepcao');

  await page.goto('/#/channels/whatsapp');
  await expect(line).toContainText('Everything needed to take calls is set.');
  await enable.click();
  await expect(enable).toHaveAttribute('aria-checked', 'true');
  await expect(line).toContainText('Calls are on');
  expect(designer.errors).toEqual([]);
});

test('an outbound WhatsApp call is refused without opt-in and at the sixth attempt of a day (R13, R14)', async ({
  page,
}) => {
  const designer = await openChannels(page, 'whatsapp');
  const create = page.getByRole('form', { name: 'Create new WhatsApp line' });
  await create.getByRole('textbox', { name: 'WhatsApp Business number' }).fill(WHATSAPP);
  await create.getByRole('button', { name: 'Verify and create' }).click();
  await expect(create.getByRole('status')).toContainText('was created');

  await page.goto('/#/customers');
  await page.getByRole('textbox', { name: 'Number' }).fill(CUSTOMER);
  await page.getByRole('button', { name: 'Add customer' }).click();
  const row = page.getByRole('row', { name: CUSTOMER });
  await expect(row).toContainText('None');
  await expect(row).toContainText('0 of 5');
  // The limits count per number: the same number again, however typed, is refused.
  await page.getByRole('textbox', { name: 'Number' }).fill(CUSTOMER.replaceAll(' ', ''));
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('alert')).toContainText('is already in the customer list');
  await expect(page.getByRole('row', { name: CUSTOMER })).toHaveCount(1);

  await row.getByRole('button', { name: `Call ${CUSTOMER}` }).click();
  await expect(row.getByRole('alert')).toContainText(
    'Call refused: the customer has not accepted the call permission (R13)',
  );
  await expect(row).toContainText('0 of 5');
  await expectNoSeriousViolations(page, 'the customers page');

  await row.getByRole('button', { name: `Send invitation template to ${CUSTOMER}` }).click();
  await expect(row).toContainText('Requested');
  // Nobody types the answer in: the customer answers at the provider. The sandbox's
  // customer accepts 5 s of its time later: move the clock on until the answer is in.
  await expect(async () => {
    await page.clock.fastForward(2_000);
    await expect(row).toContainText('Temporary until', { timeout: 500 });
  }).toPass();
  await expect(row.getByRole('status')).toContainText('answered the invitation at the provider');

  for (let call = 1; call <= 5; call++) {
    await row.getByRole('button', { name: `Call ${CUSTOMER}` }).click();
    await expect(row.getByRole('status')).toContainText('Calling');
    // The call rings 4 s of the sandbox's time: move the clock on until it is answered.
    await expect(async () => {
      await page.clock.fastForward(2_000);
      await expect(row.getByRole('status')).toContainText('answered the call', { timeout: 500 });
    }).toPass();
    await expect(row).toContainText(`${call} of 5`);
  }
  await row.getByRole('button', { name: `Call ${CUSTOMER}` }).click();
  const refusal = row.getByRole('alert');
  await expect(refusal).toContainText(
    '5 calls or attempts today, the most allowed per day is 5 (R14)',
  );
  await expect(refusal).toContainText('It can be tried again from');
  await expect(row).toContainText('5 of 5');

  // A customer who declines the invitation stays without permission: calls are refused (R13).
  await page.getByRole('textbox', { name: 'Number' }).fill(DECLINES);
  await page.getByRole('button', { name: 'Add customer' }).click();
  const declines = page.getByRole('row', { name: DECLINES });
  await declines.getByRole('button', { name: `Send invitation template to ${DECLINES}` }).click();
  await expect(declines).toContainText('Requested');
  await expect(async () => {
    await page.clock.fastForward(2_000);
    await expect(declines.getByRole('status')).toContainText('answered the invitation', {
      timeout: 500,
    });
  }).toPass();
  await expect(declines).toContainText('None');
  await declines.getByRole('button', { name: `Call ${DECLINES}` }).click();
  await expect(declines.getByRole('alert')).toContainText(
    'Call refused: the customer has not accepted the call permission (R13)',
  );
  expect(designer.errors).toEqual([]);
});

test('the SIP form refuses a personal mobile and keeps a PBX line (R19)', async ({ page }) => {
  const designer = await openChannels(page, 'sip');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('PABX');
  await page.getByRole('textbox', { name: 'Host' }).fill('pbx.example.com');
  await page.getByRole('textbox', { name: 'User name' }).fill('loja');
  await page.getByLabel('Password').fill('segredo');
  await page.getByRole('textbox', { name: 'Number (optional)' }).fill('+5511987654321');
  await page.getByRole('button', { name: 'Add SIP line' }).click();
  await expect(page.getByRole('alert')).toContainText('Personal mobile lines are not supported');
  await expectNoSeriousViolations(page, 'the SIP lines page');

  await page.getByRole('textbox', { name: 'Number (optional)' }).fill('+551130034000');
  await page.getByRole('button', { name: 'Add SIP line' }).click();
  await expect(page.getByRole('listitem', { name: 'PABX' })).toContainText('+55 11 3003 4000');
  expect(designer.errors).toEqual([]);
});

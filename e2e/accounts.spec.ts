import { expect, test, type Page } from '@playwright/test';
import { sessionSchema } from '../shared/src/api/accounts.ts';
import { ACCOUNTS_SETUP_TOKEN, ACCOUNTS_URL } from './support/accountsServer.ts';
import { expectNoSeriousViolations } from './support/axe.ts';

// Two people on one real callbot server that serves the built designer: the
// owner sets the server up with the one-time setup link, invites a trainer
// by link, the trainer (another browser context) joins and sees their role,
// then the owner removes them and the trainer's next request is refused, in
// the UI and by the API.
test.use({ baseURL: ACCOUNTS_URL });

const OWNER = { name: 'Olga Dono', email: 'olga@example.com', password: 'owner password 1' };
const TRAINER = { name: 'Tiago Treino', email: 'tiago@example.com', password: 'trainer pass 2' };
const WORKSPACE = 'Loja Exemplo';

const accountMenu = (page: Page, name: string) =>
  page.getByRole('button', { name: `Account: ${name}` });

async function openFromAccountMenu(page: Page, name: string, item: string) {
  await accountMenu(page, name).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('setup, an invited trainer, and their removal, on a real server in two browsers', async ({
  page: owner,
  browser,
}) => {
  // Two browsers, many pages and accessibility checks: more than the default 30 s on a loaded machine.
  test.setTimeout(120_000);
  // The owner: the setup link the server printed (its token fixed for the test run).
  await owner.goto(`/setup?token=${ACCOUNTS_SETUP_TOKEN}`);
  await expect(owner.getByRole('heading', { name: 'Set up this callbot server' })).toBeVisible();
  await expectNoSeriousViolations(owner, 'the setup page');
  await owner.getByLabel('Your name').fill(OWNER.name);
  await owner.getByLabel('Email').fill(OWNER.email);
  await owner.getByLabel('Choose a password').fill(OWNER.password);
  await owner.getByLabel('Workspace name').fill(WORKSPACE);
  await owner.getByRole('button', { name: 'Create owner account' }).click();
  await expect(accountMenu(owner, OWNER.name)).toBeVisible();
  await expect(owner.getByRole('banner')).toContainText(`${WORKSPACE}Owner`);
  await expect(owner).toHaveURL(`${ACCOUNTS_URL}/`);
  await expect(owner.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
  await expect(owner.getByText('Browser only')).toHaveCount(0);

  // A cookie-authenticated change without the CSRF header is refused.
  const forged = await owner.request.post('/api/workspaces', { data: { name: 'Forged' } });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: 'csrf' });

  // The owner invites a trainer by link.
  await openFromAccountMenu(owner, OWNER.name, 'Members');
  await expect(owner.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await owner.getByLabel('Role of the invited person').selectOption('trainer');
  await owner.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await owner.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  expect(link).toMatch(/\/invite\?token=/);
  await expect(
    owner
      .getByRole('table', { name: 'Pending invitations' })
      .getByRole('rowheader', { name: 'Invited as Trainer' }),
  ).toBeVisible();
  await expectNoSeriousViolations(owner, 'the members page of an owner');

  // The trainer, in a browser of their own, opens the link and creates the account.
  const trainerContext = await browser.newContext({ baseURL: ACCOUNTS_URL, locale: 'en-US' });
  const trainer = await trainerContext.newPage();
  await trainer.goto(link);
  await expect(
    trainer.getByText(`You are invited to the workspace ${WORKSPACE} as Trainer.`),
  ).toBeVisible();
  await expectNoSeriousViolations(trainer, 'an invitation');
  await trainer.getByLabel('Your name').fill(TRAINER.name);
  await trainer.getByLabel('Email').fill(TRAINER.email);
  await trainer.getByLabel('Choose a password').fill(TRAINER.password);
  await trainer.getByRole('button', { name: 'Create account and join' }).click();
  await expect(accountMenu(trainer, TRAINER.name)).toBeVisible();
  await expect(trainer.getByRole('banner')).toContainText(`${WORKSPACE}Trainer`);
  await expect(trainer).toHaveURL(`${ACCOUNTS_URL}/`);

  // The link worked once.
  await trainer.goto(link);
  await expect(trainer.getByRole('alert')).toHaveText(
    'This invitation is unknown, was already used or has expired. Ask an owner of the workspace for a new link.',
  );

  // The trainer signs out, signs in again (a wrong password first) and sees the role.
  await trainer.goto('/');
  await openFromAccountMenu(trainer, TRAINER.name, 'Sign out');
  await expect(trainer.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(trainer, 'the sign-in page');
  await trainer.getByLabel('Email').fill(TRAINER.email);
  await trainer.getByLabel('Password').fill('not the password');
  await trainer.getByRole('button', { name: 'Sign in' }).click();
  await expect(trainer.getByRole('alert')).toHaveText('Wrong email or password.');
  await trainer.getByLabel('Password').fill(TRAINER.password);
  await trainer.getByRole('button', { name: 'Sign in' }).click();
  await accountMenu(trainer, TRAINER.name).click();
  await expect(trainer.getByRole('menu')).toContainText(`Trainer in ${WORKSPACE}`);
  await trainer.getByRole('menuitem', { name: 'Members' }).click();
  const members = trainer.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row', { name: /Olga Dono/ })).toContainText('Owner');
  await expect(members.getByRole('row', { name: /Tiago Treino/ })).toContainText('Trainer');
  await expect(trainer.getByRole('button', { name: 'Create invitation link' })).toHaveCount(0);
  await expect(members.getByRole('combobox')).toHaveCount(0);
  const session = sessionSchema.parse(await (await trainer.request.get('/api/session')).json());
  const workspaceId = session.workspaces[0]!.id;
  expect((await trainer.request.get(`/api/workspaces/${workspaceId}/members`)).status()).toBe(200);

  // The owner removes the trainer.
  await owner.reload();
  const ownersList = owner.getByRole('table', { name: 'Members' });
  await ownersList.getByRole('button', { name: `Remove ${TRAINER.name}` }).click();
  const confirm = owner.getByRole('dialog', { name: `Remove ${TRAINER.name} from ${WORKSPACE}?` });
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(ownersList.getByRole('row', { name: /Tiago Treino/ })).toHaveCount(0);

  // The trainer's next request is refused: by the API, and in the UI (no workspace left).
  const refused = await trainer.request.get(`/api/workspaces/${workspaceId}/members`);
  expect(refused.status()).toBe(404);
  await trainer.getByRole('link', { name: 'Flows' }).click();
  await openFromAccountMenu(trainer, TRAINER.name, 'Members');
  await expect(trainer.getByRole('heading', { name: 'No workspace' })).toBeVisible();
  await expect(
    trainer.getByText('You are not a member of any workspace (an owner may have removed you).', {
      exact: false,
    }),
  ).toBeVisible();
  await trainerContext.close();
});

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { createAccount, type Account } from './account.ts';
import { AccountProvider } from './AccountContext.tsx';
import { AccountGate } from './AccountGate.tsx';
import { AccountHeader } from './AccountHeader.tsx';
import { createAccountClient } from './client.ts';
import {
  createFakeAccounts,
  FAKE_ORIGIN,
  FAKE_SETUP_TOKEN,
  fakeAccountsFetch,
  seedFakeAccounts,
  type FakeAccounts,
} from './handlers.ts';
import { InvitationPage } from './InvitationPage.tsx';
import { MembersPage } from './MembersPage.tsx';
import { SetupPage } from './SetupPage.tsx';
import { SignInPage } from './SignInPage.tsx';
import { TokensPage } from './TokensPage.tsx';

type Screen = 'setup' | 'signIn' | 'invitation' | 'members' | 'tokens' | 'header';
type Arrange = (fake: FakeAccounts) => void;

const INVITATION = 'invite-story';
const others = [
  { name: 'Bruno Editor', email: 'bruno@example.com', role: 'editor' as const },
  { name: 'Tiago Treino', email: 'tiago@example.com', role: 'trainer' as const },
];
const withInvitation: Arrange = (fake) => {
  fake.invitations.set(INVITATION, {
    id: 'inv-story',
    workspaceId: 'ws-loja',
    role: 'trainer',
    createdBy: 'Ana Souza',
    expiresAt: '2026-12-14T12:00:00.000Z',
  });
};

/** An account on an in-process stand-in server, started (the gate knows its state at once). */
async function startedAccount(arrange: Arrange): Promise<Account> {
  const fake = createFakeAccounts();
  arrange(fake);
  const account = createAccount(
    createAccountClient({ baseUrl: FAKE_ORIGIN, fetch: fakeAccountsFetch(fake) }),
  );
  await account.start();
  return account;
}

function Story({ screen, account }: { screen: Screen; account: Account }) {
  const page = (() => {
    switch (screen) {
      case 'setup':
        return <SetupPage token={FAKE_SETUP_TOKEN} onDone={() => {}} />;
      case 'signIn':
        return <SignInPage />;
      case 'invitation':
        return <InvitationPage token={INVITATION} onDone={() => {}} />;
      case 'members':
        return (
          <AccountGate>
            <MembersPage />
          </AccountGate>
        );
      case 'tokens':
        return (
          <AccountGate>
            <TokensPage />
          </AccountGate>
        );
      case 'header':
        return (
          <header className="topnav">
            <span className="topnav__brand">Callbot</span>
            <nav />
            <AccountHeader />
          </header>
        );
    }
  })();
  return <AccountProvider account={account}>{page}</AccountProvider>;
}

const meta = {
  title: 'Account/Pages',
  args: { screen: 'signIn', arrange: (fake) => seedFakeAccounts(fake, { signedIn: false }) },
  loaders: [async ({ args }) => ({ account: await startedAccount(args.arrange) })],
  render: (args, { loaded }) => (
    <Story screen={args.screen} account={(loaded as { account: Account }).account} />
  ),
} satisfies Meta<{ screen: Screen; arrange: Arrange }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Sign-in; a wrong password is said in words. */
export const SignIn: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.type(page.getByLabelText('Email'), 'ana@example.com');
    await userEvent.type(page.getByLabelText('Password'), 'not it');
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }));
    await expect(await page.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  },
};

/** The first visit, from the setup link the server printed: owner and first workspace. */
export const Setup: Story = {
  args: { screen: 'setup', arrange: () => {} },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(page.getByRole('heading', { name: 'Set up this callbot server' })).toBeVisible();
    await expect(page.queryByLabelText('Setup token')).toBeNull();
  },
};

/** An invitation opened by someone new: the workspace, the role, and the two ways in. */
export const Invitation: Story = {
  args: {
    screen: 'invitation',
    arrange: (fake) => {
      seedFakeAccounts(fake, { signedIn: false });
      withInvitation(fake);
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByText('You are invited to the workspace Loja Exemplo as Trainer.');
    await page.findByRole('tab', { name: 'I am new here' });
    await page.findByRole('button', { name: 'Create account and join' });
  },
};

/** An owner's members page: roles to change, a pending invitation, and a new link made. */
export const Members: Story = {
  args: {
    screen: 'members',
    arrange: (fake) => {
      seedFakeAccounts(fake, { others });
      withInvitation(fake);
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole('table', { name: 'Pending invitations' });
    await userEvent.click(page.getByRole('button', { name: 'Create invitation link' }));
    const link = await page.findByLabelText<HTMLInputElement>('Invitation link', { exact: false });
    await expect(link.value).toMatch(/\/invite\?token=/);
  },
};

/** A trainer's members page: the list, read-only. */
export const MembersReadOnly: Story = {
  args: {
    screen: 'members',
    arrange: (fake) => seedFakeAccounts(fake, { role: 'trainer', others }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole('table', { name: 'Members' });
    await expect(page.queryByRole('combobox')).toBeNull();
  },
};

/** API tokens: one made, shown once in a dialog. */
export const Tokens: Story = {
  args: { screen: 'tokens', arrange: (fake) => seedFakeAccounts(fake, { role: 'editor' }) },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.type(await page.findByLabelText('Token name'), 'CI publish');
    await userEvent.click(page.getByRole('button', { name: 'Create token' }));
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', { name: 'API token “CI publish”' });
    await expect(within(dialog).getByLabelText<HTMLInputElement>('Token').value).toMatch(
      /^cbt_secret_/,
    );
  },
};

/** The header signed in: the workspace chooser (two workspaces) and the account menu. */
export const SignedInHeader: Story = {
  args: {
    screen: 'header',
    arrange: (fake) => {
      seedFakeAccounts(fake);
      fake.workspaces.set('ws-b', {
        id: 'ws-b',
        name: 'Filial Sul',
        members: new Map([['u-ana', 'viewer']]),
      });
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole('button', { name: 'Workspace: Loja Exemplo (Owner)' });
    await expect(page.getByRole('button', { name: 'Account: Ana Souza' })).toHaveTextContent('AS');
  },
};

/** The header of a designer that no server serves: "Browser only", explained. */
export const BrowserOnlyHeader: Story = {
  args: { screen: 'header', arrange: () => {} },
  render: () => (
    <header className="topnav">
      <span className="topnav__brand">Callbot</span>
      <nav />
      <AccountHeader />
    </header>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Browser only')).toBeVisible();
  },
};

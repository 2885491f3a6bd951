import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { createAccount, WORKSPACE_STORAGE_KEY } from './account.ts';
import { AccountProvider } from './AccountContext.tsx';
import { AccountGate } from './AccountGate.tsx';
import { AccountHeader } from './AccountHeader.tsx';
import { createAccountClient } from './client.ts';
import {
  accountHandlers,
  createFakeAccounts,
  FAKE_ORIGIN,
  FAKE_SETUP_TOKEN,
  seedFakeAccounts,
  type FakeAccounts,
} from './handlers.ts';

let fake: FakeAccounts = createFakeAccounts();
const server = setupServer(...accountHandlers(fake));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  server.resetHandlers(...accountHandlers((fake = createFakeAccounts())));
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  await i18n.changeLanguage('en');
});
afterAll(() => server.close());

/** The gate around a stand-in app: the header's account corner and a landmark. */
async function open(path = '/', fetch?: typeof globalThis.fetch, app?: ReactNode) {
  window.history.replaceState(null, '', path);
  const account = createAccount(
    createAccountClient({ baseUrl: FAKE_ORIGIN, ...(fetch && { fetch }) }),
  );
  await account.start();
  render(
    <AccountProvider account={account}>
      <AccountGate>
        <header>
          <AccountHeader />
        </header>
        {app ?? <main>The designer</main>}
      </AccountGate>
    </AccountProvider>,
  );
  return account;
}

const header = () => screen.getByRole('banner');
const field = (name: string) => screen.getByLabelText(name, { exact: false });

describe('without a callbot server', () => {
  it('opens the designer at once, labelled browser-only with the reason', async () => {
    await open('/', () => Promise.reject(new TypeError('Failed to fetch')));
    screen.getByRole('main');
    const label = screen.getByText('Browser only');
    expect(label.textContent).toContain(
      'This workspace lives in this browser: nothing is sent to a server',
    );
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
  });
});

describe('on a new server', () => {
  it('sets up the owner and the first workspace from the console’s link, then opens the designer', async () => {
    await open(`/setup?token=${FAKE_SETUP_TOKEN}`);
    await screen.findByRole('heading', { name: 'Set up this callbot server' });
    expect(screen.queryByLabelText('Setup token')).toBeNull();
    await userEvent.type(field('Your name'), 'Ana Souza');
    await userEvent.type(field('Email'), 'ana@example.com');
    await userEvent.type(field('Choose a password'), 'correct horse');
    await userEvent.type(field('Workspace name'), 'Loja Exemplo');
    await userEvent.click(screen.getByRole('button', { name: 'Create owner account' }));
    await screen.findByRole('main');
    expect(window.location.pathname + window.location.search).toBe('/');
    await screen.findByRole('button', { name: 'Account: Ana Souza' });
    expect(header().textContent).toContain('Loja ExemploOwner');
    expect(fake.users.size).toBe(1);
  });

  it('asks for the token when the link was not used, and says when it is wrong', async () => {
    await open('/');
    await screen.findByRole('heading', { name: 'Set up this callbot server' });
    await userEvent.type(field('Setup token'), 'guessed');
    await userEvent.type(field('Your name'), 'Eve');
    await userEvent.type(field('Email'), 'eve@example.com');
    await userEvent.type(field('Choose a password'), 'correct horse');
    await userEvent.type(field('Workspace name'), 'Mine');
    await userEvent.click(screen.getByRole('button', { name: 'Create owner account' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This setup link is wrong or was already used. Use the link the server printed on its console.',
    );
    expect(fake.users.size).toBe(0);
  });
});

describe('signing in', () => {
  it('refuses a wrong password in words, then signs in and shows the user and role', async () => {
    seedFakeAccounts(fake, { signedIn: false, role: 'trainer' });
    await open('/');
    await screen.findByRole('heading', { name: 'Sign in' });
    await userEvent.type(field('Email'), 'ana@example.com');
    await userEvent.type(field('Password'), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    await userEvent.clear(field('Password'));
    await userEvent.type(field('Password'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('main');
    const menu = await screen.findByRole('button', { name: 'Account: Ana Souza' });
    expect(menu.textContent).toBe('AS');
    expect(header().textContent).toContain('Loja ExemploTrainer');
    await userEvent.click(menu);
    const items = await screen.findByRole('menu');
    within(items).getByText('Trainer in Loja Exemplo');
    await userEvent.click(within(items).getByRole('menuitem', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(fake.signedIn).toBeNull();
  });

  it('says how long to wait once sign-in is throttled, in the UI language', async () => {
    seedFakeAccounts(fake, { signedIn: false });
    fake.failedLogins = 5;
    await i18n.changeLanguage('pt-BR');
    await open('/');
    await screen.findByRole('heading', { name: 'Entrar' });
    await userEvent.type(field('E-mail'), 'ana@example.com');
    await userEvent.type(field('Senha'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Entrar' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tentativas demais. Tente de novo em 14 minutos.',
    );
  });

  it('chooses among several workspaces, and remembers the choice', async () => {
    seedFakeAccounts(fake);
    fake.workspaces.set('ws-b', {
      id: 'ws-b',
      name: 'Filial Sul',
      members: new Map([['u-ana', 'viewer']]),
    });
    await open('/');
    const chooser = await screen.findByRole('button', { name: 'Workspace: Loja Exemplo (Owner)' });
    await userEvent.click(chooser);
    await userEvent.click(
      await screen.findByRole('menuitemradio', { name: 'Filial Sul · Viewer' }),
    );
    await screen.findByRole('button', { name: 'Workspace: Filial Sul (Viewer)' });
    expect(header().textContent).toContain('Viewer');
    expect(localStorage.getItem(WORKSPACE_STORAGE_KEY)).toBe('ws-b');
  });
});

describe('an invitation link', () => {
  it('shows the workspace and role, and creates the account that joins it', async () => {
    seedFakeAccounts(fake, { signedIn: false });
    fake.invitations.set('tok-1', {
      id: 'inv-1',
      workspaceId: 'ws-loja',
      role: 'trainer',
      createdBy: 'Ana Souza',
      expiresAt: '2026-12-14T12:00:00.000Z',
    });
    await open('/invite?token=tok-1');
    await screen.findByText('You are invited to the workspace Loja Exemplo as Trainer.');
    await userEvent.type(field('Your name'), 'Tiago Treino');
    await userEvent.type(field('Email'), 'tiago@example.com');
    await userEvent.type(field('Choose a password'), 'another horse');
    await userEvent.click(screen.getByRole('button', { name: 'Create account and join' }));
    await screen.findByRole('main');
    expect(window.location.pathname + window.location.search).toBe('/');
    await screen.findByRole('button', { name: 'Account: Tiago Treino' });
    expect(header().textContent).toContain('Loja ExemploTrainer');
    expect(fake.invitations.size).toBe(0);
  });

  it('joins an existing account after it signs in', async () => {
    seedFakeAccounts(fake, { signedIn: false });
    fake.workspaces.set('ws-b', {
      id: 'ws-b',
      name: 'Filial Sul',
      members: new Map([['u-ana', 'owner']]),
    });
    fake.workspaces.get('ws-loja')!.members.delete('u-ana');
    fake.invitations.set('tok-2', {
      id: 'inv-2',
      workspaceId: 'ws-loja',
      role: 'editor',
      createdBy: 'Olga',
      expiresAt: '2026-12-14T12:00:00.000Z',
    });
    await open('/invite?token=tok-2');
    await userEvent.click(await screen.findByRole('tab', { name: 'I already have an account' }));
    await userEvent.type(field('Email'), 'ana@example.com');
    await userEvent.type(field('Password'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in and join' }));
    // The workspace just joined is the one opened.
    await screen.findByRole('button', { name: 'Workspace: Loja Exemplo (Editor)' });
    expect(fake.workspaces.get('ws-loja')?.members.get('u-ana')).toBe('editor');
  });

  it('that was used or has expired says so', async () => {
    seedFakeAccounts(fake, { signedIn: false });
    await open('/invite?token=used');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This invitation is unknown, was already used or has expired. Ask an owner of the workspace for a new link.',
    );
    expect(screen.queryByRole('button', { name: /join/i })).toBeNull();
  });
});

describe('a removed member', () => {
  it('finds no workspace, and may create one', async () => {
    seedFakeAccounts(fake, { role: 'trainer' });
    const account = await open('/');
    await screen.findByRole('main');
    fake.workspaces.get('ws-loja')!.members.delete('u-ana');
    await expect(account.run((c) => c.members('ws-loja'))).rejects.toMatchObject({
      kind: 'notFound',
    });
    await screen.findByRole('heading', { name: 'No workspace' });
    await userEvent.type(field('Workspace name'), 'Meu espaço');
    await userEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
    await screen.findByRole('main');
    await waitFor(() => expect(header().textContent).toContain('Meu espaçoOwner'));
  });

  it('whose session ended is sent to sign in, told why', async () => {
    seedFakeAccounts(fake);
    const account = await open('/');
    await screen.findByRole('main');
    fake.signedIn = null;
    await expect(account.run((c) => c.tokens('ws-loja'))).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    await screen.findByRole('heading', { name: 'Sign in' });
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Your session has ended. Sign in again.'),
    );
  });
});

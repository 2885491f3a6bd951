import type { ReactNode } from 'react';
import { render, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createAccount } from '../account/account.ts';
import { AccountProvider } from '../account/AccountContext.tsx';
import { AccountGate } from '../account/AccountGate.tsx';
import { createAccountClient } from '../account/client.ts';
import {
  accountHandlers,
  createFakeAccounts,
  FAKE_ORIGIN,
  type FakeAccounts,
} from '../account/handlers.ts';
import { i18n } from '../i18n/index.ts';

/**
 * The fake accounts server (MSW, `account/handlers.ts`) for a test file:
 * listens before its tests, starts each test on empty accounts (and the UI
 * in English), closes after. `fake()` is the current test's accounts, to seed.
 */
export function fakeAccountsServer(): { fake: () => FakeAccounts } {
  let fake = createFakeAccounts();
  const server = setupServer(...accountHandlers(fake));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    server.resetHandlers(...accountHandlers((fake = createFakeAccounts())));
    await i18n.changeLanguage('en');
  });
  afterAll(() => server.close());
  return { fake: () => fake };
}

/** Signs in with the fake server's session and shows `page` behind the account gate, as the app does. */
export async function openAccountPage(page: ReactNode): Promise<void> {
  const account = createAccount(createAccountClient({ baseUrl: FAKE_ORIGIN }));
  await account.start();
  render(
    <AccountProvider account={account}>
      <AccountGate>{page}</AccountGate>
    </AccountProvider>,
  );
}

/** The row of `table` whose row header reads `name`. */
export const rowNamed = (table: HTMLElement, name: string): HTMLElement =>
  within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader', { name: new RegExp(name) }))!;

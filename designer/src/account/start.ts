import type { ComponentType, ReactNode } from 'react';
import type { Account } from './account.ts';

/**
 * Asks the page's origin whether a callbot server serves it, before the first
 * render, with a plain request: a browser-only designer (no answer, or a
 * static host's page) loads nothing more, so its first screen stays small.
 * Served (a JSON answer), the accounts client, store and session gate load,
 * and the session is read through the contract's schema (from that same
 * answer: a signed-in start asks for the session once).
 *
 * @returns the started account and the gate to put around the app, or null for browser-only
 */
export async function startAccount(
  send: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init),
): Promise<{ account: Account; Gate: ComponentType<{ children: ReactNode }> } | null> {
  let response: Response;
  try {
    response = await send('/api/session', { credentials: 'same-origin' });
    if (!response.headers.get('content-type')?.includes('application/json')) return null;
  } catch {
    return null;
  }
  const [{ createAccount }, { createAccountClient }, { AccountGate }] = await Promise.all([
    import('./account.ts'),
    import('./client.ts'),
    import('./AccountGate.tsx'),
  ]);
  const account = createAccount(createAccountClient({ fetch: send }));
  // The answer already read is the session: it is not asked for twice.
  await account.start(response);
  return { account, Gate: AccountGate };
}

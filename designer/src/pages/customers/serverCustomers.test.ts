import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { formatPhone } from '../../forms/phone.ts';
import { WorkspaceRefusal } from '../../persistence/workspaceErrors.ts';
import { useServerCustomers } from './serverCustomers.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('useServerCustomers', () => {
  it("says a number another customer has on the server in the page's words, naming that customer", async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      if (url === '/api/session')
        return Promise.resolve(
          json({ user: null, setupNeeded: false, csrfToken: 'csrf', workspaces: [] }),
        );
      if (init?.method === 'PUT')
        return Promise.resolve(
          json(
            {
              error: 'number_taken',
              message: 'The customer: number: +5511912340005 is already the number of "Alma" (c1).',
              field: 'number',
              existing: { id: 'c1', number: '+5511912340005', name: 'Alma' },
            },
            409,
          ),
        );
      return Promise.resolve(json({ customers: [], permissions: [], attempts: [], lines: [] }));
    });
    const { result, unmount } = renderHook(() => useServerCustomers('ws-1'));
    let error: unknown = null;
    await act(async () => {
      await result.current
        .addCustomer({ id: 'c2', number: '+5511912340005', createdAt: 1 })
        .catch((e: unknown) => (error = e));
    });
    unmount();
    expect(calls).toContain('PUT /api/workspaces/ws-1/customers/c2');
    expect(error).toBeInstanceOf(WorkspaceRefusal);
    expect(workspaceMessage(error, formatPhone)).toBe(
      'Not saved: +55 11 91234 0005 is already the number of the customer “Alma” (calls are counted per number).',
    );
  });
});

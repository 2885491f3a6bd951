import { useCallback, useEffect, useState } from 'react';
import {
  callAttemptSchema,
  customerSchema,
  CSRF_HEADER,
  lineSchema,
  numberTakenSchema,
  permissionListSchema,
  sessionSchema,
  type CallAttempt,
  type Customer,
  type Line,
  type PermissionWithOrigin,
} from '@callbot/shared';
import { z } from 'zod';
import { WorkspaceRefusal } from '../../persistence/workspaceErrors.ts';

/** What the customers page shows, as the workspace's server has it. */
export interface ServerCustomers {
  customers: Customer[];
  permissions: PermissionWithOrigin[];
  attempts: CallAttempt[];
  lines: Line[];
}

const listOf = <S extends z.ZodType>(key: string, schema: S) =>
  z.object({ [key]: z.array(schema) }).transform((v) => v[key] as z.output<S>[]);

/** How often the page reads again while open: the provider's answers arrive on the server. */
const REFRESH_MS = 2_000;

async function readJson(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`The server answered HTTP ${response.status}.`);
  return response.json();
}

/**
 * The customers, their call permissions with where each came from, today's
 * attempts and the lines of the workspace `workspaceId` on the server, read
 * again every 2 s (the customer answers at the provider, not here), and
 * adding a customer there. Null workspace: nothing (browser-only).
 */
export function useServerCustomers(workspaceId: string | null) {
  const [value, setValue] = useState<ServerCustomers | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = workspaceId ? `/api/workspaces/${encodeURIComponent(workspaceId)}` : null;

  const reload = useCallback(async () => {
    if (!base) return;
    try {
      const get = (path: string) =>
        fetch(base + path, { credentials: 'same-origin' }).then(readJson);
      const [customers, permissions, attempts, lines] = await Promise.all([
        get('/customers').then((v) => listOf('customers', customerSchema).parse(v)),
        get('/provider/permissions').then((v) => permissionListSchema.parse(v).permissions),
        get('/attempts').then((v) => listOf('attempts', callAttemptSchema).parse(v)),
        get('/lines').then((v) => listOf('lines', lineSchema).parse(v)),
      ]);
      setValue({ customers, permissions, attempts, lines });
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [base]);

  useEffect(() => {
    if (!base) return;
    const first = setTimeout(() => void reload(), 0);
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [base, reload]);

  const addCustomer = useCallback(
    async (customer: Customer) => {
      if (!base) return;
      const session = sessionSchema.parse(
        await fetch('/api/session', { credentials: 'same-origin' }).then(readJson),
      );
      const response = await fetch(`${base}/customers/${encodeURIComponent(customer.id)}`, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          ...(session.csrfToken && { [CSRF_HEADER]: session.csrfToken }),
        },
        body: JSON.stringify(customer),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
        // Another customer has the number (409 `number_taken`): said in the page's words.
        const taken = numberTakenSchema.safeParse(body);
        if (taken.success) {
          throw new WorkspaceRefusal('customer.numberTaken', taken.data.message, {
            customer: taken.data.existing,
          });
        }
        throw new Error(
          typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`,
        );
      }
      await reload();
    },
    [base, reload],
  );

  return { value, error, reload, addCustomer };
}

/**
 * A stand-in for the accounts' access check, for the workspace's tests and
 * its benchmark: the caller is named by the `x-test-user` header and its
 * memberships are a map. Never used by `main.ts`.
 */
import type { Role } from '@callbot/shared';
import type { WorkspaceAccess } from './http.ts';

/** People by id: their name and their role in each workspace. */
export type TestMembers = ReadonlyMap<string, { name: string; roles: ReadonlyMap<string, Role> }>;

export const TEST_USER_HEADER = 'x-test-user';

/**
 * 401 without the header (or with an unknown user), 404 for a workspace the
 * user is not a member of, like the accounts' check.
 */
export function headerAccess(members: TestMembers): WorkspaceAccess {
  return (req, ws) => {
    const header = req.headers[TEST_USER_HEADER];
    const person = typeof header === 'string' ? members.get(header) : undefined;
    if (!person) {
      return Promise.resolve({
        status: 401,
        body: { error: 'unauthorized', message: 'Sign in first.' },
      });
    }
    const role = person.roles.get(ws);
    if (!role) {
      return Promise.resolve({
        status: 404,
        body: { error: 'not_found', message: 'There is no such workspace.' },
      });
    }
    return Promise.resolve({ userId: String(header), name: person.name, role });
  };
}

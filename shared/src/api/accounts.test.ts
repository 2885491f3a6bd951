import { describe, expect, it } from 'vitest';
import {
  invitationAcceptSchema,
  loginRequestSchema,
  roleAtLeast,
  roles,
  sessionSchema,
  setupRequestSchema,
} from './accounts.ts';

describe('the accounts API contract', () => {
  it('orders the roles viewer < trainer < editor < owner', () => {
    expect(roles).toEqual(['viewer', 'trainer', 'editor', 'owner']);
    expect(roleAtLeast('owner', 'editor')).toBe(true);
    expect(roleAtLeast('editor', 'editor')).toBe(true);
    expect(roleAtLeast('trainer', 'editor')).toBe(false);
    expect(roleAtLeast('viewer', 'trainer')).toBe(false);
  });

  it('normalises emails and refuses bad fields, naming them', () => {
    expect(loginRequestSchema.parse({ email: ' Ana@Example.COM ', password: 'x' }).email).toBe(
      'ana@example.com',
    );
    const bad = setupRequestSchema.safeParse({
      setupToken: 't',
      email: 'not-an-email',
      name: 'Ana',
      password: 'short',
      workspaceName: 'Acme',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['email', 'password']);
    const unknown = invitationAcceptSchema.safeParse({ role: 'owner' });
    expect(unknown.error?.issues[0]?.message).toMatch(/role/);
  });

  it('reads a session leniently', () => {
    const session = sessionSchema.parse({
      user: null,
      setupNeeded: true,
      csrfToken: null,
      workspaces: [],
      addedLater: 1,
    });
    expect(session).toEqual({ user: null, setupNeeded: true, csrfToken: null, workspaces: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { hashPassword, hashSecret, newSecret, sameSecret, verifyPassword } from './secrets.ts';

/** A low cost: the format and the checks are the same as the default's. */
const cost = { N: 1024, r: 8, p: 1 };

describe('passwords and secrets', () => {
  it('hashes a password with its salt and cost, and knows it again', async () => {
    const stored = await hashPassword('correct horse battery', cost);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    // Two hashes of one password differ (a salt each).
    expect(await hashPassword('correct horse battery', cost)).not.toBe(stored);
  });

  it('treats the same password in other Unicode forms as the same', async () => {
    const stored = await hashPassword('caf\u00e9 com leite', cost);
    expect(await verifyPassword('cafe\u0301 com leite', stored)).toBe(true);
  });

  it('refuses a hash it cannot read instead of throwing', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });

  it('makes 32-byte random secrets and keeps only their SHA-256', () => {
    const a = newSecret();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(newSecret()).not.toBe(a);
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameSecret(a, a)).toBe(true);
    expect(sameSecret(a, `${a}x`)).toBe(false);
  });
});

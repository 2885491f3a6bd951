import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

const read = (env: Record<string, string>) => readConfig(env, { dataDir: '/srv/data' });

describe('the configuration from the environment', () => {
  it('takes the defaults on loopback: keep-alive above a balancer, bounded waits, a token file', () => {
    const result = read({});
    expect(result).toMatchObject({
      ok: true,
      config: {
        host: '127.0.0.1',
        port: 8787,
        keepAliveTimeoutMs: 65_000,
        deadlineMs: 8000,
        bounds: { connectMs: 3000, statementMs: 4000 },
        tokenFile: '/srv/data/api-token',
        sweepAfterMs: 4 * 3600_000,
        callRetentionDays: 365,
      },
    });
    // Unchecked webhooks and short tokens are for loopback, where they are allowed.
    expect(read({ CALLBOT_INSECURE_NO_SIGNATURE: '1', CALLBOT_API_TOKEN: 'dev' }).ok).toBe(true);
  });

  it('refuses unsafe settings beyond loopback, each with its reason', () => {
    const result = read({
      HOST: '0.0.0.0',
      CALLBOT_INSECURE_NO_SIGNATURE: '1',
      CALLBOT_API_TOKEN: 'x'.repeat(31),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringMatching(/^CALLBOT_INSECURE_NO_SIGNATURE=1 with HOST=0\.0\.0\.0/),
      expect.stringMatching(/^CALLBOT_API_TOKEN has 31 characters .* at least 32/),
    ]);
    expect(read({ HOST: '::', CALLBOT_API_TOKEN: 'x'.repeat(32) }).ok).toBe(true);
    expect(read({ HOST: '10.0.0.5' }).ok).toBe(true); // a token will be made, long enough
  });

  it('refuses numbers out of range and unknown hold languages, naming the variable', () => {
    const result = read({
      CALLBOT_WEBHOOK_DEADLINE_MS: '20000',
      CALLBOT_KEEP_ALIVE_MS: 'long',
      CALLBOT_HOLD_LANGUAGE: 'fr',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'CALLBOT_KEEP_ALIVE_MS=long: expected a whole number from 1000 to 600000.',
      'CALLBOT_WEBHOOK_DEADLINE_MS=20000: expected a whole number from 500 to 12000.',
      'CALLBOT_HOLD_LANGUAGE=fr: expected one of pt-BR, en, es.',
    ]);
  });

  it("reads how long server-wide lines' calls are kept, within a workspace's limits", () => {
    expect(read({ CALLBOT_CALL_RETENTION_DAYS: '90' })).toMatchObject({
      ok: true,
      config: { callRetentionDays: 90 },
    });
    expect(read({ CALLBOT_CALL_RETENTION_DAYS: '0' })).toEqual({
      ok: false,
      errors: ['CALLBOT_CALL_RETENTION_DAYS=0: expected a whole number from 1 to 3650.'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { defaultPermissionLimits } from '@callbot/shared';
import { channelsFixture, START } from '../channels/testing.tsx';
import {
  addCustomer,
  placeCall,
  recordAnswer,
  sendInvitation,
  type CallRules,
} from './customerCommands.ts';

const LINE = '+551130030004';
const CUSTOMER = '+5511987650004'; // answers the sandbox's calls
const rules: CallRules = { limits: defaultPermissionLimits, timeZone: 'America/Sao_Paulo' };
const HOUR = 3_600_000;

async function optedIn(permission: 'temporary' | 'always' = 'temporary') {
  const f = channelsFixture();
  await f.services.provider.verifyWhatsappNumber(LINE);
  await addCustomer(f.deps, { number: CUSTOMER, name: 'Ana' });
  await sendInvitation(f.deps, { from: LINE, number: CUSTOMER }, rules);
  await recordAnswer(f.deps, CUSTOMER, { type: 'accepted', permission }, rules);
  return f;
}

const attempts = async (f: ReturnType<typeof channelsFixture>) =>
  (await f.workspace.listCallAttempts(CUSTOMER)).items;

describe('outbound WhatsApp calls', () => {
  it('R13: a call without the customer’s accepted opt-in is refused and never placed', async () => {
    const f = channelsFixture();
    await f.services.provider.verifyWhatsappNumber(LINE);
    await addCustomer(f.deps, { number: CUSTOMER });
    expect(await placeCall(f.deps, { from: LINE, number: CUSTOMER }, rules)).toMatchObject({
      allowed: false,
      rule: 'R13',
    });
    await sendInvitation(f.deps, { from: LINE, number: CUSTOMER }, rules);
    expect(await placeCall(f.deps, { from: LINE, number: CUSTOMER }, rules)).toMatchObject({
      allowed: false,
      rule: 'R13',
    });
    expect(await attempts(f)).toEqual([]);
  });

  it('R13: once the customer accepts the invitation, the call is placed and its outcome recorded', async () => {
    const f = await optedIn();
    const result = await placeCall(f.deps, { from: LINE, number: CUSTOMER }, rules);
    expect(result).toMatchObject({ ok: true, call: { status: 'answered' } });
    expect(await attempts(f)).toMatchObject([{ number: CUSTOMER, outcome: 'answered' }]);
  });

  it('R14: the sixth call of a calendar day is refused, with when it can be tried again', async () => {
    const f = await optedIn('always');
    for (let i = 0; i < 5; i++) {
      expect(await placeCall(f.deps, { from: LINE, number: CUSTOMER }, rules)).toMatchObject({
        ok: true,
      });
    }
    const sixth = await placeCall(f.deps, { from: LINE, number: CUSTOMER }, rules);
    // Midnight in São Paulo (UTC-3) after Monday 2 March 2026.
    expect(sixth).toMatchObject({
      allowed: false,
      rule: 'R14.dailyLimit',
      retryAt: Date.parse('2026-03-03T03:00:00Z'),
    });
    expect(await attempts(f)).toHaveLength(5);
    f.clock.now = Date.parse('2026-03-03T03:00:00Z');
    expect(await placeCall(f.deps, { from: LINE, number: CUSTOMER }, rules)).toMatchObject({
      ok: true,
    });
  });

  it('R14: a temporary permission ends after 6 days', async () => {
    const f = await optedIn('temporary');
    f.advance(6 * 24 * HOUR);
    expect(await placeCall(f.deps, { from: LINE, number: CUSTOMER }, rules)).toMatchObject({
      allowed: false,
      rule: 'R14.expired',
    });
  });

  it('R15: a revoked permission refuses calls; always and temporary switch both ways', async () => {
    const f = await optedIn('always');
    const toTemporary = await recordAnswer(
      f.deps,
      CUSTOMER,
      { type: 'switched', to: 'temporary' },
      rules,
    );
    expect(toTemporary).toMatchObject({ ok: true, permission: { state: 'temporary' } });
    const toAlways = await recordAnswer(
      f.deps,
      CUSTOMER,
      { type: 'switched', to: 'always' },
      rules,
    );
    expect(toAlways).toMatchObject({ ok: true, permission: { state: 'always' } });
    await recordAnswer(f.deps, CUSTOMER, { type: 'revoked' }, rules);
    expect(await placeCall(f.deps, { from: LINE, number: CUSTOMER }, rules)).toMatchObject({
      allowed: false,
      rule: 'R15.revoked',
    });
  });

  it('R13: the platform’s request limit refuses a second invitation within 24 hours when enabled', async () => {
    const f = channelsFixture();
    await f.services.provider.verifyWhatsappNumber(LINE);
    const platform: CallRules = {
      ...rules,
      limits: {
        ...defaultPermissionLimits,
        platformRules: { ...defaultPermissionLimits.platformRules, enabled: true },
      },
    };
    expect(await sendInvitation(f.deps, { from: LINE, number: CUSTOMER }, platform)).toMatchObject({
      ok: true,
    });
    f.advance(HOUR);
    const second = await sendInvitation(f.deps, { from: LINE, number: CUSTOMER }, platform);
    // Allowed again 24 hours after the first invitation.
    expect(second).toMatchObject({
      allowed: false,
      rule: 'platform.requestsPer24h',
      retryAt: START + 24 * HOUR,
    });
  });
});

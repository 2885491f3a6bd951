/**
 * The provider on the server with the sandbox: the customer's replies at the
 * provider decide the permission (R13-R15) and say where it came from; an
 * order follows the provider's events (R7); every event applies once; the
 * provider's webhooks are signature-checked; credentials are sealed.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db.ts';
import { twilioSignature } from '../signature.ts';
import { decryptSecret, encryptSecret, readSecretKey } from './credentials.ts';
import { handleProviderWebhook } from './routes.ts';
import { LINE_NUMBER, OWNER, providerFixture, type ProviderFixture } from './testing.ts';

const ORIGIN = 'https://bot.example.com';
const DAY = 24 * 3_600_000;

let fixture: ProviderFixture;
const key = randomBytes(32);

beforeAll(async () => {
  fixture = await providerFixture(await openPglite(), { secretKey: key });
}, 60_000);
afterAll(() => fixture.db.close());

const permissionOf = async (number: string) =>
  (await fixture.service.permissions(fixture.ws)).find((p) => p.permission.number === number);
const call = (to: string) =>
  fixture.service.placeCall(fixture.ws, { from: LINE_NUMBER, to }, OWNER, ORIGIN);

describe('call permissions as the provider reports them', () => {
  it('R13: a customer who declines at the provider cannot be called', async () => {
    const customer = '+5511900000014';
    const sent = await fixture.service.requestPermission(
      fixture.ws,
      { from: LINE_NUMBER, to: customer },
      OWNER,
    );
    expect(sent.ok).toBe(true);
    expect(await permissionOf(customer)).toMatchObject({
      permission: { state: 'requested' },
      origin: { source: 'invitation', event: 'invitation_sent' },
    });
    await fixture.service.sandbox.reply(fixture.ws, customer, 'declined');
    expect(await permissionOf(customer)).toMatchObject({
      permission: { state: 'none' },
      origin: { source: 'provider', event: 'declined', at: fixture.now() },
    });
    expect(await call(customer)).toMatchObject({ ok: false, refusal: { rule: 'R13' } });
    // The sandbox's own answer, due 5 s after the invitation, does not overturn theirs.
    await fixture.advance(5_000);
    expect((await permissionOf(customer))?.permission.state).toBe('none');
  });

  it("R13: the sandbox's customer answers the invitation by itself after 5 s (ending in 8 declines)", async () => {
    const accepting = '+5511900000024';
    const declining = '+5511900000028';
    for (const to of [accepting, declining]) {
      await fixture.service.requestPermission(fixture.ws, { from: LINE_NUMBER, to }, OWNER);
    }
    await fixture.advance(4_999);
    expect((await permissionOf(accepting))?.permission.state).toBe('requested');
    await fixture.advance(1);
    expect((await permissionOf(accepting))?.permission).toMatchObject({
      state: 'temporary',
      expiresAt: fixture.now() + 6 * DAY,
    });
    expect((await permissionOf(declining))?.permission.state).toBe('none');
    expect((await call(accepting)).ok).toBe(true);
  });

  it('R15: a withdrawal at the provider stops calls; switching to always is recorded with when', async () => {
    const customer = '+5511900000034';
    await fixture.service.requestPermission(fixture.ws, { from: LINE_NUMBER, to: customer }, OWNER);
    await fixture.service.sandbox.reply(fixture.ws, customer, 'accepted_temporary');
    await fixture.advance(60_000);
    await fixture.service.sandbox.reply(fixture.ws, customer, 'switched_always');
    expect(await permissionOf(customer)).toMatchObject({
      permission: { state: 'always' },
      origin: { source: 'provider', event: 'switched_always', at: fixture.now() },
    });
    await fixture.service.sandbox.reply(fixture.ws, customer, 'revoked');
    expect(await permissionOf(customer)).toMatchObject({
      permission: { state: 'revoked', revokedBy: 'customer' },
      origin: { event: 'revoked' },
    });
    expect(await call(customer)).toMatchObject({ ok: false, refusal: { rule: 'R15.revoked' } });
  });

  it("R14: a placed call's end closes its attempt with the outcome the provider reports", async () => {
    const customer = '+5511900000040'; // ends in 0: the sandbox's customer does not answer
    await fixture.service.sandbox.reply(fixture.ws, customer, 'accepted_always');
    const placed = await call(customer);
    if (!placed.ok) throw new Error(placed.refusal.message);
    expect(await fixture.service.getCall(fixture.ws, placed.call.callId)).toMatchObject({
      status: 'ringing',
    });
    await fixture.advance(4_000);
    expect(await fixture.service.getCall(fixture.ws, placed.call.callId)).toMatchObject({
      status: 'unanswered',
    });
    expect((await permissionOf(customer))?.permission.unansweredInRow).toBe(1);
  });
});

describe('number orders (R7)', () => {
  it('go requested → in process → active by the provider’s events, the line following', async () => {
    const { numbers } = await (
      await fixture.service.adapterFor(fixture.ws)
    ).searchNumbers({
      country: 'BR',
    });
    const number = numbers[0]!.number;
    const order = await fixture.service.orderNumber(fixture.ws, { country: 'BR', number }, ORIGIN);
    await fixture.store.putRecord(
      fixture.ws,
      'lines',
      'l-bought',
      {
        id: 'l-bought',
        kind: 'purchased',
        country: 'BR',
        number,
        status: 'requested',
        requestedAt: fixture.now(),
        orderId: order.orderId,
        createdAt: fixture.now(),
      },
      OWNER,
    );
    const status = async () => (await fixture.service.getOrder(fixture.ws, order.orderId))?.status;
    expect(await status()).toBe('requested');
    await fixture.advance(3_000);
    expect(await status()).toBe('in_process');
    await fixture.advance(7_000);
    expect(await status()).toBe('active');
    expect((await fixture.store.getRecord(fixture.ws, 'lines', 'l-bought'))?.record).toMatchObject({
      status: 'active',
    });
  });

  it('end failed with the reason stored', async () => {
    const { numbers } = await (
      await fixture.service.adapterFor(fixture.ws)
    ).searchNumbers({
      country: 'MX',
    });
    const failing = numbers.find((n) => n.number.endsWith('99'))!;
    const order = await fixture.service.orderNumber(
      fixture.ws,
      { country: 'MX', number: failing.number },
      ORIGIN,
    );
    await fixture.advance(10_000);
    expect(await fixture.service.getOrder(fixture.ws, order.orderId)).toMatchObject({
      status: 'failed',
      failureReason: 'regulatory_rejected',
    });
  });
});

describe('the sandbox across a restart', () => {
  it('R7: an order in process when the server stops is resumed: it goes active, and ids never repeat', async () => {
    const restarted = await providerFixture(await openPglite(), { ws: 'w-restart' });
    const { ws } = restarted;
    const adapter = async () => restarted.service.adapterFor(ws);
    const { numbers } = await (await adapter()).searchNumbers({ country: 'BR' });
    const number = numbers[0]!.number;
    const order = await restarted.service.orderNumber(ws, { country: 'BR', number }, ORIGIN);
    await restarted.store.putRecord(
      ws,
      'lines',
      'l-bought',
      {
        id: 'l-bought',
        kind: 'purchased',
        country: 'BR',
        number,
        status: 'requested',
        requestedAt: restarted.now(),
        orderId: order.orderId,
        createdAt: restarted.now(),
      },
      OWNER,
    );
    await restarted.advance(3_000);
    const status = async () => (await restarted.service.getOrder(ws, order.orderId))?.status;
    expect(await status()).toBe('in_process');

    // The server stops while the order is in process, and starts again: the provider still has it.
    await restarted.restart();
    expect(await status()).toBe('in_process');
    expect(await (await adapter()).getOrder(order.orderId)).toMatchObject({
      status: 'in_process',
    });
    // The number is still the account's: not offered again.
    const offered = (await (await adapter()).searchNumbers({ country: 'BR' })).numbers;
    expect(offered.map((n) => n.number)).not.toContain(number);
    // Its last event is delivered when due, as before the restart.
    await restarted.advance(60_000);
    expect(await status()).toBe('active');
    expect((await restarted.store.getRecord(ws, 'lines', 'l-bought'))?.record).toMatchObject({
      status: 'active',
    });
    // Settled: a later restart has nothing of it left to deliver.
    const { rows } = await restarted.db.query<{ settled: boolean }>(
      'SELECT settled FROM ws_sandbox_orders WHERE workspace_id = $1 AND order_id = $2',
      [ws, order.orderId],
    );
    expect(rows).toEqual([{ settled: true }]);

    // A new order after the restart gets a new id (an old one's events would count as applied).
    await restarted.restart();
    const next = await restarted.service.orderNumber(
      ws,
      { country: 'BR', number: offered[0]!.number },
      ORIGIN,
    );
    expect(next.orderId).not.toBe(order.orderId);
    // The resumed order is the account's: it can be released once active.
    await expect((await adapter()).releaseNumber(number)).resolves.toBeUndefined();
    await restarted.db.close();
  }, 60_000);

  it('keeps the WhatsApp lines it verified: a verified line still calls after a restart', async () => {
    const restarted = await providerFixture(await openPglite(), { ws: 'w-verified' });
    const adapter = async () => restarted.service.adapterFor(restarted.ws);
    const stranger = '+5511987650000';
    const place = async (from: string) =>
      (await adapter()).placeWhatsappCall({
        from,
        to: '+5511900000014',
        twimlUrl: `${ORIGIN}/voice/whatsapp/outbound`,
        statusCallbackUrl: `${ORIGIN}/provider/status`,
      });
    await restarted.restart();
    // The fixture's line was verified before the restart: it still places calls.
    await expect(place(LINE_NUMBER)).resolves.toHaveProperty('callId');
    // A line never verified is still refused.
    await expect(place(stranger)).rejects.toMatchObject({ code: 'whatsapp_not_verified' });
    await restarted.db.close();
  }, 60_000);
});

describe('provider events and webhooks', () => {
  const accountSid = `AC${'a1'.repeat(16)}`;
  const authToken = 'f'.repeat(32);
  const url = (kind: string) => `${ORIGIN}/provider/${fixture.ws}/webhooks/${kind}`;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  const signed = (kind: string, fields: Record<string, string>, secret = authToken) =>
    twilioSignature(secret, url(kind), Object.entries(fields));

  beforeAll(async () => {
    await fixture.service.credentials.save(
      fixture.ws,
      { accountSid, authToken },
      OWNER.name,
      fixture.now(),
    );
  });

  const deliver = (
    kind: 'permissions' | 'orders' | 'calls',
    fields: Record<string, string>,
    signature?: string,
  ) =>
    handleProviderWebhook(fixture.service, {
      ws: fixture.ws,
      kind,
      url: url(kind),
      form: form(fields),
      signature,
      now: fixture.now(),
    });

  it('are refused without the right signature, and the same event twice changes nothing', async () => {
    const customer = '+5511900000054';
    const fields = {
      MessageSid: 'SM0001',
      From: `whatsapp:${customer}`,
      To: `whatsapp:${LINE_NUMBER}`,
      CallPermissionResponse: 'accept',
      CallPermissionIsPermanent: 'true',
    };
    expect(await deliver('permissions', fields)).toMatchObject({ status: 403 });
    expect(
      await deliver('permissions', fields, signed('permissions', fields, 'e'.repeat(32))),
    ).toMatchObject({ status: 403 });
    expect(await permissionOf(customer)).toBeUndefined();

    expect(await deliver('permissions', fields, signed('permissions', fields))).toEqual({
      status: 200,
      body: 'accepted_always',
    });
    const first = (await fixture.store.getRecord(fixture.ws, 'permissions', customer))!;
    expect(first.record).toMatchObject({ state: 'always' });
    fixture.events.length = 0;
    expect(await deliver('permissions', fields, signed('permissions', fields))).toEqual({
      status: 200,
      body: 'duplicate',
    });
    const again = (await fixture.store.getRecord(fixture.ws, 'permissions', customer))!;
    expect(again.revision).toBe(first.revision);
    expect(fixture.events).toEqual([]);
  });

  it('R15: a reject after an acceptance is the customer withdrawing', async () => {
    const customer = '+5511900000054';
    const fields = {
      MessageSid: 'SM0002',
      From: `whatsapp:${customer}`,
      To: `whatsapp:${LINE_NUMBER}`,
      CallPermissionResponse: 'reject',
    };
    expect(await deliver('permissions', fields, signed('permissions', fields))).toEqual({
      status: 200,
      body: 'revoked',
    });
  });
});

describe('credentials at rest', () => {
  it('are sealed with AES-256-GCM, bound to their workspace, and never answered back', async () => {
    const status = await fixture.service.credentials.status(fixture.ws);
    expect(status).toMatchObject({ provider: 'twilio', credentials: { accountSidEnding: 'a1a1' } });
    expect(JSON.stringify(status)).not.toContain('f'.repeat(32));
    const { rows } = await fixture.db.query<{ sealed: string }>(
      'SELECT sealed FROM ws_provider_accounts WHERE workspace_id = $1',
      [fixture.ws],
    );
    expect(rows[0]!.sealed).not.toContain('ffff');
    expect(() => decryptSecret(key, rows[0]!.sealed, 'w-other')).toThrow(/do not decrypt/);
    expect(() => decryptSecret(randomBytes(32), rows[0]!.sealed, fixture.ws)).toThrow(
      /CALLBOT_SECRET_KEY is not the key/,
    );
    expect(decryptSecret(key, encryptSecret(key, 'secret', 'w'), 'w')).toBe('secret');
  });

  it('need a 32-byte key, and without one the sandbox is all there is', async () => {
    expect(readSecretKey(undefined)).toBeNull();
    expect(readSecretKey('ab'.repeat(32))).toHaveLength(32);
    expect(readSecretKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(() => readSecretKey('too short')).toThrow(/CALLBOT_SECRET_KEY must be 32 bytes/);
    const keyless = await providerFixture(await openPglite(), { secretKey: null, ws: 'w-keyless' });
    expect(await keyless.service.credentials.status(keyless.ws)).toMatchObject({
      provider: 'sandbox',
      canStoreCredentials: false,
    });
    await keyless.db.close();
  }, 60_000);
});

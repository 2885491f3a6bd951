import { describe, expect, it } from 'vitest';
import { createProviderClient, ProviderError, type Transport } from './client.ts';
import { createSandboxHandlers, sandboxTimings, type SandboxOptions } from './sandbox/handlers.ts';
import { sandboxTransport } from './sandbox/transport.ts';
import { SANDBOX_BASE_URL } from './settings.ts';

/** A sandbox whose time only moves when the test says so. */
function setup(options: SandboxOptions = {}) {
  let time = Date.parse('2026-03-02T12:00:00Z');
  const handlers = createSandboxHandlers({ delayMs: 0, now: () => time, ...options });
  const client = createProviderClient({
    baseUrl: SANDBOX_BASE_URL,
    transport: sandboxTransport(handlers),
    ...(options.requiredToken && { token: options.requiredToken }),
  });
  return {
    client,
    handlers,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** The rejection of `promise`, which must reject with a ProviderError. */
async function errorOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** A transport that answers every request with this JSON. */
const answering =
  (body: unknown, status = 200): Transport =>
  () =>
    Promise.resolve(Response.json(body, { status }));

describe('provider client against the sandbox', () => {
  it('lists countries with their calling code and monthly price', async () => {
    const { client } = setup();
    const countries = await client.listCountries();
    expect(countries.map((c) => c.code)).toEqual(['BR', 'MX', 'US', 'AR', 'CO', 'ES']);
    expect(countries[0]).toEqual({
      code: 'BR',
      name: 'Brazil',
      callingCode: '+55',
      monthlyPrice: { amount: 2500, currency: 'BRL' },
      numberTypes: ['local', 'tollfree', 'mobile'],
    });
  });

  it('R4: offers a page of numbers of the chosen country, filtered and paged', async () => {
    const { client } = setup();
    const first = await client.listAvailableNumbers({ country: 'BR' });
    expect(first.numbers).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    for (const n of first.numbers) {
      expect(n.number).toMatch(/^\+55\d{10,11}$/);
      expect(n.country).toBe('BR');
      expect(n.capabilities).toEqual(['voice']);
    }
    expect(first.numbers[0]!.type).toBe('local');
    const second = await client.listAvailableNumbers({ country: 'BR', cursor: first.nextCursor! });
    expect(second.numbers).toHaveLength(20);
    expect(second.nextCursor).toBeNull();
    const all = [...first.numbers, ...second.numbers].map((n) => n.number);
    expect(new Set(all).size).toBe(40);

    const contains = await client.listAvailableNumbers({ country: 'BR', contains: '113' });
    expect(contains.numbers.length).toBeGreaterThan(0);
    expect(contains.numbers.every((n) => n.number.slice(1).includes('113'))).toBe(true);
    const tollfree = await client.listAvailableNumbers({ country: 'BR', type: 'tollfree' });
    expect(tollfree.numbers.every((n) => n.type === 'tollfree' && n.locality === 'Toll free')).toBe(
      true,
    );
  });

  it('R5: every number for sale, in every country, carries voice only', async () => {
    const { client } = setup();
    for (const country of await client.listCountries()) {
      const { numbers } = await client.listAvailableNumbers({ country: country.code, limit: 50 });
      expect(numbers).toHaveLength(40);
      expect(numbers.every((n) => n.capabilities.join() === 'voice')).toBe(true);
      expect(numbers.every((n) => n.number.startsWith(country.callingCode))).toBe(true);
    }
  });

  it('offers the same numbers for the same seed, other numbers for another seed', async () => {
    const a = await setup({ seed: 1 }).client.listAvailableNumbers({ country: 'MX' });
    const b = await setup({ seed: 1 }).client.listAvailableNumbers({ country: 'MX' });
    const c = await setup({ seed: 2 }).client.listAvailableNumbers({ country: 'MX' });
    expect(a).toEqual(b);
    expect(c.numbers[0]!.number).not.toBe(a.numbers[0]!.number);
  });

  it('offers, with the default seed, the first Brazilian numbers the README names', async () => {
    const { numbers } = await setup().client.listAvailableNumbers({ country: 'BR', limit: 5 });
    expect(numbers.map((n) => n.number)).toEqual([
      '+553132500906',
      '+555133004729',
      '+553131992900',
      '+555139992596',
      '+551138455899',
    ]);
  });

  it('waits like a real provider: delayMs per answer, twice as long to verify', async () => {
    const { client } = setup({ delayMs: 60 });
    let started = performance.now();
    await client.listCountries();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    started = performance.now();
    await client.verifyWhatsappNumber('+5511987654325');
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('refuses a page size out of range, a body that is not JSON, and a path it does not serve', async () => {
    const { client, handlers } = setup();
    expect(await errorOf(client.listAvailableNumbers({ country: 'BR', limit: 51 }))).toMatchObject({
      code: 'invalid_request',
      message: 'limit: a whole number from 1 to 50',
    });
    const transport = sandboxTransport(handlers);
    const notJson = await transport(
      new Request(`${SANDBOX_BASE_URL}/v1/numbers/orders`, { method: 'POST', body: '{' }),
    );
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      error: { code: 'invalid_request', message: 'The body is not JSON.' },
    });
    const unknown = await transport(new Request(`${SANDBOX_BASE_URL}/v2/anything`));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('refuses a country it does not sell in as an invalid request', async () => {
    const error = await errorOf(setup().client.listAvailableNumbers({ country: 'FR' }));
    expect(error).toMatchObject({ code: 'invalid_request', status: 400, retryable: false });
    expect(error.message).toContain('FR');
  });

  it('R7: an order goes requested → in_process → active, and is released only when active', async () => {
    const { client, advance } = setup();
    const { numbers } = await client.listAvailableNumbers({ country: 'BR' });
    const number = numbers[0]!.number;
    const order = await client.orderNumber({ country: 'BR', number });
    expect(order).toMatchObject({
      number,
      country: 'BR',
      status: 'requested',
      failureReason: null,
    });
    expect(
      (await client.listAvailableNumbers({ country: 'BR' })).numbers.map((n) => n.number),
    ).not.toContain(number);

    const refused = await errorOf(client.releaseNumber(number));
    expect(refused).toMatchObject({ code: 'order_in_progress', status: 409 });
    expect(refused.message).toContain('requested');

    advance(sandboxTimings.orderInProcessAfterMs);
    expect((await client.getOrder(order.orderId)).status).toBe('in_process');
    expect(await errorOf(client.releaseNumber(number))).toMatchObject({
      code: 'order_in_progress',
    });

    advance(sandboxTimings.orderDoneAfterMs - sandboxTimings.orderInProcessAfterMs);
    const active = await client.getOrder(order.orderId);
    expect(active.status).toBe('active');
    expect(Date.parse(active.updatedAt) - Date.parse(active.createdAt)).toBe(
      sandboxTimings.orderDoneAfterMs,
    );

    await expect(client.releaseNumber(number)).resolves.toBeUndefined();
    expect(await errorOf(client.releaseNumber(number))).toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });

  it('answers 409 number_taken when the number was bought meanwhile (numbers ending in 00)', async () => {
    const { client } = setup();
    const { numbers } = await client.listAvailableNumbers({ country: 'US' });
    const taken = numbers[2]!.number;
    expect(taken).toMatch(/00$/);
    const error = await errorOf(client.orderNumber({ country: 'US', number: taken }));
    expect(error).toMatchObject({ code: 'number_taken', status: 409, retryable: false });
    const after = await client.listAvailableNumbers({ country: 'US' });
    expect(after.numbers.map((n) => n.number)).not.toContain(taken);
  });

  it('answers 409 number_taken for a number already ordered', async () => {
    const { client } = setup();
    const { numbers } = await client.listAvailableNumbers({ country: 'ES' });
    await client.orderNumber({ country: 'ES', number: numbers[0]!.number });
    expect(
      await errorOf(client.orderNumber({ country: 'ES', number: numbers[0]!.number })),
    ).toMatchObject({ code: 'number_taken' });
  });

  it('R7: an order of a number ending in 99 fails with a reason, and there is nothing to release', async () => {
    const { client, advance } = setup();
    const { numbers } = await client.listAvailableNumbers({ country: 'BR' });
    const number = numbers[4]!.number;
    expect(number).toMatch(/99$/);
    const order = await client.orderNumber({ country: 'BR', number });
    advance(sandboxTimings.orderInProcessAfterMs);
    expect((await client.getOrder(order.orderId)).status).toBe('in_process');
    advance(sandboxTimings.orderDoneAfterMs);
    expect(await client.getOrder(order.orderId)).toMatchObject({
      status: 'failed',
      failureReason: 'regulatory_rejected',
    });
    expect(await errorOf(client.releaseNumber(number))).toMatchObject({ code: 'not_found' });
  });

  it('answers 404 not_found for an unknown order', async () => {
    expect(await errorOf(setup().client.getOrder('ord_nope'))).toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });

  it('R1: verifies a WhatsApp Business number with calling', async () => {
    const { client } = setup();
    expect(await client.verifyWhatsappNumber('+5511987654325')).toEqual({
      number: '+5511987654325',
      business: true,
      calling: true,
      displayName: expect.any(String) as string,
    });
  });

  it.each([
    ['+5511987654321', 'personal_account', 'personal WhatsApp'],
    ['+5511987654322', 'calling_not_enabled', 'without calling'],
    ['+5511987654323', 'not_on_whatsapp', 'not on WhatsApp'],
  ])('R1: refuses to verify %s (%s)', async (number, reason, says) => {
    const error = await errorOf(setup().client.verifyWhatsappNumber(number));
    expect(error).toMatchObject({ code: 'verification_refused', status: 422, reason });
    expect(error.message).toContain(says);
  });

  it('refuses a number that is not E.164, naming the field', async () => {
    const error = await errorOf(setup().client.verifyWhatsappNumber('011 98765'));
    expect(error).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(error.message).toMatch(/^number: /);
  });

  it('places a WhatsApp call from a verified line: ringing, then answered', async () => {
    const { client, advance } = setup();
    await client.verifyWhatsappNumber('+5511987654325');
    const call = await client.placeWhatsappCall({ from: '+5511987654325', to: '+5521998765432' });
    expect(call).toMatchObject({ status: 'ringing', endedAt: null });
    advance(sandboxTimings.callRingMs - 1);
    expect((await client.getWhatsappCall(call.callId)).status).toBe('ringing');
    advance(1);
    expect(await client.getWhatsappCall(call.callId)).toMatchObject({
      status: 'answered',
      failureReason: null,
    });
  });

  it('a WhatsApp call to a number ending in 0 is unanswered, in 9 fails', async () => {
    const { client, advance } = setup();
    await client.verifyWhatsappNumber('+5511987654325');
    const unanswered = await client.placeWhatsappCall({
      from: '+5511987654325',
      to: '+5521998765430',
    });
    const failed = await client.placeWhatsappCall({ from: '+5511987654325', to: '+5521998765439' });
    advance(sandboxTimings.callRingMs);
    expect((await client.getWhatsappCall(unanswered.callId)).status).toBe('unanswered');
    expect(await client.getWhatsappCall(failed.callId)).toMatchObject({
      status: 'failed',
      failureReason: 'unreachable',
    });
  });

  it('refuses a WhatsApp call from a line that was not verified', async () => {
    const error = await errorOf(
      setup().client.placeWhatsappCall({ from: '+5511987654325', to: '+5521998765432' }),
    );
    expect(error).toMatchObject({ code: 'whatsapp_not_verified', status: 422 });
  });

  it('R13: sends the invitation template; the customer accepts, or declines (ending in 8)', async () => {
    const { client, advance } = setup();
    await client.verifyWhatsappNumber('+5511987654325');
    const accepted = await client.requestCallPermission({
      from: '+5511987654325',
      to: '+5521998765432',
    });
    expect(accepted).toMatchObject({
      status: 'sent',
      template: { name: 'call_permission_request' },
      answeredAt: null,
    });
    const declined = await client.requestCallPermission({
      from: '+5511987654325',
      to: '+5521998765438',
    });
    advance(sandboxTimings.permissionAnswerAfterMs);
    expect((await client.getPermissionRequest(accepted.requestId)).status).toBe('accepted');
    expect((await client.getPermissionRequest(declined.requestId)).status).toBe('declined');
  });

  it('checks whether a SIP host is reachable', async () => {
    const { client } = setup();
    expect(
      await client.checkSip({ host: 'pbx.example.com', port: 5060, transport: 'udp' }),
    ).toMatchObject({ reachable: true, latencyMs: expect.any(Number) as number });
    expect(await client.checkSip({ host: 'pbx.invalid', port: 5060, transport: 'tcp' })).toEqual({
      reachable: false,
      reason: 'dns_not_found',
    });
    expect(await client.checkSip({ host: '192.168.1.10', port: 5061, transport: 'tls' })).toEqual({
      reachable: false,
      reason: 'private_address',
    });
    expect(
      await client.checkSip({ host: 'unreachable.example.com', port: 5060, transport: 'udp' }),
    ).toEqual({ reachable: false, reason: 'timeout' });
    expect(
      await errorOf(client.checkSip({ host: 'pbx.example.com', port: 70000, transport: 'udp' })),
    ).toMatchObject({ code: 'invalid_request' });
  });

  it('refuses requests without the bearer token when the sandbox requires one', async () => {
    const handlers = createSandboxHandlers({ delayMs: 0, requiredToken: 'secret' });
    const without = createProviderClient({
      baseUrl: SANDBOX_BASE_URL,
      transport: sandboxTransport(handlers),
    });
    expect(await errorOf(without.listCountries())).toMatchObject({
      code: 'unauthorized',
      status: 401,
    });
    const withToken = createProviderClient({
      baseUrl: SANDBOX_BASE_URL,
      token: 'secret',
      transport: sandboxTransport(handlers),
    });
    expect(await withToken.listCountries()).toHaveLength(6);
  });

  it('keeps its state in the storage it is given, across a reload', async () => {
    const storage = new Map<string, string>();
    const store = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    };
    const before = setup({ storage: store });
    const { numbers } = await before.client.listAvailableNumbers({ country: 'CO' });
    const order = await before.client.orderNumber({ country: 'CO', number: numbers[0]!.number });
    const after = setup({ storage: store });
    expect((await after.client.getOrder(order.orderId)).number).toBe(numbers[0]!.number);
    const next = await after.client.orderNumber({ country: 'CO', number: numbers[1]!.number });
    expect(next.orderId).not.toBe(order.orderId);
  });
});

describe('provider client: answers it does not trust', () => {
  it('refuses a malformed answer, naming the field', async () => {
    const client = createProviderClient({
      baseUrl: 'https://api.provider.test',
      transport: answering({
        countries: [
          {
            code: 'BR',
            name: 'Brazil',
            callingCode: '+55',
            monthlyPrice: { amount: '25.00', currency: 'BRL' },
            numberTypes: ['local'],
          },
        ],
      }),
    });
    const error = await errorOf(client.listCountries());
    expect(error).toMatchObject({ code: 'bad_response', status: 200, retryable: false });
    expect(error.message).toContain('GET /v1/countries');
    expect(error.message).toContain('countries.0.monthlyPrice.amount');
  });

  it('refuses an answer that is not JSON', async () => {
    const client = createProviderClient({
      baseUrl: 'https://api.provider.test',
      transport: () => Promise.resolve(new Response('<html>hello</html>')),
    });
    const error = await errorOf(client.getOrder('ord_1'));
    expect(error).toMatchObject({ code: 'bad_response' });
    expect(error.message).toContain('not JSON');
  });

  it('maps an error without the documented body by its status, and 5xx as retryable', async () => {
    const client = (status: number) =>
      createProviderClient({
        baseUrl: 'https://api.provider.test',
        transport: () => Promise.resolve(new Response('oops', { status })),
      });
    expect(await errorOf(client(503).listCountries())).toMatchObject({
      code: 'unknown',
      status: 503,
      retryable: true,
    });
    expect(await errorOf(client(401).listCountries())).toMatchObject({ code: 'unauthorized' });
  });

  it('keeps the provider’s error code, and rate limits are retryable', async () => {
    const client = createProviderClient({
      baseUrl: 'https://api.provider.test',
      transport: answering({ error: { code: 'rate_limited', message: 'Slow down.' } }, 429),
    });
    expect(await errorOf(client.listCountries())).toMatchObject({
      code: 'rate_limited',
      status: 429,
      message: 'Slow down.',
      retryable: true,
    });
  });

  it('sends the bearer token, JSON bodies and encoded path segments to the base URL', async () => {
    const seen: Request[] = [];
    const client = createProviderClient({
      baseUrl: 'https://api.provider.test/base/',
      token: 't0k',
      transport: (request) => {
        seen.push(request);
        return Promise.resolve(new Response(null, { status: 204 }));
      },
    });
    await client.releaseNumber('+5511300000001');
    expect(seen[0]!.url).toBe('https://api.provider.test/base/v1/numbers/%2B5511300000001');
    expect(seen[0]!.method).toBe('DELETE');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer t0k');
  });

  it('gives up after the timeout with a retryable timeout error', async () => {
    const { handlers } = setup({ delayMs: 500 });
    const client = createProviderClient({
      baseUrl: SANDBOX_BASE_URL,
      transport: sandboxTransport(handlers),
      timeoutMs: 30,
    });
    const started = performance.now();
    const error = await errorOf(client.listCountries());
    expect(performance.now() - started).toBeLessThan(400);
    expect(error).toMatchObject({ code: 'timeout', status: 0, retryable: true });
    expect(error.message).toContain('30 ms');
  });

  it('stops when the caller aborts, with the caller’s reason', async () => {
    const { handlers } = setup({ delayMs: 500 });
    const client = createProviderClient({
      baseUrl: SANDBOX_BASE_URL,
      transport: sandboxTransport(handlers),
    });
    const controller = new AbortController();
    const pending = client.listCountries({ signal: controller.signal });
    controller.abort(new Error('page closed'));
    await expect(pending).rejects.toThrow('page closed');
  });

  it('reports a transport failure as a retryable network error', async () => {
    const client = createProviderClient({
      baseUrl: 'https://api.provider.test',
      transport: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(await errorOf(client.listCountries())).toMatchObject({
      code: 'network',
      status: 0,
      retryable: true,
    });
  });
});

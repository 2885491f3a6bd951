import { afterEach, describe, expect, it } from 'vitest';
import { providerClientFor } from './index.ts';
import { SANDBOX_STORAGE_KEY } from './sandbox/handlers.ts';
import { sandboxForStories } from './sandbox/stories.ts';

afterEach(() => localStorage.clear());

describe('the provider client the designer uses', () => {
  it('answers from the in-process sandbox by default, keeping its orders in this browser', async () => {
    const client = providerClientFor({ mode: 'sandbox', baseUrl: '', token: '' });
    const { numbers } = await client.listAvailableNumbers({ country: 'BR', limit: 1 });
    const order = await client.orderNumber({ country: 'BR', number: numbers[0]!.number });
    expect(order.status).toBe('requested');
    // Another client of the app sees the same sandbox.
    const other = providerClientFor({ mode: 'sandbox', baseUrl: '', token: '' });
    expect((await other.getOrder(order.orderId)).number).toBe(numbers[0]!.number);
    expect(localStorage.getItem(SANDBOX_STORAGE_KEY)).toContain(order.orderId);
  });

  it('goes over fetch to the base URL of a remote provider', async () => {
    const client = providerClientFor({
      mode: 'remote',
      baseUrl: 'http://127.0.0.1:9',
      token: 'secret',
    });
    await expect(client.listCountries()).rejects.toMatchObject({ code: 'network' });
  });
});

describe('sandboxForStories', () => {
  it('gives a fresh sandbox and its client, with no delay when asked', async () => {
    const first = sandboxForStories({ delayMs: 0 });
    const { numbers } = await first.client.listAvailableNumbers({ country: 'MX', limit: 1 });
    await first.client.orderNumber({ country: 'MX', number: numbers[0]!.number });
    const second = sandboxForStories({ delayMs: 0 });
    const again = await second.client.listAvailableNumbers({ country: 'MX', limit: 1 });
    expect(again.numbers[0]!.number).toBe(numbers[0]!.number);
    expect(second.handlers.length).toBeGreaterThan(5);
  });
});

import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import { createTestRepository } from '../../persistence/testing.ts';
import { readAnalyticsChoice } from './AnalyticsView.tsx';
import { CallsViews } from './CallsPage.tsx';
import { CallsClientProvider } from './callsContext.ts';
import { analyticsOf, createFakeCallsClient, receptionCalls } from './testing.ts';

function show(query: string) {
  const calls = receptionCalls();
  const asked: Record<string, unknown>[] = [];
  const client = createFakeCallsClient(calls, {
    analytics: (q) => {
      asked.push(q);
      return analyticsOf(
        calls,
        String(q.callbot),
        typeof q.version === 'number' ? q.version : null,
      );
    },
  });
  render(
    <RepositoryProvider repository={createTestRepository().repo}>
      <CallsClientProvider value={client}>
        <CallsViews view="analytics" query={query} />
      </CallsClientProvider>
    </RepositoryProvider>,
  );
  return { asked };
}

describe('flow analytics', () => {
  it('counts the calls on the canvas, the menu’s rates and where callers hung up', async () => {
    const { asked } = show('callbot=reception&version=1&from=2026-11-15&to=2026-12-14');
    const side = await screen.findByRole('region', { name: 'reception v1' });
    await within(side).findByText(/3 calls/);
    expect(asked[0]).toEqual({
      callbot: 'reception',
      version: 1,
      from: '2026-11-15',
      to: '2026-12-14',
    });
    // Every call came to the greeting: its badge says 3.
    await expect
      .poll(() => document.querySelector('[data-node="greeting"]')?.textContent)
      .toBe('3');
    const menus = within(side).getByRole('table', { name: 'Menus' });
    const menuRow = within(menus).getAllByRole('row')[1]!;
    const [calls, noInput, noMatch] = within(menuRow).getAllByRole('cell');
    expect(calls?.textContent).toBe('3');
    // The silent caller's two no-inputs and the wrong key, over the menu's visits.
    expect(noInput?.textContent).toMatch(/^\d+%$/);
    expect(noInput?.textContent).not.toBe('0%');
    expect(noMatch?.textContent).not.toBe('0%');
    const dropOff = within(side).getByRole('table', { name: 'Where callers hung up' });
    expect(
      within(dropOff)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Node', 'Callers who hung up']);
    expect(within(dropOff).getAllByRole('row')[1]!.querySelector('td')?.textContent).toBe('1');
    // Outcomes by hour and by day, said in words for screen readers.
    expect(
      within(side).getByRole('img', { name: /^Outcomes by hour of day: 3 calls;/ }),
    ).toBeTruthy();
    expect(within(side).getByRole('img', { name: /^Outcomes by day: 3 calls;/ })).toBeTruthy();
  });

  it('draws a second version beside the first', async () => {
    const { asked } = show('callbot=reception&version=1&compare=2&from=2026-11-15&to=2026-12-14');
    await screen.findByRole('region', { name: 'reception v1' });
    await screen.findByRole('region', { name: 'reception v2' });
    await expect.poll(() => asked.map((q) => q.version).sort()).toEqual([1, 2]);
  });

  it('reads the period from the URL, the last 30 days otherwise', () => {
    expect(readAnalyticsChoice('', new Date(2026, 11, 7))).toEqual({
      from: '2026-11-08',
      to: '2026-12-07',
    });
    expect(
      readAnalyticsChoice(
        'callbot=x&version=0&compare=2&from=2026-01-01&to=bad',
        new Date(2026, 11, 7),
      ),
    ).toEqual({
      callbot: 'x',
      compare: 2,
      from: '2026-01-01',
      to: '2026-12-07',
    });
  });
});

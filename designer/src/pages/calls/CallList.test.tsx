import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import { createTestRepository } from '../../persistence/testing.ts';
import { CallsViews } from './CallsPage.tsx';
import { CallsClientProvider } from './callsContext.ts';
import { createFakeCallsClient, receptionCalls } from './testing.ts';

afterEach(() => {
  window.location.hash = '';
});

function show(query: string, pageSize = 50) {
  const client = createFakeCallsClient(receptionCalls(), { pageSize });
  const { repo } = createTestRepository();
  const view = (q: string) => (
    <RepositoryProvider repository={repo}>
      <CallsClientProvider value={client}>
        <CallsViews view="list" query={q} />
      </CallsClientProvider>
    </RepositoryProvider>
  );
  const rendered = render(view(query));
  /** The page again with the URL's query, as the app does on a hash change. */
  const follow = () => rendered.rerender(view(window.location.hash.split('?')[1] ?? ''));
  return { client, follow, user: userEvent.setup() };
}

const rows = () => screen.getAllByRole('row').slice(1);

describe('the calls list', () => {
  it('lists the calls newest first, with outcome, where they ended, duration and cost', async () => {
    show('');
    await screen.findByRole('table', { name: 'Calls' });
    expect(rows()).toHaveLength(3);
    const [wrong, silent, sales] = rows();
    expect(within(wrong!).getByRole('cell', { name: 'Caller hung up' })).toBeTruthy();
    expect(within(silent!).getByRole('cell', { name: 'Ended by the bot' })).toBeTruthy();
    expect(within(sales!).getByRole('cell', { name: 'Transferred' })).toBeTruthy();
    expect(within(sales!).getByRole('link', { name: 'Open call CA-sales' })).toBeTruthy();
    expect(within(sales!).getAllByRole('cell').at(-1)?.textContent).toMatch(/R\$\s?0,12|0\.12/);
  });

  it('keeps a filter in the URL and asks the server with it; the CSV takes the same filters', async () => {
    const { client, follow, user } = show('');
    await screen.findByRole('table', { name: 'Calls' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'caller_hung_up');
    expect(window.location.hash).toBe('#/calls?outcome=caller_hung_up');
    follow();
    await expect.poll(() => rows().length).toBe(1);
    expect(client.asked.at(-1)?.get('outcome')).toBe('caller_hung_up');
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toContain(
      'outcome=caller_hung_up',
    );
    expect(screen.getByRole('combobox', { name: 'Outcome' })).toHaveProperty(
      'value',
      'caller_hung_up',
    );
  });

  it('sorts by a column, then the other way, saying which', async () => {
    const { client, follow, user } = show('');
    await screen.findByRole('table', { name: 'Calls' });
    await user.click(screen.getByRole('button', { name: 'Sort by Duration' }));
    follow();
    await expect.poll(() => client.asked.at(-1)?.get('sort')).toBe('duration');
    expect(screen.getByRole('columnheader', { name: /Duration/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await user.click(screen.getByRole('button', { name: 'Sort by Duration' }));
    follow();
    await expect.poll(() => client.asked.at(-1)?.get('order')).toBe('asc');
  });

  it('pages from the server, and back', async () => {
    const { follow, user } = show('', 2);
    await screen.findByRole('table', { name: 'Calls' });
    expect(rows()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    follow();
    await expect.poll(() => rows().length).toBe(1);
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    follow();
    await expect.poll(() => rows().length).toBe(2);
  });
});

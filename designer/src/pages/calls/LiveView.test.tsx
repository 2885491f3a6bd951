import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import type { FlowDocument, LiveCalls } from '@callbot/shared';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import { createTestRepository } from '../../persistence/testing.ts';
import { CallsClientProvider } from './callsContext.ts';
import { callsAtNodes, LiveView, type LiveSource } from './LiveView.tsx';
import { createFakeCallsClient } from './testing.ts';

const call = (sid: string, node: string, state: 'speaking' | 'listening' | 'queued') => ({
  sid,
  startedAt: '2026-12-07T13:00:00.000Z',
  callbot: 'flow-1',
  version: 1,
  line: '+551130000000',
  channel: 'line' as const,
  direction: 'inbound' as const,
  node,
  state,
});
const message = (calls: LiveCalls['calls']): LiveCalls => ({
  type: 'live',
  at: '2026-12-07T13:00:05.000Z',
  calls,
  counts: {
    speaking: calls.filter((c) => c.state === 'speaking').length,
    listening: calls.filter((c) => c.state === 'listening').length,
    queued: calls.filter((c) => c.state === 'queued').length,
  },
});

describe('calls now', () => {
  it('counts the callers listened to, spoken to and queued, and follows the stream as calls move', async () => {
    const sources: LiveSource[] = [];
    const open = (url: string) => {
      expect(url).toBe('/calls/live');
      const source: LiveSource = { onmessage: null, onerror: null, onopen: null, close: () => {} };
      sources.push(source);
      return source;
    };
    const { repo } = createTestRepository();
    await repo.ensureExample();
    render(
      <RepositoryProvider repository={repo}>
        <CallsClientProvider value={createFakeCallsClient([])}>
          <LiveView openStream={open} />
        </CallsClientProvider>
      </RepositoryProvider>,
    );
    const say = (calls: LiveCalls['calls']) =>
      act(() => sources[0]!.onmessage?.({ data: JSON.stringify(message(calls)) }));
    say([
      call('a', 'menu', 'listening'),
      call('b', 'menu', 'listening'),
      call('c', 't-vendas', 'queued'),
    ]);
    const count = (name: string) =>
      screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(count('Listening')).toBe('2');
    expect(count('Queued')).toBe('1');
    expect(screen.getAllByRole('row')).toHaveLength(4);
    await screen.findByRole('region', { name: /Calls in progress on/ });
    await expect.poll(() => document.querySelector('[data-node="menu"]')?.textContent).toBe('2');

    // A call moves on, another ends: the next message says so.
    say([call('a', 'menu', 'speaking'), call('c', 't-vendas', 'queued')]);
    expect(count('Listening')).toBe('0');
    expect(count('Speaking')).toBe('1');
    await expect.poll(() => document.querySelector('[data-node="menu"]')?.textContent).toBe('1');
    // Not a message of this stream: nothing changes.
    act(() => sources[0]!.onmessage?.({ data: '{"type":"other"}' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
  });

  it('says where each call is by the node’s name in the version it runs, never by its id', async () => {
    const sources: LiveSource[] = [];
    const open = () => {
      const source: LiveSource = { onmessage: null, onerror: null, onopen: null, close: () => {} };
      sources.push(source);
      return source;
    };
    // Version 2 took the menu's label away: the menu goes by its kind's name.
    const unlabelled: FlowDocument = {
      ...examples.reception,
      nodes: examples.reception.nodes.map((node) => {
        if (node.id !== 'menu') return node;
        const { label: _dropped, ...unnamed } = node;
        return unnamed;
      }),
    };
    const client = createFakeCallsClient([], {
      docs: new Map([
        ['reception@1', examples.reception],
        ['reception@2', unlabelled],
      ]),
    });
    const { repo } = createTestRepository();
    render(
      <RepositoryProvider repository={repo}>
        <CallsClientProvider value={client}>
          <LiveView openStream={open} />
        </CallsClientProvider>
      </RepositoryProvider>,
    );
    act(() =>
      sources[0]!.onmessage?.({
        data: JSON.stringify(
          message([
            { ...call('a', 't-suporte', 'queued'), callbot: 'reception' },
            { ...call('b', 'menu', 'listening'), callbot: 'reception', version: 2 },
            // A version the server keeps no more: its node can only go by its id.
            { ...call('c', 'gone-node', 'speaking'), callbot: 'reception', version: 9 },
          ]),
        ),
      }),
    );
    const table = screen.getByRole('table');
    const at = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[2]!.textContent);
    await expect.poll(at).toEqual(['Equipe de suporte', 'Button menu', 'gone-node']);
    expect(within(table).queryByText('t-suporte')).toBeNull();
    expect(within(table).queryByText('menu')).toBeNull();
  });

  it('counts the calls at each node of one callbot', () => {
    const live = message([
      call('a', 'menu', 'listening'),
      { ...call('b', 'menu', 'speaking'), callbot: 'other' },
    ]);
    expect(callsAtNodes(live, 'flow-1')).toEqual(new Map([['menu', 1]]));
  });
});

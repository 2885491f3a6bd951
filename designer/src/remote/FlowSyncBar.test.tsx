import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@callbot/shared';
import { RepositoryProvider } from '../app/RepositoryContext.tsx';
import { FakeWorkspaceServer, openBrowser } from '../persistence/remote/testing.ts';
import { FlowSyncBar } from './FlowSyncBar.tsx';

const ana = { id: 'u-ana', name: 'Ana' };

describe('FlowSyncBar', () => {
  it('R2: says when a save turned WhatsApp calls off on the lines the flow answers, until dismissed', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const flow = await browser.repo.create('Recepção');
    await browser.outbox.flush();
    render(
      <RepositoryProvider repository={browser.repo}>
        <FlowSyncBar flowId={flow.id} idle flush={() => browser.outbox.flush()} reopen={() => {}} />
      </RepositoryProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();

    // The save drops the schedule the line's checklist needed: the server turns calls off.
    server.turnsCallsOff = (doc: FlowDocument) =>
      doc.nodes.some((n) => n.kind === 'message')
        ? [
            {
              lineId: 'w1',
              number: '+551130030004',
              missing: ['openingHours', 'teamWithAgents'],
              message: 'WhatsApp calls on +551130030004 were turned off.',
            },
          ]
        : [];
    const opened = await browser.repo.open(flow.id);
    const doc: FlowDocument = {
      ...opened.doc,
      nodes: [
        ...opened.doc.nodes,
        { id: 'm', kind: 'message', data: { text: 'Oi' }, connections: {} },
      ],
    };
    await browser.repo.save(flow.id, doc, opened.revision);
    await browser.outbox.flush();
    expect(browser.outbox.state.callsTurnedOff).toEqual([
      { flowId: flow.id, lines: [expect.objectContaining({ lineId: 'w1' })] },
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Saved, and WhatsApp calls on +55 11 3003 0004 were turned off: this flow answers that line and now lacks a check of a schedule with opening hours and a transfer to teams that exist and have agents (R2).',
    );
    expect(
      within(alert).getByRole('link', { name: 'Open Calls by WhatsApp' }).getAttribute('href'),
    ).toBe('#/channels/whatsapp');
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});

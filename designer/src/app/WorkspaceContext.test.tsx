import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ChangeTable } from '@callbot/shared';
import { useLines } from '../pages/channels/data.ts';
import { FakeWorkspaceServer, openBrowser } from '../persistence/remote/testing.ts';
import { useTeams, WorkspaceProvider } from './WorkspaceContext.tsx';

const ana = { id: 'u-ana', name: 'Ana' };
const bruno = { id: 'u-bruno', name: 'Bruno' };

function TeamsAndLines() {
  const teams = useTeams().value;
  const lines = useLines().value;
  return (
    <p>{teams && lines ? `${teams.items.length} teams, ${lines.items.length} lines` : 'loading'}</p>
  );
}

describe('the workspace reads of a page, on a server', () => {
  it('read again only what an event names, and not for this page’s own saves', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const teams = vi.spyOn(browser.workspace, 'listTeams');
    const lines = vi.spyOn(browser.workspace, 'listLines');
    render(
      <WorkspaceProvider repository={browser.workspace}>
        <TeamsAndLines />
      </WorkspaceProvider>,
    );
    await screen.findByText('0 teams, 0 lines');
    expect([teams.mock.calls.length, lines.mock.calls.length]).toEqual([1, 1]);

    const event = (table: ChangeTable, client: string) =>
      browser.workspace.sync.receive({
        type: 'change',
        table,
        id: 'x',
        revision: 1,
        deleted: false,
        by: bruno,
        client,
      });
    // Bruno added a line: the lines are read again, the teams are not.
    event('lines', 'u-bruno-page');
    await waitFor(() => expect(lines).toHaveBeenCalledTimes(2));
    // This page's own team, echoed by the stream: nothing is read again.
    event('teams', browser.clientId);
    // Bruno's team: the teams are read again, once.
    event('teams', 'u-bruno-page');
    await waitFor(() => expect(teams).toHaveBeenCalledTimes(2));
    expect([teams.mock.calls.length, lines.mock.calls.length]).toEqual([2, 2]);
  });
});

import { render, screen, within } from '@testing-library/react';
import { examples } from '@callbot/runtime';
import { describe, expect, it } from 'vitest';
import { WorkspaceProvider } from '../app/WorkspaceContext.tsx';
import { i18n } from '../i18n/index.ts';
import { NodePreview } from '../nodes/NodePreview.tsx';
import { openBrowser, FakeWorkspaceServer } from '../persistence/remote/testing.ts';
import { measureElementsInJsdom } from './jsdomLayout.ts';
import { NodeViewProvider } from './NodeFrame.tsx';
import { useWorkspaceNames } from './workspaceNames.ts';

measureElementsInJsdom();

const node = (id: string) => examples.reception.nodes.find((n) => n.id === id)!;

/** The example's transfer and fallback bot, drawn with the workspace's names. */
function Drawn() {
  const nameOf = useWorkspaceNames();
  return (
    <NodeViewProvider value={{ t: i18n.t, zoomedOut: false, nameOf }}>
      <NodePreview node={node('t-vendas')} />
      <NodePreview node={node('bot-fora')} />
      <NodePreview node={node('t-suporte')} />
    </NodeViewProvider>
  );
}

describe('node views name teams and bots as the workspace does', () => {
  it('shows the workspace’s name for a reference written by id or in other case, and a missing one as written', async () => {
    const browser = openBrowser(new FakeWorkspaceServer(), { id: 'u-ana', name: 'Ana' });
    await browser.workspace.createTeam({ name: 'Vendas', agents: 2 });
    await browser.workspace.createBot({ name: 'BOT-FORA-DO-HORARIO' });
    render(
      <WorkspaceProvider repository={browser.workspace}>
        <Drawn />
      </WorkspaceProvider>,
    );
    const sales = screen.getByRole('group', { name: 'Transfer to team: Equipe de vendas' });
    await expect.poll(() => within(sales).getByRole('definition').textContent).toBe('Vendas');
    const bot = screen.getByRole('group', { name: 'Fallback bot: Bot fora do horário' });
    expect(within(bot).getByRole('definition').textContent).toBe('BOT-FORA-DO-HORARIO');
    // No such team in the workspace: the node says what the flow wrote (the checks say it is missing).
    const support = screen.getByRole('group', { name: 'Transfer to team: Equipe de suporte' });
    expect(within(support).getByRole('definition').textContent).toBe('suporte');
  });
});

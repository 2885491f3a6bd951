import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { examples } from '@callbot/runtime';
import type { FlowNode } from '@callbot/shared';
import { measureElementsInJsdom } from '../../canvas/jsdomLayout.ts';
import { NodePreview } from '../NodePreview.tsx';

measureElementsInJsdom();

const transfer = examples.reception.nodes.find((n) => n.id === 't-vendas')!;

describe('TransferNodeView', () => {
  it('shows the team, and the no agents and failed outputs', () => {
    render(<NodePreview node={transfer} />);
    const node = screen.getByRole('group', { name: 'Transfer to team: Equipe de vendas' });
    expect(within(node).getByRole('term').textContent).toBe('Team');
    expect(within(node).getByRole('definition').textContent).toBe('vendas');
    expect(
      within(node)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['no agents', 'failed']);
  });

  it('says when no team is chosen, and shows the badge it then gets', () => {
    const noTeam: FlowNode = { id: 't', kind: 'transfer', data: { team: ' ' }, connections: {} };
    render(<NodePreview node={noTeam} badge={{ errors: 1, warnings: 2 }} />);
    const node = screen.getByRole('group', { name: 'Transfer to team: t' });
    expect(within(node).getByRole('definition').textContent).toBe('none yet');
    expect(within(node).getByRole('img', { name: '1 error' })).toBeDefined();
    expect(within(node).getByRole('img', { name: '2 warnings' })).toBeDefined();
  });
});

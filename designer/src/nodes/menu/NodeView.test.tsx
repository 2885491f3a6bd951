import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { examples } from '@callbot/runtime';
import type { NodeOfKind } from '@callbot/shared';
import { measureElementsInJsdom } from '../../canvas/jsdomLayout.ts';
import { NodePreview } from '../NodePreview.tsx';

measureElementsInJsdom();

const menu = examples.reception.nodes.find((n) => n.id === 'menu') as NodeOfKind<'menu'>;

describe('MenuNodeView', () => {
  it('shows the prompt, and each option key with its name and keywords', () => {
    render(<NodePreview node={menu} />);
    const node = screen.getByRole('group', { name: 'Button menu: Menu principal' });
    expect(node.textContent).toContain('Para vendas, digite 1. Para suporte, digite 2.');
    const keys = within(node)
      .getAllByRole('term')
      .map((dt) => dt.textContent);
    const names = within(node)
      .getAllByRole('definition')
      .map((dd) => dd.textContent);
    expect(keys).toEqual(['1', '2']);
    expect(names).toEqual(['Vendas · “vendas”', 'Suporte · “suporte”']);
  });

  it('has one labelled output per option, then no input and no match', () => {
    render(<NodePreview node={menu} />);
    const outputs = screen.getByRole('list', { name: 'Outputs' });
    expect(
      within(outputs)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['1 · Vendas', '2 · Suporte', 'no input', 'no match']);
    expect(outputs.querySelectorAll('.react-flow__handle.source')).toHaveLength(4);
  });

  it('shows a key with keywords and no name, and a menu without options', () => {
    const bare: NodeOfKind<'menu'> = {
      ...menu,
      data: { ...menu.data, options: [{ id: 'x', key: '9', keywords: ['falar', 'atendente'] }] },
    };
    const { unmount } = render(<NodePreview node={bare} />);
    expect(screen.getByText('“falar”, “atendente”')).toBeDefined();
    unmount();
    render(<NodePreview node={{ ...menu, data: { ...menu.data, options: [] } }} />);
    expect(screen.getByText('No options yet')).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import type { FlowNode } from '@callbot/shared';
import { measureElementsInJsdom } from '../../canvas/jsdomLayout.ts';
import { NodePreview } from '../NodePreview.tsx';

measureElementsInJsdom();

describe('GreetingNodeView', () => {
  it('shows the text as text, how long it takes to say, and an input and a next handle', () => {
    const greeting: FlowNode = {
      id: 'greeting',
      kind: 'greeting',
      label: '<b>Start</b>',
      // 12 words: about 5 s at 150 words a minute.
      data: { text: '<img src=x onerror=alert(1)> Olá! Você ligou para a Loja Exemplo, bom dia.' },
      connections: {},
    };
    render(<NodePreview node={greeting} />);
    const node = screen.getByRole('group', { name: 'Greeting: <b>Start</b>' });
    expect(node.querySelector('img, b')).toBeNull();
    expect(within(node).getByText(/^<img src=x onerror=alert\(1\)> Olá!/)).toBeDefined();
    expect(node.textContent).toContain('Speaking time: ≈ 5 s');
    expect(node.querySelectorAll('.react-flow__handle.target')).toHaveLength(1);
    expect(
      within(node)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['next']);
    expect(within(node).queryByRole('img')).toBeNull();
  });
});

import { expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { measureElementsInJsdom } from '../../canvas/jsdomLayout.ts';
import { NodePreview } from '../NodePreview.tsx';

measureElementsInJsdom();

it('AiAgentNodeView shows the first line of the instructions and the endpoint', () => {
  render(
    <NodePreview
      node={{
        id: 'agent',
        kind: 'aiAgent',
        data: {
          instructions: '\n  You are the receptionist of Loja Exemplo.\nNever promise refunds.',
          endpoint: 'default',
        },
        connections: {},
      }}
    />,
  );
  const node = screen.getByRole('group', { name: 'AI agent: agent' });
  expect(within(node).getByText('You are the receptionist of Loja Exemplo.')).toBeDefined();
  expect(within(node).queryByText(/Never promise/)).toBeNull();
  expect(within(node).getByRole('definition').textContent).toBe('default');
  expect(
    within(node)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['done', 'transfer']);
});

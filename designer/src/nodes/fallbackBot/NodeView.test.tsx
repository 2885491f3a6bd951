import { expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { measureElementsInJsdom } from '../../canvas/jsdomLayout.ts';
import { NodePreview } from '../NodePreview.tsx';

measureElementsInJsdom();

it('FallbackBotNodeView shows the bot, and has no output', () => {
  render(
    <NodePreview
      node={{
        id: 'bot-fora',
        kind: 'fallbackBot',
        data: { bot: 'bot-fora-do-horario' },
        connections: {},
      }}
    />,
  );
  const node = screen.getByRole('group', { name: 'Fallback bot: bot-fora' });
  expect(within(node).getByRole('definition').textContent).toBe('bot-fora-do-horario');
  expect(within(node).queryByRole('list')).toBeNull();
});

import { expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { measureElementsInJsdom } from '../../canvas/jsdomLayout.ts';
import { NodePreview } from '../NodePreview.tsx';

measureElementsInJsdom();

it('HangupNodeView says when it hangs up without a goodbye, and has no output', () => {
  render(
    <NodePreview
      node={{ id: 'end', kind: 'hangup', label: 'End', data: { text: '' }, connections: {} }}
    />,
  );
  const node = screen.getByRole('group', { name: 'Hang up: End' });
  expect(within(node).getByText('Hangs up without a goodbye')).toBeDefined();
  expect(within(node).queryByRole('list')).toBeNull();
});

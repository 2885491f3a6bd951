import { expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { measureElementsInJsdom } from '../../canvas/jsdomLayout.ts';
import { NodePreview } from '../NodePreview.tsx';

measureElementsInJsdom();

it('MessageNodeView shows its text and speaking time, or that it is empty', () => {
  const { unmount } = render(
    <NodePreview
      node={{ id: 'm', kind: 'message', data: { text: 'Um momento, por favor.' }, connections: {} }}
    />,
  );
  const node = screen.getByRole('group', { name: 'Message: m' });
  expect(node.textContent).toContain('Um momento, por favor.');
  expect(node.textContent).toContain('Speaking time: ≈ 2 s');
  unmount();
  render(<NodePreview node={{ id: 'm', kind: 'message', data: { text: '' }, connections: {} }} />);
  expect(screen.getByText('Nothing to say yet')).toBeDefined();
});

import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import userEvent from '@testing-library/user-event';
import { describe, it } from 'vitest';
import preview from '../../../.storybook/preview.ts';
import * as pages from './WorkspacePages.stories.tsx';

// The workspace stories' play functions, run in jsdom too, so a broken story
// fails the unit tests and not only Storybook.
setProjectAnnotations(preview);

describe('workspace stories', { timeout: 15_000 }, () => {
  for (const [name, story] of Object.entries(composeStories(pages))) {
    it(name, async () => {
      userEvent.setup();
      await story.run();
    });
  }
});

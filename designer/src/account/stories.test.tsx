import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import userEvent from '@testing-library/user-event';
import { describe, it } from 'vitest';
import preview from '../../.storybook/preview.ts';
import * as pages from './AccountPages.stories.tsx';

// The account stories' play functions, run in jsdom too: a broken story fails the unit tests.
setProjectAnnotations(preview);

describe('account stories', { timeout: 15_000 }, () => {
  for (const [name, story] of Object.entries(composeStories(pages))) {
    it(name, async () => {
      userEvent.setup();
      await story.run();
    });
  }
});

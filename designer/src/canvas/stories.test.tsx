import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, it } from 'vitest';
import preview from '../../.storybook/preview.ts';
import * as choiceMenu from './ChoiceMenu.stories.tsx';

// The canvas stories' interaction tests (their `play` functions), run here in
// jsdom too, so a broken story fails the unit tests and not only Storybook.
setProjectAnnotations(preview);
afterEach(cleanup);

describe('canvas stories', () => {
  for (const [name, story] of Object.entries(composeStories(choiceMenu))) {
    it(`ChoiceMenu: ${name}`, async () => {
      userEvent.setup();
      await story.run();
    });
  }
});

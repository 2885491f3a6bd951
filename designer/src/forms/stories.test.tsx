import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import userEvent from '@testing-library/user-event';
import { describe, it } from 'vitest';
import preview from '../../.storybook/preview.ts';
import * as phoneField from './PhoneField.stories.tsx';

// The stories' interaction tests (their `play` functions), run in jsdom too.
setProjectAnnotations(preview);

describe('form stories', () => {
  for (const [name, story] of Object.entries(composeStories(phoneField))) {
    it(`PhoneField: ${name}`, async () => {
      userEvent.setup();
      await story.run();
    });
  }
});

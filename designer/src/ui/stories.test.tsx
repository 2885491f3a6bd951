import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { describe, it } from 'vitest';
import preview from '../../.storybook/preview.ts';
import * as stories from './Kit.stories.tsx';

// The UI kit's stories, play functions included, in jsdom: a broken component fails the unit tests.
setProjectAnnotations(preview);

describe('UI kit stories', () => {
  for (const [name, story] of Object.entries(composeStories(stories))) {
    it(name, () => story.run());
  }
});

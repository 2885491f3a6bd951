import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { describe, it } from 'vitest';
import preview from '../../.storybook/preview.ts';
import * as stories from './PublishDialog.stories.tsx';

// The publish stories, play functions included, in jsdom: a broken story fails the unit tests.
setProjectAnnotations(preview);

describe('publish stories', () => {
  for (const [name, story] of Object.entries(composeStories(stories))) {
    it(name, () => story.run());
  }
});

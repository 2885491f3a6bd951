import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import preview from '../../.storybook/preview.ts';
import * as panel from './Inspector.stories.tsx';
import * as aiAgent from '../nodes/aiAgent/Inspector.stories.tsx';
import * as fallbackBot from '../nodes/fallbackBot/Inspector.stories.tsx';
import * as greeting from '../nodes/greeting/Inspector.stories.tsx';
import * as hangup from '../nodes/hangup/Inspector.stories.tsx';
import * as menu from '../nodes/menu/Inspector.stories.tsx';
import * as message from '../nodes/message/Inspector.stories.tsx';
import * as schedule from '../nodes/schedule/Inspector.stories.tsx';
import * as transfer from '../nodes/transfer/Inspector.stories.tsx';

// The inspector stories' interaction tests (their `play` functions), run here
// in jsdom too, so a broken story fails the unit tests and not only Storybook.
setProjectAnnotations(preview);

const files: Record<string, Record<string, { run: () => Promise<void> }>> = {
  panel: composeStories(panel),
  aiAgent: composeStories(aiAgent),
  fallbackBot: composeStories(fallbackBot),
  greeting: composeStories(greeting),
  hangup: composeStories(hangup),
  menu: composeStories(menu),
  message: composeStories(message),
  schedule: composeStories(schedule),
  transfer: composeStories(transfer),
};

describe('inspector stories', () => {
  for (const [file, stories] of Object.entries(files)) {
    for (const [name, story] of Object.entries(stories)) {
      it(`${file}: ${name}`, async () => {
        // Storybook hands `userEvent` to a play function only where the page has a
        // clipboard; user-event's setup gives jsdom one.
        userEvent.setup();
        await story.run();
        expect(document.querySelector('aside[aria-label="Inspector"]')).not.toBeNull();
      });
    }
  }
});

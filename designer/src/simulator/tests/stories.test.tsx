import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import preview from '../../../.storybook/preview.ts';
import * as callCost from '../cost/CallCost.stories.tsx';
import * as testCases from './TestCasesPanel.stories.tsx';

// The stories' interaction tests (their `play` functions), run in jsdom too, so
// a broken story fails the unit tests and not only Storybook.
setProjectAnnotations(preview);

const files: Record<
  string,
  { stories: Record<string, { run: () => Promise<void> }>; region: string }
> = {
  callCost: { stories: composeStories(callCost), region: 'Estimated cost' },
  testCases: { stories: composeStories(testCases), region: 'Test cases' },
};

describe('test cases and cost stories', () => {
  for (const [file, { stories, region }] of Object.entries(files)) {
    for (const [name, story] of Object.entries(stories)) {
      it(`${file}: ${name}`, async () => {
        userEvent.setup();
        await story.run();
        expect(document.querySelector(`section[aria-label="${region}"]`)).not.toBeNull();
      });
    }
  }
});

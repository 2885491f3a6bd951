import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import preview from '../../../.storybook/preview.ts';
import * as customers from '../customers/CustomersPage.stories.tsx';
import * as channels from './ChannelsPage.stories.tsx';
import * as callbot from './LineCallbot.stories.tsx';

// The channels and customers stories rendered in jsdom, so a broken story
// fails the unit tests and not only Storybook.
setProjectAnnotations(preview);

const expected: Record<
  string,
  { stories: Record<string, { run: () => Promise<void> }>; text: Record<string, string> }
> = {
  channels: {
    stories: composeStories(channels),
    text: {
      PhoneLinesEmpty: 'No number bought yet.',
      PhoneLinesOrdering: 'Request received',
      WhatsAppChecklist: 'Before calls can be enabled:',
      SipLines: 'No SIP line yet.',
    },
  },
  callbot: {
    stories: composeStories(callbot),
    text: {
      DefaultCallbot: 'Answered by the default callbot, which transfers to Atendimento.',
      Assigned: 'Answered by the callbot “Recepção”.',
    },
  },
  customers: {
    stories: composeStories(customers),
    text: { Permissions: 'Temporary until', NoLine: 'there is none yet' },
  },
};

describe('channels and customers stories', () => {
  for (const [file, { stories, text }] of Object.entries(expected)) {
    for (const [name, story] of Object.entries(stories)) {
      it(`${file}: ${name}`, async () => {
        await story.run();
        expect(
          await screen.findAllByText(
            new RegExp(text[name]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
          ),
        ).not.toHaveLength(0);
      });
    }
  }
});

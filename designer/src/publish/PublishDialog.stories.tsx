import { examples } from '@callbot/runtime';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { createFakeServer, FAKE_SERVER_URL, FAKE_TOKEN, fakeServerFetch } from './handlers.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { PUBLISH_SETTINGS_KEY } from './settings.ts';

const LINE = '+551130000000';
const reception = examples.reception;

/** The dialog on the reception example, against an MSW stand-in for the runtime server. */
function Publish({ line }: { line?: string }) {
  const [fetch] = useState(() => {
    const server = createFakeServer();
    if (line) {
      const at = '2026-11-20T10:00:00.000Z';
      server.versions.set(line, [
        { callbot: line, version: 1, fingerprint: 'x', note: '', createdAt: at },
      ]);
      server.lines.set(LINE, { number: LINE, callbot: line, version: 1, assignedAt: at });
    }
    return fakeServerFetch(server);
  });
  return <PublishDialog doc={reception} onClose={() => {}} fetch={fetch} />;
}

const meta = {
  title: 'Publish/PublishDialog',
  component: Publish,
  beforeEach: () => {
    localStorage.setItem(
      PUBLISH_SETTINGS_KEY,
      JSON.stringify({ serverUrl: FAKE_SERVER_URL, token: FAKE_TOKEN }),
    );
    return () => localStorage.removeItem(PUBLISH_SETTINGS_KEY);
  },
} satisfies Meta<typeof Publish>;
export default meta;
type Story = StoryObj<typeof meta>;

const dialog = (canvasElement: HTMLElement) =>
  within(canvasElement.ownerDocument.body).getByRole('dialog', {
    name: 'Publish to a runtime server',
  });

/** First use: no server set; the URL and token are said to stay in this browser. */
export const NoServerYet: Story = {
  beforeEach: () => localStorage.removeItem(PUBLISH_SETTINGS_KEY),
  play: async ({ canvasElement }) => {
    const d = within(dialog(canvasElement));
    await userEvent.click(d.getByRole('button', { name: 'Publish version' }));
    await expect(await d.findByRole('alert')).toHaveTextContent(
      'Set the server URL and API token first.',
    );
  },
};

/** Publishing gives version 1, the server's verdict, and the list of versions. */
export const Published: Story = {
  play: async ({ canvasElement }) => {
    const d = within(dialog(canvasElement));
    await userEvent.type(d.getByLabelText('Version note'), 'first');
    await userEvent.click(d.getByRole('button', { name: 'Publish version' }));
    await d.findByText('Published version 1 of recepcao-loja-exemplo.');
    await d.findByRole('region', { name: 'Published versions of recepcao-loja-exemplo' });
  },
};

/** The line is answered by another callbot: the user is asked before it is replaced (R3). */
export const LineHasAnotherCallbot: Story = {
  args: { line: 'assistente' },
  play: async ({ canvasElement }) => {
    const d = within(dialog(canvasElement));
    await userEvent.click(d.getByRole('button', { name: 'Publish version' }));
    await userEvent.type(await d.findByLabelText('Line number'), LINE);
    await userEvent.click(d.getByRole('button', { name: 'Point the line at this version' }));
    const question = await d.findByRole('alert');
    await expect(question).toHaveTextContent('is answered by the callbot “assistente”');
    await within(question).findByRole('button', { name: 'Replace assistente' });
  },
};

import { examples } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RepositoryProvider } from '../app/RepositoryContext.tsx';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore } from '../editor/store.ts';
import { createTestRepository } from '../persistence/testing.ts';
import { AGENT_SETTINGS_KEY } from './agentSettings.ts';
import SimulatorPanel from './SimulatorPanel.tsx';

/** Where the stories' AI agent "lives": MSW answers it in the browser. */
const ENDPOINT = 'https://llm.example.test/v1/chat/completions';
const REPLY =
  'Olá! Aqui é a assistente virtual da Loja Exemplo. Hoje temos ofertas em todos os departamentos, de eletrônicos a roupas, e posso contar cada uma delas com calma para você.';

function Simulator({ doc }: { doc: FlowDocument }) {
  const [stores] = useState(() => ({
    editor: createEditorStore(structuredClone(doc)),
    repository: createTestRepository().repo,
  }));
  return (
    <RepositoryProvider repository={stores.repository}>
      <EditorProvider store={stores.editor}>
        <div style={{ width: 420, height: '100vh', display: 'flex' }}>
          <SimulatorPanel flowId="story-flow" onClose={() => {}} />
        </div>
      </EditorProvider>
    </RepositoryProvider>
  );
}

const meta = {
  title: 'Simulator/SimulatorPanel',
  component: Simulator,
  args: { doc: examples.reception },
  beforeEach: () => {
    localStorage.removeItem(AGENT_SETTINGS_KEY);
  },
} satisfies Meta<typeof Simulator>;

export default meta;
type Story = StoryObj<typeof meta>;

const indicator = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('status', { name: 'Is the bot listening?' });

/** The reception example on a Tuesday morning, instant: the bot listens after the menu; 1 transfers. */
export const Reception: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.clear(canvas.getByLabelText('Date'));
    await userEvent.type(canvas.getByLabelText('Date'), '2026-11-24');
    await userEvent.clear(canvas.getByLabelText('Time'));
    await userEvent.type(canvas.getByLabelText('Time'), '10:00');
    await userEvent.click(canvas.getByRole('radio', { name: 'Instant' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Start call' }));
    await waitFor(() =>
      expect(indicator(canvasElement)).toHaveTextContent('Listening · to keys, speech'),
    );
    await userEvent.click(canvas.getByRole('button', { name: '1' }));
    await waitFor(() => expect(indicator(canvasElement)).toHaveTextContent('Call ended'));
    await expect(canvas.getByRole('list', { name: 'Transcript' })).toHaveTextContent(
      'Transfer to vendas: answered',
    );
  },
};

/**
 * The AI example, its turns from an OpenAI-compatible endpoint that MSW
 * mocks: the agent speaks and listens, and caller speech interrupts it.
 */
export const AiAgentInterrupted: Story = {
  args: { doc: examples.aiAgent },
  beforeEach: async () => {
    const { setupWorker } = await import('msw/browser');
    const worker = setupWorker(
      http.post(ENDPOINT, () =>
        HttpResponse.json({ choices: [{ message: { role: 'assistant', content: REPLY } }] }),
      ),
    );
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
    localStorage.setItem(
      AGENT_SETTINGS_KEY,
      JSON.stringify({ url: ENDPOINT, model: 'story-model', apiKey: '' }),
    );
    return () => {
      worker.stop();
      localStorage.removeItem(AGENT_SETTINGS_KEY);
    };
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Instant' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Start call' }));
    await waitFor(
      () =>
        expect(indicator(canvasElement)).toHaveTextContent(
          'Speaking and listening · the caller can interrupt by speaking',
        ),
      { timeout: 5000 },
    );
    await userEvent.type(canvas.getByLabelText('What the caller says'), 'quero falar com alguém');
    await userEvent.click(canvas.getByRole('button', { name: 'Say' }));
    await waitFor(() =>
      expect(canvas.getByRole('list', { name: 'Transcript' })).toHaveTextContent(
        'Bot stops speaking (interrupted)',
      ),
    );
  },
};

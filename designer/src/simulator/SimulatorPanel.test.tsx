import { examples } from '@callbot/runtime';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RepositoryProvider } from '../app/RepositoryContext.tsx';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore, type EditorStore } from '../editor/store.ts';
import { createTestRepository, createTestWorkspace } from '../persistence/testing.ts';
import { WorkspaceProvider } from '../app/WorkspaceContext.tsx';
import { AGENT_SETTINGS_KEY } from './agentSettings.ts';
import SimulatorPanel from './SimulatorPanel.tsx';

const ENDPOINT = 'https://llm.example.test/v1/chat/completions';
const REPLY =
  'Olá! Aqui é a assistente virtual da Loja Exemplo, e hoje temos ofertas em todos os departamentos da loja para você.';
const requests: { authorization: string | null; body: unknown }[] = [];
const server = setupServer(
  http.post(ENDPOINT, async ({ request }) => {
    requests.push({
      authorization: request.headers.get('authorization'),
      body: await request.json(),
    });
    return HttpResponse.json({ choices: [{ message: { role: 'assistant', content: REPLY } }] });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  localStorage.clear();
  requests.length = 0;
});
afterAll(() => server.close());

let store: EditorStore;

function open(doc: unknown) {
  const { repo } = createTestRepository();
  store = createEditorStore(structuredClone(doc) as Parameters<typeof createEditorStore>[0]);
  render(
    <RepositoryProvider repository={repo}>
      <EditorProvider store={store}>
        <SimulatorPanel flowId="flow-1" onClose={() => {}} />
      </EditorProvider>
    </RepositoryProvider>,
  );
  return within(screen.getByRole('complementary', { name: 'Simulator' }));
}

const indicator = (sim: ReturnType<typeof open>) =>
  sim.getByRole('status', { name: 'Is the bot listening?' });

describe('SimulatorPanel', () => {
  it('runs the AI example against the endpoint set in this browser; caller speech interrupts it', async () => {
    localStorage.setItem(
      AGENT_SETTINGS_KEY,
      JSON.stringify({ url: ENDPOINT, model: 'test-model', apiKey: 'sk-test' }),
    );
    const sim = open(examples.aiAgent);
    sim.getByText(`AI agent turns come from test-model at ${ENDPOINT}.`);
    await userEvent.click(sim.getByRole('radio', { name: 'Instant' }));
    await userEvent.click(sim.getByRole('button', { name: 'Start call' }));

    await waitFor(() =>
      expect(indicator(sim).textContent).toBe(
        'Speaking and listening · the caller can interrupt by speaking',
      ),
    );
    expect(requests[0]!.authorization).toBe('Bearer sk-test');
    expect(JSON.stringify(requests[0]!.body)).toContain('"model":"test-model"');

    await userEvent.type(sim.getByRole('textbox', { name: 'What the caller says' }), 'uma pessoa');
    await userEvent.click(sim.getByRole('button', { name: 'Say' }));
    const transcript = sim.getByRole('list', { name: 'Transcript' });
    await waitFor(() =>
      expect(
        within(transcript)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Bot says: “Olá! Aqui é a assistente/),
          expect.stringMatching(/Bot stops speaking \(interrupted\)$/),
          expect.stringMatching(/Caller says “uma pessoa”$/),
        ]),
      ),
    );
    expect(store.getState().callHighlight.active).toBe('assistente');
    await userEvent.click(sim.getByRole('button', { name: 'Hang up' }));
    await waitFor(() => expect(indicator(sim).textContent).toBe('Call ended'));
  });

  // The scroll itself is a layout's: e2e/new-flow-language.spec.ts checks the indicator is in view.
  it('moves the focus to the keypad’s first key when a call starts (the start button is gone)', async () => {
    const sim = open(examples.reception);
    await userEvent.click(sim.getByRole('button', { name: 'Start call' }));
    await waitFor(() => expect(indicator(sim).textContent).not.toBe('No call'));
    const keypad = sim.getByRole('group', { name: 'Keypad' });
    expect(document.activeElement).toBe(within(keypad).getAllByRole('button')[0]);
  });

  it('lets the trainer type the agent’s turns when no endpoint is set', async () => {
    const sim = open(examples.aiAgent);
    await userEvent.click(sim.getByRole('radio', { name: 'Instant' }));
    await userEvent.click(sim.getByRole('button', { name: 'Start call' }));
    const reply = await sim.findByRole('textbox', { name: 'The agent’s reply' });
    await userEvent.type(reply, 'Até logo!');
    await userEvent.click(sim.getByRole('button', { name: 'Reply and finish' }));
    await waitFor(() => expect(indicator(sim).textContent).toBe('Call ended'));
    expect(requests).toEqual([]);
    const lines = within(sim.getByRole('list', { name: 'Transcript' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // Instant: the greeting took no wall time; the agent's turn came while time ran as in real
    // time (however long the trainer took to type it, so its moment is not asserted); what
    // follows it (the turn said, the goodbye, the hang-up) runs on the call's own clock again.
    expect(lines.slice(0, 2)).toEqual([
      '00:00.0 Bot says: “Olá! Sou a assistente virtual da Loja Exemplo.”',
      '00:03.2 AI agent assistente takes the call',
    ]);
    const tenths = (line: string | null | undefined) => {
      const [, m, sec, t] = /^(\d\d):(\d\d)\.(\d) /.exec(line ?? '') ?? [];
      return Number(m) * 600 + Number(sec) * 10 + Number(t);
    };
    const turnAt = tenths(lines[2]);
    expect(turnAt).toBeGreaterThanOrEqual(32);
    expect(lines.slice(2).map((line) => [tenths(line) - turnAt, line?.slice(8)])).toEqual([
      [0, 'Bot says: “Até logo!”'],
      [8, 'Bot says: “Obrigado pela ligação. Até logo.”'],
      [28, 'Bot hangs up (the flow ended)'],
      [28, 'Call ended: hung up by the bot'],
    ]);
  });

  it('keeps the AI endpoint settings in this browser, and forgets them', async () => {
    const sim = open(examples.aiAgent);
    await userEvent.click(sim.getByRole('button', { name: 'AI endpoint' }));
    const dialog = screen.getByRole('dialog', { name: 'AI endpoint for simulated calls' });
    within(dialog).getByText(/stay in this browser/);
    await userEvent.type(within(dialog).getByLabelText('Chat-completions URL'), ENDPOINT);
    await userEvent.type(within(dialog).getByLabelText('Model'), 'm');
    await userEvent.type(within(dialog).getByLabelText('API key'), 'k');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(JSON.parse(localStorage.getItem(AGENT_SETTINGS_KEY)!)).toEqual({
      url: ENDPOINT,
      model: 'm',
      apiKey: 'k',
    });
    await userEvent.click(sim.getByRole('button', { name: 'AI endpoint' }));
    await userEvent.click(screen.getByRole('button', { name: 'Forget these settings' }));
    expect(localStorage.getItem(AGENT_SETTINGS_KEY)).toBeNull();
  });

  it('says why a flow that cannot run does not start', async () => {
    const broken = structuredClone(examples.reception) as { nodes: { id: string }[] };
    broken.nodes = broken.nodes.filter((n) => n.id !== 'greeting');
    const sim = open(broken);
    await userEvent.click(sim.getByRole('button', { name: 'Start call' }));
    within(sim.getByRole('alert')).getByText('The call could not start.');
    expect(indicator(sim).textContent).toBe('No call');
  });

  it('starts each team of the workspace with the agents it has there', async () => {
    const { workspace } = createTestWorkspace();
    await workspace.createTeam({ name: 'vendas', agents: 0 });
    await workspace.createTeam({ name: 'suporte', agents: 3 });
    const { repo } = createTestRepository();
    const store = createEditorStore(structuredClone(examples.reception));
    render(
      <RepositoryProvider repository={repo}>
        <WorkspaceProvider repository={workspace}>
          <EditorProvider store={store}>
            <SimulatorPanel flowId="flow-1" onClose={() => {}} />
          </EditorProvider>
        </WorkspaceProvider>
      </RepositoryProvider>,
    );
    const sim = within(screen.getByRole('complementary', { name: 'Simulator' }));
    const agentsOf = (team: string) =>
      sim.getByRole<HTMLInputElement>('spinbutton', { name: new RegExp(team) }).value;
    await waitFor(() => expect(agentsOf('vendas')).toBe('0'));
    expect(agentsOf('suporte')).toBe('3');
    // A team the workspace does not have keeps the simulator's default.
    expect(agentsOf('recepcao')).toBe('1');
  });

  it('R21: prices a business WhatsApp call at the tier of the workspace’s month so far', async () => {
    const { workspace } = createTestWorkspace();
    const asked: unknown[] = [];
    const repository = {
      ...workspace,
      monthToDate: (query: Parameters<typeof workspace.monthToDate>[0]) => {
        asked.push(query);
        return Promise.resolve(
          query.channel === 'whatsapp'
            ? { calls: 1_000, minutes: 2_500 }
            : { calls: 0, minutes: 0 },
        );
      },
    };
    const { repo } = createTestRepository();
    render(
      <RepositoryProvider repository={repo}>
        <WorkspaceProvider repository={repository}>
          <EditorProvider store={createEditorStore(structuredClone(examples.reception))}>
            <SimulatorPanel flowId="flow-1" onClose={() => {}} />
          </EditorProvider>
        </WorkspaceProvider>
      </RepositoryProvider>,
    );
    const sim = within(screen.getByRole('complementary', { name: 'Simulator' }));
    await userEvent.selectOptions(sim.getByRole('combobox', { name: 'Channel' }), 'WhatsApp');
    await userEvent.selectOptions(
      sim.getByRole('combobox', { name: 'Direction' }),
      'Outbound (the business calls)',
    );
    await userEvent.click(sim.getByRole('button', { name: 'Start call' }));
    const cost = within(sim.getByRole('region', { name: 'Estimated cost' }));
    await waitFor(() =>
      expect(cost.getByRole('list', { name: /tier/i }).textContent).toMatch(
        /^Calls 1,001 to 10,000 of the month/,
      ),
    );
    cost.getByText('This month so far: 1000 calls (2500 min) in BR');
    expect(asked).toContainEqual({ channel: 'whatsapp', direction: 'outbound', country: 'BR' });
  });

  it("prices an inbound call in the caller's country, not the line's", async () => {
    const sim = open(examples.reception);
    const from = sim.getByRole('textbox', { name: 'Caller number' });
    await userEvent.clear(from);
    await userEvent.type(from, '+52 55 1234 5678');
    await userEvent.click(sim.getByRole('button', { name: 'Start call' }));
    const cost = within(sim.getByRole('region', { name: 'Estimated cost' }));
    // The example table's Mexican line rate (MXN 0.60 a minute), not the Brazilian one.
    await waitFor(() =>
      expect(cost.getByRole('status', { name: 'Estimated amount' }).textContent).toMatch(
        /MX\$|MXN/,
      ),
    );
  });
});

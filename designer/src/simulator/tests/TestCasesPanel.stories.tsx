import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { examples, scriptSchema, simulateCall } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import type { FlowRepository } from '../../persistence/index.ts';
import { createTestRepository } from '../../persistence/testing.ts';
import { TestCasesPanel } from './TestCasesPanel.tsx';

const reception = examples.reception;

const call = (digit: '1' | '2', agents: Record<string, number>) => {
  const script = scriptSchema.parse({
    call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
    startAt: '2026-11-23T10:00:00-03:00',
    agents,
    steps: [{ when: 'listening', delay: 200, event: { type: 'dtmf', digit } }],
  });
  return { script, transcript: simulateCall(reception, script).lines };
};

const salesWithoutAgents = call('1', { vendas: 0 });

/** The reception example in an in-memory store, with these test cases saved. */
async function storeWith(
  testCases: { name: string; call: ReturnType<typeof call> }[],
): Promise<{ repository: FlowRepository; flowId: string }> {
  const { repo } = createTestRepository();
  const imported = await repo.importFlow(JSON.stringify(reception), 'reception.flow.json');
  if (!imported.ok) throw new Error('the reception example did not import');
  for (const { name, call: c } of testCases) {
    await repo.saveTestCase(imported.flow.id, { name, ...c, flowRevision: 1 });
  }
  return { repository: repo, flowId: imported.flow.id };
}

const edited: FlowDocument = {
  ...reception,
  nodes: reception.nodes.map((n) =>
    n.kind === 'menu' ? { ...n, data: { ...n.data, prompt: 'Vendas: 1. Suporte: 2.' } } : n,
  ),
};

const meta = {
  title: 'Simulator/TestCasesPanel',
  component: TestCasesPanel,
  args: { flowId: '', doc: reception, recorded: null, showCoverage: () => {} },
  render: (args, { loaded }) => {
    const { repository, flowId } = loaded as Awaited<ReturnType<typeof storeWith>>;
    return (
      <RepositoryProvider repository={repository}>
        <div style={{ width: 380 }}>
          <TestCasesPanel {...args} flowId={flowId} />
        </div>
      </RepositoryProvider>
    );
  },
} satisfies Meta<typeof TestCasesPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No call recorded yet: saving waits for one. */
export const Empty: Story = { loaders: [() => storeWith([])] };

/** A call was just simulated: name it and save it. */
export const SaveRecordedCall: Story = {
  loaders: [() => storeWith([])],
  args: { recorded: salesWithoutAgents },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'Test cases' });
    await userEvent.type(within(panel).getByRole('textbox', { name: 'Test case name' }), 'Vendas');
    await userEvent.click(within(panel).getByRole('button', { name: 'Save as test case' }));
    await expect(await within(panel).findByText('Saved “Vendas”.')).toBeVisible();
  },
};

/** Two test cases, run against the unchanged flow: both pass. */
export const AllPass: Story = {
  loaders: [
    () =>
      storeWith([
        { name: 'Vendas sem agentes', call: salesWithoutAgents },
        { name: 'Suporte atende', call: call('2', { suporte: 1 }) },
      ]),
  ],
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'Test cases' });
    await within(panel).findByRole('list', { name: 'Test cases of this flow' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Run tests' }));
    await expect(within(panel).getByText('2 of 2 passed')).toBeVisible();
  },
};

/** The menu prompt was edited after saving: the test fails and shows the difference. */
export const FailsAfterEdit: Story = {
  loaders: [() => storeWith([{ name: 'Vendas sem agentes', call: salesWithoutAgents }])],
  args: { doc: edited },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'Test cases' });
    await within(panel).findByRole('list', { name: 'Test cases of this flow' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Run tests' }));
    await expect(within(panel).getByLabelText('Result of Vendas sem agentes')).toHaveTextContent(
      'Failed',
    );
    await expect(within(panel).getByRole('table')).toHaveTextContent('Vendas: 1. Suporte: 2.');
    await expect(
      within(panel).getByRole('button', { name: 'Accept the new behaviour of Vendas sem agentes' }),
    ).toBeEnabled();
  },
};

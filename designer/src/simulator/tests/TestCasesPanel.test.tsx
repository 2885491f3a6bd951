import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { examples, scriptSchema, simulateCall, type Script } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import type { DesignerDb, FlowRepository } from '../../persistence/index.ts';
import { createTestRepository } from '../../persistence/testing.ts';
import { readFileText } from '../../ui/readFile.ts';
import type { CoverageShown } from '../../editor/store.ts';
import { TestCasesPanel } from './TestCasesPanel.tsx';

const reception = examples.reception;

const script: Script = scriptSchema.parse({
  call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
  startAt: '2026-11-23T10:00:00-03:00',
  agents: { vendas: 0 },
  steps: [{ when: 'listening', delay: 200, event: { type: 'dtmf', digit: '1' } }],
});
const recorded = { script, transcript: simulateCall(reception, script).lines };

function withMenuPrompt(doc: FlowDocument, prompt: string): FlowDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.kind === 'menu' ? { ...n, data: { ...n.data, prompt } } : n)),
  };
}

let repo: FlowRepository;
let db: DesignerDb;
let flowId: string;

beforeEach(async () => {
  ({ repo, db } = createTestRepository());
  const imported = await repo.importFlow(JSON.stringify(reception), 'reception.flow.json');
  if (!imported.ok) throw new Error('the example did not import');
  flowId = imported.flow.id;
});
afterEach(() => db.close());

/** What the panel last showed on the canvas (`null`: hidden). */
let shown: CoverageShown | null = null;

function renderPanel(props: { doc?: FlowDocument; recorded?: typeof recorded | null } = {}) {
  shown = null;
  const showCoverage = (coverage: CoverageShown | null) => (shown = coverage);
  const view = (p: typeof props) => (
    <RepositoryProvider repository={repo}>
      <TestCasesPanel
        flowId={flowId}
        doc={p.doc ?? reception}
        recorded={p.recorded ?? null}
        showCoverage={showCoverage}
      />
    </RepositoryProvider>
  );
  const result = render(view(props));
  return { ...result, rerender: (p: typeof props) => result.rerender(view(p)) };
}

const panel = () => screen.getByRole('region', { name: 'Test cases' });
const list = () => within(panel()).findByRole('list', { name: 'Test cases of this flow' });
const row = async (name: string) =>
  within(await list())
    .getAllByRole('listitem')
    .find((li) => li.textContent?.includes(name))!;

async function saveAs(name: string) {
  const user = userEvent.setup();
  await user.type(within(panel()).getByRole('textbox', { name: 'Test case name' }), name);
  await user.click(within(panel()).getByRole('button', { name: 'Save as test case' }));
  await within(panel()).findByText(`Saved “${name}”.`);
  // The list is read again after the save (an IndexedDB round trip): wait for the case's row.
  await within(panel()).findByRole('button', { name: `Delete ${name}` });
  return user;
}

describe('TestCasesPanel', () => {
  it('cannot save before a call was recorded, and says why', async () => {
    renderPanel();
    expect(await within(panel()).findByText('No test cases yet.')).toBeTruthy();
    expect(
      within(panel()).getByRole('button', { name: 'Save as test case' }).hasAttribute('disabled'),
    ).toBe(true);
    expect(panel().textContent).toContain('Run a call to its end first');
  });

  it('cannot save a call that is still going on: its replay would not stop there', async () => {
    renderPanel({ recorded: { script, transcript: recorded.transcript.slice(0, 5) } });
    const user = userEvent.setup();
    await user.type(within(panel()).getByRole('textbox', { name: 'Test case name' }), 'Half');
    expect(
      within(panel()).getByRole('button', { name: 'Save as test case' }).hasAttribute('disabled'),
    ).toBe(true);
    expect(panel().textContent).toContain('Run a call to its end first');
  });

  it('saves the recorded call under a name, at the stored revision', async () => {
    renderPanel({ recorded });
    const user = userEvent.setup();
    const save = within(panel()).getByRole('button', { name: 'Save as test case' });
    expect(save.hasAttribute('disabled')).toBe(true); // no name yet
    await user.type(within(panel()).getByRole('textbox', { name: 'Test case name' }), 'Vendas');
    await user.click(save);

    expect((await row('Vendas')).textContent).toContain('revision 1');
    expect(
      within(panel()).getByRole<HTMLInputElement>('textbox', { name: 'Test case name' }).value,
    ).toBe('');
    const [stored] = await repo.listTestCases(flowId);
    expect(stored).toMatchObject({
      name: 'Vendas',
      flowRevision: 1,
      script,
      transcript: recorded.transcript,
    });
  });

  it('passes, then fails after the menu text is edited, with the difference', async () => {
    const { rerender } = renderPanel({ recorded });
    const user = await saveAs('Vendas sem agentes');

    await user.click(within(panel()).getByRole('button', { name: 'Run tests' }));
    expect(within(panel()).getByRole('status').textContent).toBe('1 of 1 passed');
    const result = () =>
      within(panel()).queryByLabelText('Result of Vendas sem agentes')?.textContent;
    expect(result()).toBe('Passed');

    const edited = withMenuPrompt(reception, 'Vendas: 1. Suporte: 2.');
    rerender({ doc: edited, recorded });
    expect(result()).toBeUndefined(); // a run on the old document is not shown as current

    await user.click(within(panel()).getByRole('button', { name: 'Run tests' }));
    expect(within(panel()).getByRole('status').textContent).toBe('0 of 1 passed');
    expect(result()).toBe('Failed');
    const table = within(panel()).getByRole('table', {
      name: 'Expected and actual transcript of Vendas sem agentes',
    });
    const rows = within(table)
      .getAllByRole('row')
      .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['', 'Expected (recorded)', 'Actual (this run)']);
    expect(rows).toContainEqual([
      '≠different',
      '00:02.8 Bot says: “Para vendas, digite 1. Para suporte, digite 2.”',
      '00:02.8 Bot says: “Vendas: 1. Suporte: 2.”',
    ]);
    expect(rows).toContainEqual([
      '=the same',
      '00:00.0 Bot says: “Olá! Você ligou para a Loja Exemplo.”',
      '00:00.0 Bot says: “Olá! Você ligou para a Loja Exemplo.”',
    ]);
  });

  it('accepts the new behaviour as one step, which can be undone', async () => {
    const { rerender } = renderPanel({ recorded });
    const user = await saveAs('Vendas sem agentes');
    const edited = withMenuPrompt(reception, 'Vendas: 1. Suporte: 2.');
    rerender({ doc: edited, recorded });
    await user.click(within(panel()).getByRole('button', { name: 'Run tests' }));
    const result = () => within(panel()).getByLabelText('Result of Vendas sem agentes').textContent;
    expect(result()).toBe('Failed');

    await user.click(
      within(panel()).getByRole('button', {
        name: 'Accept the new behaviour of Vendas sem agentes',
      }),
    );
    await within(panel()).findByText(/“Vendas sem agentes” now expects what this run did\./);
    expect(result()).toBe('Passed');
    expect(within(panel()).queryByRole('table')).toBeNull();
    const [accepted] = await repo.listTestCases(flowId);
    expect(accepted!.transcript).toEqual(simulateCall(edited, script).lines);
    expect(accepted!.transcript).not.toEqual(recorded.transcript);

    await user.click(
      within(panel()).getByRole('button', {
        name: 'Undo accepting the new behaviour of Vendas sem agentes',
      }),
    );
    await within(panel()).findByText(
      '“Vendas sem agentes” expects what it was recorded with again.',
    );
    expect(result()).toBe('Failed');
    const [undone] = await repo.listTestCases(flowId);
    expect(undone!.transcript).toEqual(recorded.transcript);
    expect(undone!.flowRevision).toBe(1);
    expect(within(panel()).queryByRole('button', { name: /^Undo accepting/ })).toBeNull();
  });

  it('refuses a second test case with the same name, offering a free one', async () => {
    renderPanel({ recorded });
    const user = await saveAs('Vendas');
    await user.type(within(panel()).getByRole('textbox', { name: 'Test case name' }), ' vendas ');
    await user.click(within(panel()).getByRole('button', { name: 'Save as test case' }));
    expect((await within(panel()).findByRole('alert')).textContent).toBe(
      'This flow already has a test case called “vendas”: choose another name, e.g. “vendas (2)”.',
    );
    expect((await repo.listTestCases(flowId)).map((c) => c.name)).toEqual(['Vendas']);
  });

  it('runs one test case alone', async () => {
    renderPanel({ recorded });
    const user = await saveAs('Vendas');
    await user.click(within(panel()).getByRole('button', { name: 'Run Vendas' }));
    await waitFor(() =>
      expect(within(panel()).getByLabelText('Result of Vendas').textContent).toBe('Passed'),
    );
  });

  it('renames and deletes a test case', async () => {
    renderPanel({ recorded });
    const user = await saveAs('Vendas');
    await user.click(within(panel()).getByRole('button', { name: 'Rename Vendas' }));
    const field = within(panel()).getByRole('textbox', { name: 'New name of Vendas' });
    await user.clear(field);
    await user.type(field, 'Vendas sem agentes');
    await user.click(within(panel()).getByRole('button', { name: 'Save name' }));
    await within(panel()).findByRole('button', { name: 'Delete Vendas sem agentes' });
    expect((await repo.listTestCases(flowId)).map((c) => c.name)).toEqual(['Vendas sem agentes']);

    await user.click(within(panel()).getByRole('button', { name: 'Delete Vendas sem agentes' }));
    expect(await within(panel()).findByText('No test cases yet.')).toBeTruthy();
    expect(await repo.listTestCases(flowId)).toEqual([]);
  });

  it('exports a test case as a script that replays to its transcript', async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:test'),
        revokeObjectURL: () => {},
      }),
    );
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('vendas-sem-agentes.script.json');
    });
    try {
      renderPanel({ recorded });
      const user = await saveAs('Vendas sem agentes');
      await user.click(
        within(panel()).getByRole('button', {
          name: 'Export Vendas sem agentes as a script for callbot simulate',
        }),
      );
      expect(clicked).toHaveBeenCalledOnce();
      const exported = scriptSchema.parse(JSON.parse(await readFileText(blobs[0]!)));
      expect(simulateCall(reception, exported).lines).toEqual(recorded.transcript);
    } finally {
      clicked.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('imports a script file as a test case of what the current flow does', async () => {
    renderPanel();
    const user = userEvent.setup();
    const file = new File([JSON.stringify(script)], 'vendas.script.json', {
      type: 'application/json',
    });
    await user.upload(within(panel()).getByLabelText('Script file to import'), file);
    await within(panel()).findByText(/Imported “vendas”/);
    const [stored] = await repo.listTestCases(flowId);
    expect(stored).toMatchObject({ name: 'vendas', transcript: recorded.transcript });

    // The same file again: a name of its own, never a second “vendas”.
    await user.upload(within(panel()).getByLabelText('Script file to import'), file);
    await within(panel()).findByText(/Imported “vendas \(2\)”/);
    expect((await repo.listTestCases(flowId)).map((c) => c.name)).toEqual(['vendas', 'vendas (2)']);
  });

  it('refuses a script file that is not a script, saying which field', async () => {
    renderPanel();
    const user = userEvent.setup();
    const file = new File([JSON.stringify({ ...script, maxMs: -5 })], 'bad.json');
    await user.upload(within(panel()).getByLabelText('Script file to import'), file);
    const alert = await within(panel()).findByRole('alert');
    expect(alert.textContent).toMatch(/^bad\.json was not imported: maxMs: /);
    expect(await repo.listTestCases(flowId)).toEqual([]);
  });

  it('shows a stored test case it cannot read, and lets it be deleted', async () => {
    await db.testCases.add({
      flowId,
      name: 'Broken',
      script: { call: 'nope' },
      transcript: [],
      createdAt: 1,
      flowRevision: 1,
    });
    renderPanel();
    const alert = await within(panel()).findByRole('alert');
    expect(alert.textContent).toMatch(/^This test case cannot be read \(script\.call: /);
    await userEvent.click(within(panel()).getByRole('button', { name: 'Delete Broken' }));
    expect(await within(panel()).findByText('No test cases yet.')).toBeTruthy();
  });

  it('sums up coverage and shows it on the canvas while the box is ticked', async () => {
    const { unmount } = renderPanel({ recorded });
    const user = await saveAs('Vendas');
    const coverage = within(panel()).getByRole('region', { name: 'Coverage' });
    // The saved case's coverage is worked out after the save lands (slow on a loaded machine).
    await waitFor(() => expect(coverage.textContent).toContain('Nodes: 5 of 11 (45%)'));
    expect(coverage.textContent).toContain('Outputs: 4 of 15 (26%)');

    const box = within(coverage).getByRole('checkbox', { name: 'Show coverage on canvas' });
    await user.click(box);
    expect([...shown!.nodes]).toContain('t-vendas');
    expect([...shown!.ports]).toContain('menu:option:vendas');
    await user.click(box);
    expect(shown).toBeNull();

    await user.click(box);
    expect(shown).not.toBeNull();
    unmount(); // the simulator panel closed
    expect(shown).toBeNull();
  });
});

describe('TestCasesPanel and the flow repository', () => {
  it('lists nothing for another flow', async () => {
    const other = await repo.create('Other');
    await repo.saveTestCase(flowId, { ...recorded, name: 'Vendas', flowRevision: 1 });
    render(
      <RepositoryProvider repository={repo}>
        <TestCasesPanel flowId={other.id} doc={reception} recorded={null} showCoverage={() => {}} />
      </RepositoryProvider>,
    );
    await waitFor(() => expect(panel().textContent).toContain('No test cases yet.'));
  });
});

describe('TestCasesPanel of a viewer', () => {
  it('runs and exports the test cases, never saves or changes them', async () => {
    await repo.saveTestCase(flowId, { ...recorded, name: 'Vendas', flowRevision: 1 });
    render(
      <RepositoryProvider repository={repo}>
        <TestCasesPanel
          flowId={flowId}
          doc={reception}
          recorded={recorded}
          showCoverage={() => {}}
          writable={false}
        />
      </RepositoryProvider>,
    );
    const vendas = within(await list()).getByRole('listitem');
    await userEvent.click(within(vendas).getByRole('button', { name: 'Run Vendas' }));
    await within(vendas).findByLabelText('Result of Vendas');
    within(vendas).getByRole('button', { name: /^Export Vendas/ });
    const changes = ['Save as test case', 'Import script', 'Rename Vendas', 'Delete Vendas'];
    expect(changes.filter((name) => within(panel()).queryByRole('button', { name }))).toEqual([]);
    expect(within(panel()).queryByRole('textbox', { name: 'Test case name' })).toBeNull();
  });
});

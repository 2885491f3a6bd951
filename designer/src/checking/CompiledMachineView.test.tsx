import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { examples } from '@callbot/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore, type EditorStore } from '../editor/store.ts';
import { CompiledMachineDialog, CompiledMachineView } from './CompiledMachineView.tsx';
import { performAction } from '../editor/actions.ts';
import { i18n } from '../i18n/index.ts';

const reception = () => createEditorStore(structuredClone(examples.reception));

function renderWith(store: EditorStore, ui = <CompiledMachineView />) {
  return render(<EditorProvider store={store}>{ui}</EditorProvider>);
}

/** jsdom's Blob has no `text()`. */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(new Error('unreadable blob'));
    reader.readAsText(blob);
  });

afterEach(async () => {
  await i18n.changeLanguage('en');
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('CompiledMachineView', () => {
  it('shows the machine as states and transitions first, the JSON behind a tab', async () => {
    const user = userEvent.setup();
    renderWith(reception());
    const outline = screen.getByRole('region', { name: 'States and transitions of the machine' });
    const listening = within(outline)
      .getAllByRole('listitem')
      .find((li) => li.querySelector('code')?.textContent === 'listening')!;
    expect(listening.textContent).toContain('listening');
    expect(listening.textContent).toContain('On entry: listen(on: true, modes: dtmf, speech');
    expect(outline.textContent).toContain('on prompt.ended → horario');
    expect(screen.queryByLabelText('Machine JSON')).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    expect(screen.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected')).toBe('true');
    const json = screen.getByLabelText('Machine JSON').textContent;
    expect(json).toContain('"id": "callbot"');
    expect(JSON.parse(json)).toMatchObject({ id: 'callbot', initial: '_ready' });

    // Arrow keys move between the tabs.
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(
      screen.getByRole('tab', { name: 'States and transitions' }),
    );
    expect(screen.getByRole('tabpanel').textContent).toContain('prompt.ended');
  });

  it('says what the first state waits for in the page’s language', async () => {
    await i18n.changeLanguage('pt-BR');
    renderWith(reception());
    const outline = screen.getByRole('region', { name: 'Estados e transições da máquina' });
    const ready = within(outline)
      .getAllByRole('listitem')
      .find((li) => li.querySelector('code')?.textContent === '_ready')!;
    expect(ready.textContent).toContain('Espera a chamada ser atendida.');
    expect(outline.textContent).not.toContain('Waiting for the call');
  });

  it('shows the errors instead while the flow does not compile, and follows its fixes', () => {
    const store = reception();
    renderWith(store);
    act(() =>
      store.getState().dispatch('connect', { source: 'greeting', port: 'next', target: 'ghost' }),
    );
    const view = screen.getByRole('region', { name: 'Compiled machine' });
    expect(screen.queryByLabelText('Machine JSON')).toBeNull();
    expect(view.textContent).toContain('leads to "ghost", which does not exist');
    expect(within(view).getByRole('button', { name: 'Download' })).toHaveProperty('disabled', true);
    act(() => {
      performAction('undo', { store, page: {} });
    });
    expect(
      screen.getByRole('region', { name: 'States and transitions of the machine' }),
    ).toBeTruthy();
  });

  it('copies the JSON', async () => {
    const user = userEvent.setup();
    renderWith(reception());
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(
      screen.getByLabelText('Machine JSON').textContent,
    );
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });

  it('downloads the machine as <flow name>.machine.json', async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal('URL', {
      ...URL,
      createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:machine'),
      revokeObjectURL: () => {},
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWith(reception());
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    const clicked = click.mock.contexts[0] as HTMLAnchorElement | undefined;
    expect(clicked?.download).toBe('Recepção Loja Exemplo.machine.json');
    expect(clicked?.href).toBe('blob:machine');
    expect(clicked?.isConnected).toBe(false);
    expect(JSON.parse(await textOf(blobs[0]!))).toMatchObject({ id: 'callbot' });
  });

  it('opens in a dialog from a "Compiled machine" button, and closes', async () => {
    const user = userEvent.setup();
    renderWith(reception(), <CompiledMachineDialog />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Compiled machine' }));
    const dialog = screen.getByRole('dialog', { name: 'Compiled machine' });
    await user.click(within(dialog).getByRole('tab', { name: 'JSON' }));
    expect(within(dialog).getByLabelText('Machine JSON').textContent).toContain('"id": "callbot"');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

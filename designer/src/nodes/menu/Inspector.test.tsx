import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NodeOfKind } from '@callbot/shared';
import { renderInspector } from '../renderInspector.tsx';
import { sampleFlow } from '../../inspector/sampleFlow.ts';
import { freshOptionId, nextFreeKey } from './Inspector.tsx';

const setup = () => {
  const view = renderInspector({ selected: ['menu'] });
  const menu = () => view.node('menu') as NodeOfKind<'menu'>;
  const option = (n: number) => within(screen.getByRole('group', { name: `Option ${n}` }));
  return { ...view, menu, option };
};

describe('MenuInspector', () => {
  it('takes the next free key and a fresh id for a new option', () => {
    const options = [
      { id: 'opt2', key: '1', keywords: [] },
      { id: 'b', key: '3', keywords: [] },
    ];
    expect(nextFreeKey(options)).toBe('2');
    expect(freshOptionId(options)).toBe('opt3');
    expect(freshOptionId([{ id: 'opt1', key: '1', keywords: [] }])).toBe('opt2');
  });

  it('adds an option as one step, with the next free key', async () => {
    const { user, menu, store, option } = setup();
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    expect(menu().data.options.at(-1)).toEqual({ id: 'opt4', key: '4', keywords: [] });
    expect(store.getState().past.map((e) => e.name)).toEqual(['updateNode']);
    expect(option(4).getByRole<HTMLSelectElement>('combobox', { name: 'Key' }).value).toBe('4');
  });

  it('removes an option and its connection in one step', async () => {
    const { user, menu, store } = setup();
    await user.click(screen.getByRole('button', { name: 'Remove option 2' }));
    expect(menu().data.options.map((o) => o.id)).toEqual(['vendas', 'ia']);
    expect(menu().connections['option:suporte']).toBeUndefined();
    expect(menu().connections['option:vendas']).toBe('t-vendas');
    expect(store.getState().past).toHaveLength(1);
  });

  it('moves an option up and down, keeping its connection', async () => {
    const { user, menu } = setup();
    expect(screen.getByRole('button', { name: 'Move option 1 up' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Move option 3 up' }));
    expect(menu().data.options.map((o) => o.id)).toEqual(['vendas', 'ia', 'suporte']);
    await user.click(screen.getByRole('button', { name: 'Move option 1 down' }));
    expect(menu().data.options.map((o) => o.id)).toEqual(['ia', 'vendas', 'suporte']);
    expect(menu().connections['option:ia']).toBe('assistente');
  });

  it('connects and disconnects an option’s port through its target select', async () => {
    const { user, menu, store, option } = setup();
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    const target = option(4).getByRole('combobox', { name: 'Goes to' });
    expect((target as HTMLSelectElement).value).toBe('');
    await user.selectOptions(target, 'tchau');
    expect(menu().connections['option:opt4']).toBe('tchau');
    expect(store.getState().past.map((e) => e.name)).toEqual(['updateNode', 'connect']);
    await user.selectOptions(target, '');
    expect(menu().connections['option:opt4']).toBeUndefined();
    expect(store.getState().past.at(-1)?.name).toBe('disconnect');
  });

  it('edits an option’s key, keywords and label', async () => {
    const { user, menu, option } = setup();
    await user.selectOptions(option(1).getByRole('combobox', { name: 'Key' }), '9');
    const keywords = option(1).getByRole('textbox', { name: 'Keywords' });
    await user.clear(keywords);
    await user.type(keywords, 'vendas, comprar ,  , loja{Enter}');
    await user.clear(option(1).getByRole('textbox', { name: 'Label' }));
    await user.tab();
    expect(menu().data.options[0]).toEqual({
      id: 'vendas',
      key: '9',
      keywords: ['vendas', 'comprar', 'loja'],
    });
  });

  it('flags a key used twice, from the flow’s validation', async () => {
    const { user, option } = setup();
    const key = option(2).getByRole('combobox', { name: 'Key' });
    expect(within(key).getByRole('option', { name: '1 (option 1)' })).toBeDefined();
    await user.selectOptions(key, '1');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(option(2).getByText(/Key 1 is used by options 1 and 2/)).toBeDefined();
  });

  it('refuses a value the schema refuses, and leaves the document alone', async () => {
    const { user, store, option } = setup();
    const keywords = option(1).getByRole('textbox', { name: 'Keywords' });
    await user.clear(keywords);
    await user.type(keywords, 'x'.repeat(81));
    expect(keywords.getAttribute('aria-invalid')).toBe('true');
    expect(option(1).getByText('Use at most 80 characters.')).toBeDefined();
    await user.tab();
    expect(store.getState().doc).toEqual(sampleFlow());

    const repeats = within(screen.getByRole('group', { name: 'No match' })).getByRole(
      'spinbutton',
      { name: 'Repeats' },
    );
    await user.clear(repeats);
    await user.tab();
    expect(repeats.getAttribute('aria-invalid')).toBe('true');
    expect(store.getState().doc).toEqual(sampleFlow());
  });

  it('edits the no-input and no-match settings', async () => {
    const { user, menu } = setup();
    const noInput = within(screen.getByRole('group', { name: 'No input' }));
    await user.type(noInput.getByRole('textbox', { name: /Message/ }), 'Não ouvi nada.');
    await user.tab();
    await user.selectOptions(noInput.getByRole('combobox', { name: 'Then go to' }), 'tchau');
    const noMatch = within(screen.getByRole('group', { name: 'No match' }));
    await user.clear(noMatch.getByRole('textbox', { name: /Message/ }));
    await user.tab();
    expect(menu().data.noInput).toEqual({ repeats: 2, message: 'Não ouvi nada.' });
    expect(menu().data.noMatch).toEqual({ repeats: 2 });
    expect(menu().connections.noInput).toBe('tchau');
  });

  it('allows no more options than a keypad has keys', async () => {
    const { user } = setup();
    const add = screen.getByRole('button', { name: 'Add option' });
    for (let i = 0; i < 9; i++) await user.click(add);
    expect(add).toHaveProperty('disabled', true);
  });
});

import { nodeUIs } from '../nodes/index.ts';
import { nodeSizesOf } from '../canvas/NodeUIContext.tsx';
import { describe, expect, it } from 'vitest';
import { createFlow } from '@callbot/shared';
import { addNodeAt } from '../canvas/canvasActions.ts';
import { createEditorStore } from '../editor/store.ts';
import { i18n } from './index.ts';
import { defaultNodeLabel } from './nodeTerms.ts';
import { performAction } from '../editor/actions.ts';

describe('defaultNodeLabel', () => {
  const pt = i18n.getFixedT('pt-BR');

  it('names a new node by its kind in the UI language, numbered when the name is taken', () => {
    expect(defaultNodeLabel([], 'menu', pt)).toBe('Menu de botões');
    const nodes = [
      { id: 'menu', label: 'Menu de botões' },
      { id: 'x', label: 'Menu de botões 2' },
    ];
    expect(defaultNodeLabel(nodes, 'menu', pt)).toBe('Menu de botões 3');
    expect(defaultNodeLabel([{ id: 'greeting', label: 'Mensagem inicial' }], 'message', pt)).toBe(
      'Mensagem',
    );
    expect(defaultNodeLabel([], 'fallbackBot', i18n.getFixedT('es'))).toBe('Bot de respaldo');
  });

  it('counts a node shown by its id as taking that name', () => {
    expect(defaultNodeLabel([{ id: 'Message' }], 'message', i18n.getFixedT('en'))).toBe(
      'Message 2',
    );
  });

  it('is the label a node added on the canvas gets; its id stays an id', async () => {
    await i18n.changeLanguage('pt-BR');
    try {
      const editor = createEditorStore(createFlow('Recepção'));
      const first = addNodeAt(editor, 'schedule', { x: 0, y: 400 }, nodeSizesOf(nodeUIs));
      const second = addNodeAt(editor, 'schedule', { x: 400, y: 400 }, nodeSizesOf(nodeUIs));
      const nodes = editor.getState().doc.nodes;
      expect([first, second]).toEqual(['schedule', 'schedule-2']);
      expect(nodes.find((n) => n.id === first)?.label).toBe('Horários de atendimento');
      expect(nodes.find((n) => n.id === second)?.label).toBe('Horários de atendimento 2');
      performAction('undo', { store: editor, page: {} });
      expect(editor.getState().doc.nodes.some((n) => n.id === second)).toBe(false);
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

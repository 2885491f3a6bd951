import { compileFlow, validateFlow, type FlowDocument } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import { examples } from './examples.ts';

const node = (doc: FlowDocument, id: string) => {
  const found = doc.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};

describe('the reception example', () => {
  const doc = examples.reception;

  it('is valid and compiles', () => {
    expect(validateFlow(doc)).toEqual([]);
    expect(compileFlow(doc).machine).not.toBeNull();
  });

  it('has the nodes, texts and routes of the specification', () => {
    expect(doc.settings.timeZone).toBe('America/Sao_Paulo');
    expect(node(doc, 'greeting')).toMatchObject({
      kind: 'greeting',
      data: { text: 'Olá! Você ligou para a Loja Exemplo.' },
      connections: { next: 'horario' },
    });
    expect(node(doc, 'horario')).toMatchObject({
      kind: 'schedule',
      connections: { open: 'menu', closed: 'fechado', holiday: 'fechado' },
    });
    const horario = node(doc, 'horario');
    if (horario.kind !== 'schedule') throw new Error('horario is a schedule');
    expect(horario.data.weekly.map((r) => `${r.day} ${r.start}-${r.end}`)).toEqual([
      'mon 09:00-18:00',
      'tue 09:00-18:00',
      'wed 09:00-18:00',
      'thu 09:00-18:00',
      'fri 09:00-18:00',
      'sat 09:00-13:00',
    ]);
    expect(horario.data.holidays.map((h) => h.date)).toEqual(['2026-12-25', '2027-01-01']);
    expect(node(doc, 'fechado')).toMatchObject({
      kind: 'message',
      data: {
        text: 'Estamos fechados agora. Vou transferir você para o nosso assistente virtual.',
      },
      connections: { next: 'bot-fora' },
    });
    expect(node(doc, 'bot-fora')).toMatchObject({
      kind: 'fallbackBot',
      data: { bot: 'bot-fora-do-horario' },
    });
    expect(node(doc, 'menu')).toMatchObject({
      kind: 'menu',
      data: {
        prompt: 'Para vendas, digite 1. Para suporte, digite 2.',
        options: [
          { key: '1', keywords: ['vendas'] },
          { key: '2', keywords: ['suporte'] },
        ],
        noInput: { timeoutMs: 5000, repeats: 2 },
        noMatch: { repeats: 2, message: 'Opção inválida.' },
      },
      connections: {
        'option:vendas': 't-vendas',
        'option:suporte': 't-suporte',
        noInput: 't-recepcao',
        noMatch: 'tchau',
      },
    });
    for (const [id, team, fallback] of [
      ['t-vendas', 'vendas', 'bot-vendas'],
      ['t-suporte', 'suporte', 'bot-suporte'],
      ['t-recepcao', 'recepcao', 'tchau'],
    ] as const) {
      expect(node(doc, id)).toMatchObject({
        kind: 'transfer',
        data: { team },
        connections: { noAgents: fallback, failed: fallback },
      });
    }
    expect(node(doc, 'bot-vendas')).toMatchObject({
      kind: 'fallbackBot',
      data: { bot: 'bot-vendas' },
    });
    expect(node(doc, 'bot-suporte')).toMatchObject({
      kind: 'fallbackBot',
      data: { bot: 'bot-suporte' },
    });
    expect(node(doc, 'tchau')).toMatchObject({
      kind: 'hangup',
      data: { text: 'Obrigado pela ligação. Até logo.' },
    });
  });
});

describe('the AI agent example', () => {
  const doc = examples.aiAgent;

  it('is valid and compiles', () => {
    expect(validateFlow(doc)).toEqual([]);
    expect(compileFlow(doc).machine).not.toBeNull();
  });

  it('greets, then lets the agent talk, finish or transfer to support', () => {
    expect(node(doc, 'greeting')).toMatchObject({
      data: { text: 'Olá! Sou a assistente virtual da Loja Exemplo.' },
      connections: { next: 'assistente' },
    });
    expect(node(doc, 'assistente')).toMatchObject({
      kind: 'aiAgent',
      connections: { done: 'tchau', transfer: 't-suporte' },
    });
    expect(node(doc, 't-suporte')).toMatchObject({
      kind: 'transfer',
      data: { team: 'suporte' },
      connections: { noAgents: 'tchau', failed: 'tchau' },
    });
    expect(node(doc, 'tchau')).toMatchObject({
      kind: 'hangup',
      data: { text: 'Obrigado pela ligação. Até logo.' },
    });
  });
});

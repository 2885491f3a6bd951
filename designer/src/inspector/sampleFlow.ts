import { nodeKinds, type FlowDocument } from '@callbot/shared';

/**
 * A small flow with one node of every kind, for the inspector's stories and
 * tests: greeting -> schedule -> menu -> transfers, a fallback bot, an AI agent.
 */
export function sampleFlow(): FlowDocument {
  return {
    schemaVersion: 1,
    settings: {
      name: 'Loja Exemplo',
      timeZone: 'America/Sao_Paulo',
      locale: 'pt-BR',
      noInputTimeoutMs: 5000,
    },
    nodes: [
      {
        id: 'greeting',
        kind: 'greeting',
        data: { text: 'Olá! Você ligou para a Loja Exemplo.' },
        connections: { next: 'horario' },
      },
      {
        id: 'horario',
        kind: 'schedule',
        label: 'Opening hours',
        data: {
          weekly: [
            ...(['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
              day,
              start: '09:00',
              end: '18:00',
            })),
            { day: 'sat', start: '09:00', end: '13:00' },
          ],
          holidays: [{ date: '2026-12-25', name: 'Natal' }],
        },
        connections: { open: 'menu', closed: 'fechado', holiday: 'fechado' },
      },
      {
        id: 'fechado',
        kind: 'message',
        data: { text: 'Estamos fechados agora.' },
        connections: { next: 'bot-fora' },
      },
      {
        id: 'bot-fora',
        kind: 'fallbackBot',
        data: { bot: 'bot-fora-do-horario' },
        connections: {},
      },
      {
        id: 'menu',
        kind: 'menu',
        label: 'Main menu',
        data: {
          ...nodeKinds.menu.defaults('pt-BR'),
          prompt: 'Para vendas, digite 1. Para suporte, digite 2. Para falar com a assistente, 3.',
          options: [
            { id: 'vendas', key: '1', keywords: ['vendas'], label: 'Vendas' },
            { id: 'suporte', key: '2', keywords: ['suporte'], label: 'Suporte' },
            { id: 'ia', key: '3', keywords: ['assistente'] },
          ],
        },
        connections: {
          'option:vendas': 't-vendas',
          'option:suporte': 't-suporte',
          'option:ia': 'assistente',
          noInput: 't-vendas',
          noMatch: 'tchau',
        },
      },
      {
        id: 't-vendas',
        kind: 'transfer',
        data: { team: 'vendas' },
        connections: { noAgents: 'bot-fora', failed: 'tchau' },
      },
      {
        id: 't-suporte',
        kind: 'transfer',
        data: { team: 'suporte' },
        connections: { noAgents: 'bot-fora', failed: 'tchau' },
      },
      {
        id: 'assistente',
        kind: 'aiAgent',
        data: {
          instructions: 'Você é a assistente da Loja Exemplo. Responda sobre pedidos e entregas.',
          endpoint: 'default',
        },
        connections: { done: 'tchau', transfer: 't-suporte' },
      },
      {
        id: 'tchau',
        kind: 'hangup',
        data: { text: 'Obrigado pela ligação. Até logo.' },
        connections: {},
      },
    ],
    layout: {
      nodes: {
        greeting: { x: 0, y: 0 },
        horario: { x: 0, y: 150 },
        fechado: { x: -340, y: 320 },
        'bot-fora': { x: -340, y: 480 },
        menu: { x: 200, y: 320 },
        't-vendas': { x: -80, y: 560 },
        't-suporte': { x: 240, y: 560 },
        assistente: { x: 560, y: 560 },
        tchau: { x: 560, y: 740 },
      },
    },
  };
}

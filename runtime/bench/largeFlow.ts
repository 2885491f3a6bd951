/**
 * A generated flow as large as flows get (2,000 nodes is the most Twilio
 * Studio accepts), shared by the runtime's and the designer's benchmarks.
 */
import type { FlowDocument, FlowNode } from '@callbot/shared';

const WEEKLY = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
  day,
  start: '09:00',
  end: '18:00',
}));

/**
 * A valid flow of exactly `total` nodes: a greeting, then blocks of ten
 * (menu, message, schedule, three transfers, two messages, a fallback bot, a
 * hangup) chained menu to menu, each menu able to go back to the one before,
 * then messages to a last goodbye. Every port is connected, every node
 * reachable, and every loop goes through a menu.
 */
export function generateLargeFlow(
  total: number,
  grid: { columns: number; cell: { x: number; y: number } } = {
    columns: 40,
    cell: { x: 320, y: 300 },
  },
): FlowDocument {
  const nodes: FlowNode[] = [];
  const BLOCK = 10;
  const blocks = Math.floor((total - 2) / BLOCK);
  const tail = total - 1 - blocks * BLOCK; // messages, then the last hangup
  const firstTail = tail > 1 ? 'end-1' : 'fim';
  const menu = (i: number) => (i < blocks ? `b${i}-menu` : firstTail);

  nodes.push({
    id: 'greeting',
    kind: 'greeting',
    data: { text: 'Olá! Você ligou para a Loja Exemplo.' },
    connections: { next: menu(0) },
  });
  for (let i = 0; i < blocks; i++) {
    const id = (name: string) => `b${i}-${name}`;
    nodes.push(
      {
        id: id('menu'),
        kind: 'menu',
        label: `Menu ${i}`,
        data: {
          prompt: `Departamento ${i}. Para vendas, digite 1. Para suporte, digite 2.${i > 0 ? ' Para voltar, digite 3.' : ''}`,
          options: [
            { id: 'vendas', key: '1', keywords: ['vendas'], label: 'Vendas' },
            { id: 'suporte', key: '2', keywords: ['suporte'], label: 'Suporte' },
            ...(i > 0 ? [{ id: 'voltar', key: '3', keywords: ['voltar'], label: 'Voltar' }] : []),
          ],
          noInput: { timeoutMs: 5000, repeats: 2 },
          noMatch: { repeats: 2, message: 'Opção inválida.' },
        },
        connections: {
          'option:vendas': id('info'),
          'option:suporte': id('t-suporte'),
          ...(i > 0 && { 'option:voltar': menu(i - 1) }),
          noInput: id('t-recepcao'),
          noMatch: id('tchau'),
        },
      },
      {
        id: id('info'),
        kind: 'message',
        data: { text: `Você escolheu vendas no departamento ${i}.` },
        connections: { next: id('horario') },
      },
      {
        id: id('horario'),
        kind: 'schedule',
        data: {
          weekly: WEEKLY,
          holidays: [
            { date: '2026-12-25', name: 'Natal' },
            { date: '2027-01-01', name: 'Ano novo' },
          ],
        },
        connections: { open: id('t-vendas'), closed: id('fechado'), holiday: id('fechado') },
      },
      {
        id: id('t-vendas'),
        kind: 'transfer',
        data: { team: `vendas-${i}` },
        connections: { noAgents: id('fila'), failed: id('fila') },
      },
      {
        id: id('fila'),
        kind: 'message',
        data: { text: 'Todos os atendentes estão ocupados. Vamos ao próximo departamento.' },
        connections: { next: menu(i + 1) },
      },
      {
        id: id('fechado'),
        kind: 'message',
        data: { text: 'Estamos fechados agora. Vou transferir você para o assistente virtual.' },
        connections: { next: id('bot') },
      },
      {
        id: id('bot'),
        kind: 'fallbackBot',
        data: { bot: `bot-${i}` },
        connections: {},
      },
      {
        id: id('t-suporte'),
        kind: 'transfer',
        data: { team: `suporte-${i}` },
        connections: { noAgents: id('bot'), failed: id('tchau') },
      },
      {
        id: id('t-recepcao'),
        kind: 'transfer',
        data: { team: 'recepcao' },
        connections: { noAgents: id('tchau'), failed: id('tchau') },
      },
      {
        id: id('tchau'),
        kind: 'hangup',
        data: { text: 'Obrigado pela ligação. Até logo.' },
        connections: {},
      },
    );
  }
  for (let j = 1; j < tail; j++) {
    nodes.push({
      id: `end-${j}`,
      kind: 'message',
      data: { text: `Mensagem final ${j}.` },
      connections: { next: j + 1 < tail ? `end-${j + 1}` : 'fim' },
    });
  }
  nodes.push({
    id: 'fim',
    kind: 'hangup',
    data: { text: 'Obrigado pela ligação. Até logo.' },
    connections: {},
  });
  return {
    schemaVersion: 1,
    settings: {
      name: `Fluxo de ${total} nós`,
      timeZone: 'America/Sao_Paulo',
      locale: 'pt-BR',
      noInputTimeoutMs: 5000,
    },
    nodes,
    layout: {
      nodes: Object.fromEntries(
        nodes.map((n, k) => [
          n.id,
          { x: (k % grid.columns) * grid.cell.x, y: Math.floor(k / grid.columns) * grid.cell.y },
        ]),
      ),
    },
  };
}

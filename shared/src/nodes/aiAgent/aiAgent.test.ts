import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../compiler/compile.ts';
import type { FlowNode } from '../../document/schema.ts';
import { callStarted, compiled, flow, listenOf, runCompiled } from '../../test/harness.ts';
import { validateFlow } from '../../validation/validate.ts';

const AT = '2026-11-24T10:00:00-03:00';

const greetingNode: FlowNode = {
  id: 'greeting',
  kind: 'greeting',
  data: { text: 'Olá!' },
  connections: { next: 'ia' },
};

const agentNode = (
  data: { instructions?: string; endpoint?: string } = {},
  connections: Record<string, string> = { done: 'fim', transfer: 'equipe' },
): FlowNode => ({
  id: 'ia',
  kind: 'aiAgent',
  data: { instructions: 'Você atende clientes da Loja Exemplo.', endpoint: 'default', ...data },
  connections,
});

const ends: FlowNode[] = [
  { id: 'fim', kind: 'hangup', data: { text: '' }, connections: {} },
  {
    id: 'equipe',
    kind: 'transfer',
    data: { team: 'suporte' },
    connections: { noAgents: 'fim', failed: 'fim' },
  },
];

const doc = flow([greetingNode, agentNode(), ...ends]);

/** Answers the call and lets the greeting finish: the agent has started. */
function atAgent(d: unknown = doc) {
  const h = runCompiled(compiled(d), { at: AT, agents: { suporte: 1 } });
  h.send(callStarted(AT));
  h.endPrompt();
  return h;
}

const reply = (text: string, ending: { done?: boolean; transfer?: boolean } = {}) =>
  ({ type: 'agent.reply', text, ...ending }) as const;

describe('aiAgent: starting', () => {
  it('starts the agent and listens at once, before its first reply', () => {
    const h = atAgent();
    expect(h.log.slice(-2)).toEqual(['enter: ia', 'startAgent: ia']);
    expect(h.state()).toEqual({ ia: 'waiting' });
    expect(h.tags()).toEqual(['listening']);
  });

  it('gives the agent its instructions and endpoint, and listens for speech only', () => {
    const state = compiled(doc).states.ia;
    expect(state?.entry).toContainEqual({
      type: 'startAgent',
      params: {
        node: 'ia',
        instructions: 'Você atende clientes da Loja Exemplo.',
        endpoint: 'default',
      },
    });
    // One listen for the whole node: it listens while waiting, speaking and closing.
    expect(listenOf(state)).toEqual({ on: true, modes: ['speech'] });
    expect(state?.exit).toContainEqual({ type: 'listen', params: { on: false } });
  });

  it('passes what the caller says to the agent while waiting, and keeps waiting', () => {
    const h = atAgent();
    h.send({ type: 'speech', text: 'Quero saber do meu pedido' });
    expect(h.log.at(-1)).toBe('hear: Quero saber do meu pedido');
    expect(h.state()).toEqual({ ia: 'waiting' });
    expect(h.log).not.toContain('cancel');
  });

  it('ignores keys and does not time out', () => {
    const h = atAgent();
    const before = [...h.log];
    h.send({ type: 'dtmf', digit: '1' });
    h.advance(10 * 60_000);
    expect(h.log).toEqual(before);
    expect(h.state()).toEqual({ ia: 'waiting' });
  });
});

describe('aiAgent: replies and barge-in (R17)', () => {
  it('says a reply while still listening', () => {
    const h = atAgent();
    h.send(reply('Claro, qual é o número do pedido?'));
    expect(h.log.at(-1)).toBe('say: Claro, qual é o número do pedido?');
    expect(h.state()).toEqual({ ia: 'speaking' });
    expect(h.tags()).toEqual(['listening', 'speaking']);
  });

  it('goes back to waiting when the reply has been said', () => {
    const h = atAgent();
    h.send(reply('Pois não?'));
    h.endPrompt();
    expect(h.state()).toEqual({ ia: 'waiting' });
    expect(h.tags()).toEqual(['listening']);
  });

  it('lets the caller interrupt: cancels the reply, then passes the speech on', () => {
    const h = atAgent();
    h.send(reply('Nosso horário de atendimento é de segunda a sexta...'));
    h.send({ type: 'speech', text: 'só quero falar com alguém' });
    expect(h.log.slice(-2)).toEqual(['cancel', 'hear: só quero falar com alguém']);
    expect(h.state()).toEqual({ ia: 'waiting' });
    expect(h.tags()).toEqual(['listening']);
  });

  it('holds a whole conversation, turn after turn', () => {
    const h = atAgent();
    h.send({ type: 'speech', text: 'oi' });
    h.send(reply('Olá, em que posso ajudar?'));
    h.endPrompt();
    h.send({ type: 'speech', text: 'meu pedido' });
    h.send(reply('Qual o número?'));
    h.send({ type: 'speech', text: '123' });
    expect(h.log.slice(h.log.indexOf('startAgent: ia') + 1)).toEqual([
      'hear: oi',
      'say: Olá, em que posso ajudar?',
      'hear: meu pedido',
      'say: Qual o número?',
      'cancel',
      'hear: 123',
    ]);
    expect(h.done()).toBe(false);
  });

  it('lets a newer reply supersede the one being said, even a final one', () => {
    const h = atAgent();
    h.send(reply('Um momento, vou verificar...'));
    h.send(reply('Encontrei: seu pedido chega amanhã.'));
    expect(h.log.slice(-2)).toEqual(['cancel', 'say: Encontrei: seu pedido chega amanhã.']);
    expect(h.state()).toEqual({ ia: 'speaking' });
    h.send(reply('Até logo!', { done: true }));
    expect(h.log.slice(-2)).toEqual(['cancel', 'say: Até logo!']);
    expect(h.state()).toEqual({ ia: 'closingDone' });
  });

  it('ignores an empty reply that neither finishes nor transfers', () => {
    const h = atAgent();
    const before = [...h.log];
    h.send(reply('   '));
    expect(h.log).toEqual(before);
    expect(h.state()).toEqual({ ia: 'waiting' });
  });
});

describe('aiAgent: finishing', () => {
  it('says a final reply, then takes done once it has been said', () => {
    const h = atAgent();
    h.send(reply('Até mais!', { done: true }));
    expect(h.log.at(-1)).toBe('say: Até mais!');
    expect(h.tags()).toEqual(['listening', 'speaking']);
    expect(h.log).not.toContain('enter: fim');
    h.endPrompt();
    expect(h.log.slice(-4)).toEqual([
      'stopAgent: ia',
      'enter: fim',
      'hangup: flow_ended',
      'end: hung_up',
    ]);
    expect(h.done()).toBe(true);
  });

  it('says a transferring reply, then takes transfer', () => {
    const h = atAgent();
    h.send(reply('Vou transferir você.', { transfer: true }));
    expect(h.log.at(-1)).toBe('say: Vou transferir você.');
    h.endPrompt();
    expect(h.log.slice(-3)).toEqual(['stopAgent: ia', 'enter: equipe', 'transfer: suporte']);
    expect(h.log).not.toContain('enter: fim');
  });

  it('prefers transfer when a reply is marked both done and transfer', () => {
    const h = atAgent();
    h.send(reply('Um momento.', { done: true, transfer: true }));
    h.endPrompt();
    expect(h.log).toContain('enter: equipe');
    expect(h.log).not.toContain('enter: fim');
  });

  it('takes the port at once for a silent final reply', () => {
    const h = atAgent();
    h.send(reply('', { done: true }));
    expect(h.log.slice(-4)).toEqual([
      'stopAgent: ia',
      'enter: fim',
      'hangup: flow_ended',
      'end: hung_up',
    ]);
    expect(h.log.filter((s) => s.startsWith('say: '))).toEqual(['say: Olá!']);
  });

  it('takes transfer at once for a silent transferring reply', () => {
    const h = atAgent();
    h.send(reply(' ', { transfer: true }));
    expect(h.log.slice(-3)).toEqual(['stopAgent: ia', 'enter: equipe', 'transfer: suporte']);
  });

  it('lets the caller cut the final reply short: cancel, then the port', () => {
    const h = atAgent();
    h.send(reply('Obrigado por ligar, tenha um ótimo dia!', { done: true }));
    h.send({ type: 'speech', text: 'tchau' });
    // Leaving the node stops the agent (exit) before the transition cancels the prompt.
    expect(h.log.slice(-5)).toEqual([
      'stopAgent: ia',
      'cancel',
      'enter: fim',
      'hangup: flow_ended',
      'end: hung_up',
    ]);
    expect(h.log).not.toContain('hear: tchau');
  });

  it('hangs up when the port taken is not connected', () => {
    const h = atAgent(flow([greetingNode, agentNode({}, { transfer: 'equipe' }), ...ends]));
    h.send(reply('', { done: true }));
    expect(h.log.slice(-3)).toEqual(['stopAgent: ia', 'hangup: unconnected_port', 'end: hung_up']);
  });

  it('stops the agent when the caller hangs up', () => {
    const h = atAgent();
    h.send(reply('Pois não?'));
    h.send({ type: 'call.ended', by: 'caller' });
    expect(h.log.slice(-2)).toEqual(['stopAgent: ia', 'end: caller_hung_up']);
    expect(h.done()).toBe(true);
  });

  it('restarts the agent when its port leads back to itself', () => {
    const h = atAgent(
      flow([greetingNode, agentNode({}, { done: 'ia', transfer: 'equipe' }), ...ends]),
    );
    h.send(reply('Vamos recomeçar.', { done: true }));
    h.endPrompt();
    expect(h.log.slice(-3)).toEqual(['stopAgent: ia', 'enter: ia', 'startAgent: ia']);
    expect(h.state()).toEqual({ ia: 'waiting' });
  });
});

describe('aiAgent validation', () => {
  it('has no diagnostics with instructions, an endpoint and both ports connected', () => {
    expect(validateFlow(doc)).toEqual([]);
  });

  it('refuses an agent without instructions (aiAgent.noInstructions)', () => {
    const d = flow([greetingNode, agentNode({ instructions: '  ' }), ...ends]);
    expect(validateFlow(d)).toEqual([
      expect.objectContaining({
        code: 'aiAgent.noInstructions',
        severity: 'error',
        nodeId: 'ia',
        path: 'nodes[1].data.instructions',
      }),
    ]);
    expect(compileFlow(d).machine).toBeNull();
  });

  it('refuses an agent without an endpoint (aiAgent.noEndpoint)', () => {
    const d = flow([greetingNode, agentNode({ endpoint: '' }), ...ends]);
    expect(validateFlow(d)).toEqual([
      expect.objectContaining({
        code: 'aiAgent.noEndpoint',
        severity: 'error',
        nodeId: 'ia',
        path: 'nodes[1].data.endpoint',
      }),
    ]);
    expect(compileFlow(d).machine).toBeNull();
  });

  it('counts as listening, so a loop through it is not a silent loop', () => {
    const d = flow([
      greetingNode,
      agentNode({}, { done: 'aviso', transfer: 'equipe' }),
      { id: 'aviso', kind: 'message', data: { text: 'De novo.' }, connections: { next: 'ia' } },
      ...ends,
    ]);
    expect(validateFlow(d).map((x) => x.code)).not.toContain('flow.silentLoop');
  });
});

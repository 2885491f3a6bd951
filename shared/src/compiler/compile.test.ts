import { describe, expect, it } from 'vitest';
import aiAgentFlow from '../../../runtime/examples/ai-agent.flow.json';
import reception from '../../../runtime/examples/reception.flow.json';
import { loadFlow } from '../document/load.ts';
import { callStarted, listenOf, runCompiled } from '../test/harness.ts';
import { compileFlow } from './compile.ts';
import type { StateConfig } from './machineConfig.ts';

const receptionDoc = loadFlow(reception).doc!;

/** Every state of a config with its path, depth first. */
function* allStates(
  states: Record<string, StateConfig>,
  path = '',
): Generator<[string, StateConfig]> {
  for (const [key, state] of Object.entries(states)) {
    yield [`${path}${key}`, state];
    if (state.states) yield* allStates(state.states, `${path}${key}.`);
  }
}

describe('compileFlow', () => {
  it('compiles the reception example, one state per node plus the start and the endings', () => {
    const { machine, diagnostics } = compileFlow(reception);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(machine!.states)).toEqual([
      '_ready',
      ...receptionDoc.nodes.map((n) => n.id),
      '_transferred',
      '_handedOff',
      '_hungUp',
      '_callerHungUp',
    ]);
  });

  it('matches the reviewed machine for the reception example', async () => {
    const { machine } = compileFlow(reception);
    await expect(JSON.stringify(machine, null, 2) + '\n').toMatchFileSnapshot(
      './__snapshots__/reception.machine.json',
    );
  });

  it('compiles the AI agent example', () => {
    const { machine, diagnostics } = compileFlow(aiAgentFlow);
    expect(diagnostics).toEqual([]);
    expect(machine!.states.assistente!.states!.speaking!.tags).toEqual(['speaking', 'listening']);
  });

  it('is deterministic: the same document gives byte-identical JSON', () => {
    const a = JSON.stringify(compileFlow(reception).machine);
    const b = JSON.stringify(compileFlow(JSON.parse(JSON.stringify(reception))).machine);
    expect(a).toBe(b);
  });

  it('ignores layout: moving nodes never changes the machine', () => {
    const moved = structuredClone(receptionDoc);
    moved.layout.nodes = { greeting: { x: 999, y: -5 } };
    expect(JSON.stringify(compileFlow(moved).machine)).toBe(
      JSON.stringify(compileFlow(reception).machine),
    );
  });

  it('emits plain JSON: nothing is lost in a round trip', () => {
    const { machine } = compileFlow(reception);
    expect(JSON.parse(JSON.stringify(machine))).toEqual(machine);
  });

  it('tags states so any consumer can tell whether the bot speaks or listens', () => {
    const { machine } = compileFlow(reception);
    const tagged = [...allStates(machine!.states)]
      .filter(([, s]) => s.tags)
      .map(([path, s]) => `${path}: ${s.tags!.join('+')}`);
    expect(tagged).toEqual([
      'greeting: speaking',
      'fechado: speaking',
      'menu.prompt: speaking',
      'menu.listening: listening',
      'menu.noMatchMessage: speaking',
      'tchau.goodbye: speaking',
    ]);
    // Listening starts with a `listen` action saying how, so the runtime can emit the command.
    expect(listenOf(machine!.states.menu!.states!.listening)).toEqual({
      on: true,
      modes: ['dtmf', 'speech'],
      noInputMs: 5000,
    });
  });

  it('refuses to compile a flow with errors, and says why', () => {
    const broken = structuredClone(receptionDoc);
    broken.nodes[0]!.connections.next = 'nowhere';
    const { machine, diagnostics } = compileFlow(broken);
    expect(machine).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain('edge.missingTarget');
  });

  it('compiles despite warnings: an unconnected port hangs up there', () => {
    const partial = structuredClone(receptionDoc);
    delete partial.nodes.find((n) => n.id === 'menu')!.connections.noMatch;
    const { machine, diagnostics } = compileFlow(partial);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['port.unconnected', 'warning']]);

    const at = '2026-11-24T10:00:00-03:00';
    const h = runCompiled(machine!, { at });
    h.send(callStarted(at));
    h.endPrompt(); // greeting
    for (let i = 0; i < 3; i++) {
      h.endPrompt(); // menu prompt
      h.send({ type: 'dtmf', digit: '9' });
      if (i < 2) h.endPrompt(); // "Opção inválida."
    }
    expect(h.done()).toBe(true);
    expect(h.log.slice(-2)).toEqual(['hangup: unconnected_port', 'end: hung_up']);
  });

  it('returns diagnostics, never throws, for what is not a flow', () => {
    for (const input of [undefined, null, 0, 'x', [], {}, { schemaVersion: 1 }]) {
      const { machine, diagnostics } = compileFlow(input);
      expect(machine).toBeNull();
      expect(diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe('the reception example, run on its compiled machine', () => {
  const call = (at: string, agents: Record<string, number> = {}) => {
    const { machine } = compileFlow(reception);
    const h = runCompiled(machine!, { at, agents });
    h.send(callStarted(at));
    return h;
  };

  it('does not listen during the greeting, and listens only after the menu prompt (R17, R18)', () => {
    const h = call('2026-11-24T10:00:00-03:00', { vendas: 1 });
    expect(h.tags()).toEqual(['speaking']);
    h.send({ type: 'dtmf', digit: '1' }); // pressed during the greeting: no effect
    expect(h.state()).toBe('greeting');
    h.endPrompt();
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.tags()).toEqual(['speaking']);
    h.endPrompt();
    expect(h.tags()).toEqual(['listening']);
    h.send({ type: 'dtmf', digit: '1' });
    h.send({ type: 'transfer.result', outcome: 'answered' });
    expect(h.log.filter((l) => !l.startsWith('say'))).toEqual([
      'start',
      'enter: greeting',
      'enter: horario',
      'enter: menu',
      'enter: t-vendas',
      'transfer: vendas',
      'end: transferred',
    ]);
  });

  it('hands over to the sales bot when no seller is available (R16)', () => {
    const h = call('2026-11-24T10:00:00-03:00', { vendas: 0 });
    h.endPrompt();
    h.endPrompt();
    h.send({ type: 'speech', text: 'Vendas, por favor' });
    expect(h.log.slice(-4)).toEqual([
      'noAgents: vendas',
      'enter: bot-vendas',
      'handoff: bot-vendas',
      'end: handed_off',
    ]);
    expect(h.done()).toBe(true);
  });

  it('goes to the closed branch at 03:00 on a Sunday, and on Christmas', () => {
    for (const at of ['2026-11-29T03:00:00-03:00', '2026-12-25T10:00:00-03:00']) {
      const h = call(at);
      h.endPrompt();
      expect(h.state()).toBe('fechado');
      h.endPrompt();
      expect(h.log.slice(-2)).toEqual(['handoff: bot-fora-do-horario', 'end: handed_off']);
    }
  });

  it('after three silences transfers to the reception team', () => {
    const h = call('2026-11-24T10:00:00-03:00', { recepcao: 1 });
    h.endPrompt();
    for (let i = 0; i < 3; i++) {
      h.endPrompt();
      h.advance(5000);
    }
    expect(h.log.slice(-2)).toEqual(['enter: t-recepcao', 'transfer: recepcao']);
  });

  it('ends as caller_hung_up whenever the caller hangs up, and nothing happens after', () => {
    const h = call('2026-11-24T10:00:00-03:00');
    h.endPrompt();
    h.send({ type: 'call.ended', by: 'caller' });
    expect(h.done()).toBe(true);
    const log = [...h.log];
    h.send({ type: 'dtmf', digit: '1' });
    h.advance(60_000);
    expect(h.log).toEqual(log);
    expect(log.at(-1)).toBe('end: caller_hung_up');
  });
});

import { describe, expect, it } from 'vitest';
import { examples, scriptSchema, simulateCall, type Script } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import { readTestCase, runTestCase } from './testCase.ts';
import { diffLines, normalizeTranscript } from './transcript.ts';

const reception = examples.reception;

/** Monday 10:00 in São Paulo, no agents in sales: the caller presses 3 early, then 1. */
const script: Script = scriptSchema.parse({
  call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
  startAt: '2026-11-23T10:00:00-03:00',
  agents: { vendas: 0 },
  steps: [
    { at: 500, event: { type: 'dtmf', digit: '3' } },
    { when: 'listening', delay: 200, event: { type: 'dtmf', digit: '1' } },
  ],
});

const recorded = { script, transcript: simulateCall(reception, script).lines };

function withMenuPrompt(doc: FlowDocument, prompt: string): FlowDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((node) =>
      node.kind === 'menu' ? { ...node, data: { ...node.data, prompt } } : node,
    ),
  };
}

describe('normalizeTranscript', () => {
  it('gives the time and what happened, without prompt ids or node labels', () => {
    expect(normalizeTranscript(recorded.transcript)).toEqual([
      '00:00.000 node greeting (greeting)',
      '00:00.000 say "Olá! Você ligou para a Loja Exemplo."',
      '00:00.500 input dtmf 3 ignored (not_listening)',
      '00:02.800 node horario (schedule)',
      '00:02.800 node menu (menu)',
      '00:02.800 say "Para vendas, digite 1. Para suporte, digite 2."',
      '00:06.000 listen on',
      '00:06.200 input dtmf 1 accepted',
      '00:06.200 listen off',
      '00:06.200 node t-vendas (transfer)',
      '00:06.200 transfer vendas no_agents',
      '00:06.200 node bot-vendas (fallbackBot)',
      '00:06.200 handoff bot bot-vendas',
      '00:06.200 end handed_off after 00:06.200',
    ]);
  });

  it('writes minutes past the first', () => {
    expect(normalizeTranscript([{ t: 754_321, kind: 'listen', on: false }])).toEqual([
      '12:34.321 listen off',
    ]);
  });
});

describe('diffLines', () => {
  it('keeps the common lines and marks what went and what came', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'x' },
      { op: 'same', text: 'c' },
      { op: 'same', text: 'd' },
      { op: 'added', text: 'e' },
    ]);
    expect(diffLines([], [])).toEqual([]);
  });
});

describe('runTestCase', () => {
  it('passes when the flow still produces the recorded transcript', () => {
    const run = runTestCase(reception, recorded);
    expect(run.passed).toBe(true);
    expect(run.diff.every((l) => l.op === 'same')).toBe(true);
    expect(run.diff).toHaveLength(recorded.transcript.length);
  });

  it('fails after the menu text is edited, showing the old and new prompt and the later times', () => {
    const run = runTestCase(withMenuPrompt(reception, 'Vendas: 1. Suporte: 2.'), recorded);
    expect(run.passed).toBe(false);
    const changed = run.diff.filter((l) => l.op !== 'same');
    expect(changed).toContainEqual({
      op: 'removed',
      text: '00:02.800 say "Para vendas, digite 1. Para suporte, digite 2."',
    });
    expect(changed).toContainEqual({ op: 'added', text: '00:02.800 say "Vendas: 1. Suporte: 2."' });
    // Four words instead of eight: the menu listens 1.6 s sooner, so the rest of the call moves earlier.
    expect(changed).toContainEqual({ op: 'removed', text: '00:06.000 listen on' });
    expect(changed).toContainEqual({ op: 'added', text: '00:04.400 listen on' });
    expect(run.diff.slice(0, 5).every((l) => l.op === 'same')).toBe(true);
  });

  it('fails when the call takes another way (agents now answer in sales)', () => {
    const run = runTestCase(reception, {
      ...recorded,
      script: { ...script, agents: { vendas: 2 } },
    });
    expect(run.passed).toBe(false);
    expect(run.diff).toContainEqual({
      op: 'removed',
      text: '00:06.200 transfer vendas no_agents',
    });
    expect(run.diff).toContainEqual({ op: 'added', text: '00:06.200 transfer vendas answered' });
  });

  it('fails with the reason when the flow cannot run', () => {
    const broken: FlowDocument = {
      ...reception,
      nodes: reception.nodes.map((node) =>
        node.id === 'greeting' ? { ...node, connections: { next: 'nowhere' } } : node,
      ),
    };
    const run = runTestCase(broken, recorded);
    expect(run.passed).toBe(false);
    expect(run.error).toMatch(/\S/);
    expect(run.diff).toEqual([]);
  });
});

describe('readTestCase', () => {
  const record = {
    id: 7,
    flowId: 'flow-1',
    name: 'Vendas sem agentes',
    createdAt: 1,
    flowRevision: 3,
    ...recorded,
  };

  it('reads a stored test case back as it was saved', () => {
    expect(readTestCase(structuredClone(record))).toEqual({ ok: true, testCase: record });
  });

  it('says which field of a damaged one it cannot read', () => {
    const badScript = readTestCase({ ...record, script: { ...script, wordsPerMinute: -1 } });
    expect(badScript).toMatchObject({ ok: false, id: 7, name: 'Vendas sem agentes' });
    expect(!badScript.ok && badScript.why).toMatch(/^script\.wordsPerMinute: /);
    const badTranscript = readTestCase({ ...record, transcript: [{ t: 0, kind: 'say', text: 1 }] });
    expect(!badTranscript.ok && badTranscript.why).toMatch(/^transcript\.0/);
  });
});

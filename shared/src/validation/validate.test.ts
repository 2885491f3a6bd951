import { describe, expect, it } from 'vitest';
import aiAgentFlow from '../../../runtime/examples/ai-agent.flow.json';
import reception from '../../../runtime/examples/reception.flow.json';
import type { Diagnostic } from '../document/diagnostic.ts';
import type { FlowNode } from '../document/schema.ts';
import { flow } from '../test/harness.ts';
import { RESERVED_NODE_IDS, validateDocument, validateFlow } from './validate.ts';

const greeting = (next?: string, id = 'greeting'): FlowNode => ({
  id,
  kind: 'greeting',
  data: { text: 'Olá!' },
  connections: next ? { next } : {},
});
const message = (id: string, next?: string): FlowNode => ({
  id,
  kind: 'message',
  data: { text: 'Um momento.' },
  connections: next ? { next } : {},
});
const bye = (id = 'bye'): FlowNode => ({ id, kind: 'hangup', data: { text: '' }, connections: {} });
const menu = (id: string, connections: Record<string, string>): FlowNode => ({
  id,
  kind: 'menu',
  data: {
    prompt: 'Digite 1.',
    options: [{ id: 'a', key: '1', keywords: [] }],
    noInput: { repeats: 1 },
    noMatch: { repeats: 1 },
  },
  connections,
});
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const only = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('validateFlow', () => {
  it('finds nothing wrong in the two example flows', () => {
    expect(validateFlow(reception)).toEqual([]);
    expect(validateFlow(aiAgentFlow)).toEqual([]);
  });

  it('refuses node ids that every JavaScript object answers to, naming the id and where', () => {
    const ds = validateDocument(
      flow([greeting('toString'), menu('toString', { noInput: 'toString' })]),
    );
    expect(only(ds, 'node.reservedId')).toEqual([
      expect.objectContaining({
        severity: 'error',
        nodeId: 'toString',
        path: 'nodes[1].id',
        params: { id: 'toString' },
        message: expect.stringContaining('"toString" cannot be a node id') as unknown,
      }),
    ]);
    // Every such name an id could take is refused; nothing else is.
    const idLike = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
    const builtIns = Object.getOwnPropertyNames(Object.prototype).filter((n) => idLike.test(n));
    expect(new Set(builtIns)).toEqual(RESERVED_NODE_IDS);
    expect(codes(validateDocument(flow([greeting('tostring'), bye('tostring')])))).not.toContain(
      'node.reservedId',
    );
  });

  it('returns the schema diagnostics of a broken document instead of throwing', () => {
    expect(codes(validateFlow({ schemaVersion: 1 }))).toContain('schema');
    expect(codes(validateFlow('nonsense'))).toEqual(['document.notObject']);
  });

  it('requires a greeting: a flow without one has nowhere to start', () => {
    const ds = validateDocument(flow([bye()]));
    expect(only(ds, 'flow.noGreeting')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'nodes' }),
    ]);
  });

  it('refuses a second greeting, pointing at it', () => {
    const ds = validateDocument(flow([greeting('bye'), bye(), greeting('bye', 'hello2')]));
    expect(only(ds, 'flow.manyGreetings')).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'hello2', path: 'nodes[2]' }),
    ]);
  });

  it('refuses two nodes with the same id', () => {
    const ds = validateDocument(flow([greeting('bye'), bye(), bye()]));
    expect(only(ds, 'node.duplicateId')).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'bye', path: 'nodes[2].id' }),
    ]);
  });

  it('refuses a connection to a node that does not exist', () => {
    const ds = validateDocument(flow([greeting('ghost')]));
    expect(only(ds, 'edge.missingTarget')).toEqual([
      expect.objectContaining({
        severity: 'error',
        nodeId: 'greeting',
        port: 'next',
        path: 'nodes[0].connections.next',
      }),
    ]);
  });

  it('names the output and the node of a dangling connection by their labels', () => {
    const ds = validateDocument(flow([{ ...greeting('ghost'), label: 'Olá' }]));
    expect(only(ds, 'edge.missingTarget')[0]).toMatchObject({
      message: 'The "next" output of "Olá" leads to "ghost", which does not exist.',
      params: { port: 'next', portId: 'next', node: 'Olá', target: 'ghost' },
    });
  });

  it('warns about a connection from a port the node no longer has', () => {
    const ds = validateDocument(
      flow([
        greeting('m'),
        menu('m', { 'option:gone': 'bye', 'option:a': 'bye', noInput: 'bye', noMatch: 'bye' }),
        bye(),
      ]),
    );
    expect(only(ds, 'edge.unknownPort')).toEqual([
      expect.objectContaining({ severity: 'warning', nodeId: 'm', port: 'option:gone' }),
    ]);
  });

  it('warns about each unconnected port, as a warning that does not block', () => {
    const ds = validateDocument(flow([greeting('m'), menu('m', { 'option:a': 'bye' }), bye()]));
    expect(only(ds, 'port.unconnected').map((d) => [d.nodeId, d.port, d.severity])).toEqual([
      ['m', 'noInput', 'warning'],
      ['m', 'noMatch', 'warning'],
    ]);
  });

  it('does not ask to connect a schedule’s holiday port when it has no holidays', () => {
    const schedule = (holidays: { date: string }[]): FlowNode => ({
      id: 's',
      kind: 'schedule',
      data: { weekly: [{ day: 'mon', start: '09:00', end: '18:00' }], holidays },
      connections: { open: 'bye', closed: 'bye' },
    });
    expect(
      only(validateDocument(flow([greeting('s'), schedule([]), bye()])), 'port.unconnected'),
    ).toEqual([]);
    expect(
      only(
        validateDocument(flow([greeting('s'), schedule([{ date: '2026-12-25' }]), bye()])),
        'port.unconnected',
      ),
    ).toEqual([expect.objectContaining({ nodeId: 's', port: 'holiday' })]);
  });

  it('warns about nodes no call can reach', () => {
    const ds = validateDocument(
      flow([greeting('bye'), bye(), message('lost', 'bye'), bye('alsoLost')]),
    );
    expect(only(ds, 'node.unreachable').map((d) => d.nodeId)).toEqual(['lost', 'alsoLost']);
    expect(only(ds, 'node.unreachable')[0]!.severity).toBe('warning');
  });

  it('refuses a loop in which the bot never listens (it would talk forever)', () => {
    const ds = validateDocument(flow([greeting('a'), message('a', 'b'), message('b', 'a')]));
    expect(only(ds, 'flow.silentLoop').map((d) => [d.nodeId, d.severity])).toEqual([
      ['a', 'error'],
      ['b', 'error'],
    ]);
    expect(only(ds, 'flow.silentLoop')[0]!.message).toContain('a → b → a');
  });

  it('refuses a message that leads to itself, and a loop back to the greeting', () => {
    expect(
      only(validateDocument(flow([greeting('a'), message('a', 'a')])), 'flow.silentLoop'),
    ).toHaveLength(1);
    expect(
      only(
        validateDocument(flow([greeting('a'), message('a', 'greeting')])),
        'flow.silentLoop',
      ).map((d) => d.nodeId),
    ).toEqual(['greeting', 'a']);
  });

  it('accepts a loop that passes through a menu, where the caller is heard', () => {
    const ds = validateDocument(
      flow([
        greeting('m'),
        menu('m', { 'option:a': 'again', noInput: 'again', noMatch: 'bye' }),
        message('again', 'm'),
        bye(),
      ]),
    );
    expect(only(ds, 'flow.silentLoop')).toEqual([]);
  });

  it('warns when a silent caller would hear a menu for ever (menu.noInputLoop)', () => {
    const looping = validateDocument(
      flow([
        greeting('m'),
        menu('m', { 'option:a': 'bye', noInput: 'again', noMatch: 'bye' }),
        message('again', 'm'),
        bye(),
      ]),
    );
    expect(only(looping, 'menu.noInputLoop')).toEqual([
      expect.objectContaining({ severity: 'warning', nodeId: 'm', port: 'noInput' }),
    ]);
    const toItself = validateDocument(
      flow([greeting('m'), menu('m', { 'option:a': 'bye', noInput: 'm', noMatch: 'bye' }), bye()]),
    );
    expect(only(toItself, 'menu.noInputLoop')).toHaveLength(1);
    // Through another menu, the caller is asked something else: no warning.
    const viaMenu = validateDocument(
      flow([
        greeting('m'),
        menu('m', { 'option:a': 'bye', noInput: 'm2', noMatch: 'bye' }),
        menu('m2', { 'option:a': 'm', noInput: 'bye', noMatch: 'bye' }),
        bye(),
      ]),
    );
    expect(only(viaMenu, 'menu.noInputLoop')).toEqual([]);
  });

  it('counts a transfer’s failed branch as not listening', () => {
    const transfer: FlowNode = {
      id: 't',
      kind: 'transfer',
      data: { team: 'vendas' },
      connections: { noAgents: 'bye', failed: 'sorry' },
    };
    const ds = validateDocument(flow([greeting('t'), transfer, message('sorry', 't'), bye()]));
    expect(only(ds, 'flow.silentLoop').map((d) => d.nodeId)).toEqual(['t', 'sorry']);
  });

  it('refuses an unknown time zone or language in the settings', () => {
    const ds = validateDocument(
      flow([greeting('bye'), bye()], { timeZone: 'Mars/Olympus', locale: 'not a locale' }),
    );
    expect(ds).toEqual([
      expect.objectContaining({
        code: 'settings.invalidTimeZone',
        path: 'settings.timeZone',
        severity: 'error',
      }),
      expect.objectContaining({
        code: 'settings.invalidLocale',
        path: 'settings.locale',
        severity: 'error',
      }),
    ]);
  });

  it('gives every diagnostic a message and a hint a business user can act on', () => {
    const ds = validateDocument(flow([greeting('ghost'), message('a', 'a'), menu('m', {})]));
    expect(ds.length).toBeGreaterThan(3);
    for (const d of ds) {
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint?.length).toBeGreaterThan(5);
    }
  });
});

describe('text a call cannot carry', () => {
  it('refuses a NUL or a lone surrogate anywhere in the flow, naming where it is', () => {
    const doc = flow([greeting('m'), message('m', 'bye'), bye()]);
    (doc.nodes[1]!.data as { text: string }).text = 'Um\u0000momento';
    doc.settings.name = 'Recepção \uD83D';
    const found = validateDocument(doc).filter((d) => d.code === 'text.invalidCharacter');
    expect(found.map((d) => [d.path, d.nodeId, d.severity])).toEqual([
      ['settings.name', undefined, 'error'],
      ['nodes[1].data.text', 'm', 'error'],
    ]);
    // A whole emoji (a surrogate pair) is fine.
    doc.settings.name = 'Recepção 😀';
    (doc.nodes[1]!.data as { text: string }).text = 'Um momento 😀';
    expect(validateDocument(doc).filter((d) => d.code === 'text.invalidCharacter')).toEqual([]);
  });
});

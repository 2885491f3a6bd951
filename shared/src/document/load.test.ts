import { describe, expect, it } from 'vitest';
import reception from '../../../runtime/examples/reception.flow.json';
import { loadFlow, parseFlowJson } from './load.ts';
import { LIMITS } from './schema.ts';

const clone = (): Record<string, unknown> => structuredClone(reception);
const nodesOf = (doc: Record<string, unknown>) => doc.nodes as Record<string, unknown>[];

describe('loadFlow', () => {
  it('reads the reception example into fresh objects', () => {
    const input = clone();
    const loaded = loadFlow(input);
    expect(loaded.ok).toBe(true);
    expect(loaded.doc).toEqual(input);
    expect(loaded.doc).not.toBe(input);
    expect(loaded.doc!.nodes[0]).not.toBe(nodesOf(input)[0]);
    // Later changes to the input never reach the loaded document.
    (nodesOf(input)[0]!.data as { text: string }).text = 'changed';
    expect(loaded.doc!.nodes[0]!.data).toEqual({ text: 'Olá! Você ligou para a Loja Exemplo.' });
  });

  it('names the node, the field and the reason for a wrong type', () => {
    const input = clone();
    const menu = nodesOf(input).find((n) => n.id === 'menu')!;
    (menu.data as { options: { key: unknown }[] }).options[0]!.key = 1;
    const loaded = loadFlow(input);
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'schema',
        nodeId: 'menu',
        path: 'nodes[4].data.options[0].key',
        message: expect.stringMatching(
          /^nodes\[4\]\.data\.options\[0\]\.key: expected string/,
        ) as string,
      }),
    ]);
  });

  it('refuses unknown fields rather than dropping them silently', () => {
    const input = clone();
    (input.settings as Record<string, unknown>).tiemZone = 'UTC';
    const loaded = loadFlow(input);
    expect(loaded.diagnostics[0]).toMatchObject({
      path: 'settings',
      message: 'settings: unknown field "tiemZone".',
    });
  });

  it('names an unknown node kind', () => {
    const input = clone();
    nodesOf(input)[2]!.kind = 'teleport';
    const [d] = loadFlow(input).diagnostics;
    expect(d).toMatchObject({ nodeId: 'fechado', path: 'nodes[2].kind' });
    expect(d!.message).toContain('unknown node kind');
  });

  it('refuses ids that would break the compiled machine', () => {
    const input = clone();
    nodesOf(input)[0]!.id = 'greeting.start';
    expect(loadFlow(input).diagnostics[0]).toMatchObject({ path: 'nodes[0].id' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key anywhere', (key) => {
    const text = JSON.stringify(reception).replace(
      '"connections":{}',
      `"connections":{"${key}":{"x":1}}`,
    );
    const loaded = parseFlowJson(text);
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        code: 'document.forbiddenKey',
        path: `nodes[3].connections.${key}`,
      }),
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const loaded = loadFlow({ ...clone(), layout: deep });
    expect(loaded.diagnostics[0]?.code).toBe('document.tooDeep');
  });

  it('refuses what is not an object', () => {
    for (const input of [null, 42, 'flow', [reception]]) {
      expect(loadFlow(input).diagnostics[0]?.code).toBe('document.notObject');
    }
  });

  it('refuses a document from the future, with a way out', () => {
    const [d] = loadFlow({ ...clone(), schemaVersion: 2 }).diagnostics;
    expect(d).toMatchObject({ code: 'document.futureVersion', hint: expect.any(String) as string });
  });

  it('refuses too many nodes', () => {
    const input = clone();
    const many = Array.from({ length: LIMITS.maxNodes + 1 }, (_, i) => ({
      id: `m${i}`,
      kind: 'message',
      data: { text: 'x' },
      connections: {},
    }));
    expect(loadFlow({ ...input, nodes: many }).ok).toBe(false);
  });
});

describe('parseFlowJson', () => {
  it('reads a file the designer exported', () => {
    expect(parseFlowJson(JSON.stringify(reception, null, 2)).ok).toBe(true);
  });

  it('says the file is not JSON', () => {
    const loaded = parseFlowJson('{"schemaVersion": 1,');
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'document.invalidJson' });
    expect(loaded.diagnostics[0]!.message).toMatch(/^The file is not valid JSON/);
  });

  it('refuses huge files before parsing them', () => {
    const loaded = parseFlowJson(' '.repeat(1000) + '{}', 1000);
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'document.tooLarge' });
  });
});

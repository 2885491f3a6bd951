import { describe, expect, it } from 'vitest';
import { nodeKindNames, nodeKinds } from '../nodes/index.ts';
import { validateDocument } from '../validation/validate.ts';
import { createFlow, createNode } from './create.ts';
import { loadFlow } from './load.ts';

describe('createFlow', () => {
  it('makes a valid flow that compiles: a greeting that says goodbye', () => {
    const doc = createFlow('Nova recepção');
    expect(loadFlow(doc).ok).toBe(true);
    expect(validateDocument(doc)).toEqual([]);
    expect(doc.nodes.map((n) => n.kind)).toEqual(['greeting', 'hangup']);
  });
});

describe('createNode', () => {
  it.each(nodeKindNames)('gives a %s node data its own schema accepts', (kind) => {
    const node = createNode(kind, 'n1');
    expect(nodeKinds[kind].schema.safeParse(node).success).toBe(true);
    expect(node.connections).toEqual({});
  });

  it('gives each node fresh data, never shared between nodes', () => {
    const a = createNode('menu', 'a');
    const b = createNode('menu', 'b');
    expect(a.data).not.toBe(b.data);
    expect(a.data.options).not.toBe(b.data.options);
  });
});

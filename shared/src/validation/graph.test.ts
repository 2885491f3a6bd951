import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../document/schema.ts';
import { cycles, reachableFrom } from './graph.ts';

const nodes = (ids: string[]) => ids.map((id) => ({ id }) as FlowNode);
const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('graph helpers', () => {
  it('finds what is reachable, start included', () => {
    const g = graph({ a: ['b'], b: ['c'], c: [], d: ['a'] });
    expect([...reachableFrom(g, 'a')].sort()).toEqual(['a', 'b', 'c']);
  });

  it('finds each cycle once (its nodes in document order) and ignores acyclic parts', () => {
    const g = graph({ a: ['b'], b: ['c', 'd'], c: ['a'], d: ['e'], e: ['e'], f: ['a'] });
    expect(cycles(nodes(['a', 'b', 'c', 'd', 'e', 'f']), g)).toEqual([['e'], ['a', 'b', 'c']]);
  });

  it('copes with a long chain without overflowing the stack', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `n${i}`);
    const g = graph(
      Object.fromEntries(ids.map((id, i) => [id, i + 1 < ids.length ? [ids[i + 1]!] : [ids[0]!]])),
    );
    const found = cycles(nodes(ids), g);
    expect(found).toHaveLength(1);
    expect(found[0]).toHaveLength(50_000);
  });
});

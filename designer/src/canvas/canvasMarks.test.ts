import { describe, expect, it } from 'vitest';
import { joinMarks, withEdgeFigures } from './canvasMarks.ts';

describe('the canvas overlay', () => {
  it('joins an overlay’s marks to the canvas’s own, both names on an item marked twice', () => {
    const own = { nodes: new Map([['a', 'is-covered']]), edges: new Map<string, string>() };
    const joined = joinMarks(own, {
      nodes: new Map([
        ['a', 'is-visited'],
        ['b', 'is-active'],
      ]),
      edges: new Map([['a:next', 'is-taken']]),
    });
    expect(joined.nodes).toEqual(
      new Map([
        ['a', 'is-covered is-visited'],
        ['b', 'is-active'],
      ]),
    );
    expect(joined.edges.get('a:next')).toBe('is-taken');
    expect(joinMarks(own, undefined)).toBe(own);
  });

  it('gives the edges it has figures for their width and label (near the port), and leaves the others alone', () => {
    const plain = { id: 'b:next' };
    const edges = withEdgeFigures(
      [{ id: 'a:next', style: { stroke: 'red' } }, plain],
      new Map([['a:next', { width: 6, label: '12 calls' }]]),
    );
    expect(edges[0]).toEqual({
      id: 'a:next',
      type: 'figure',
      style: { stroke: 'red', strokeWidth: 6 },
      label: '12 calls',
    });
    expect(edges[1]).toBe(plain);
  });
});

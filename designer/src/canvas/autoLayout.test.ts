import { examples } from '@callbot/runtime';
import { describe, expect, it } from 'vitest';
import { autoLayout } from './autoLayout.ts';
import { nodeUIs } from '../nodes/index.ts';
import { estimateOf, nodeSizesOf } from './NodeUIContext.tsx';
import { boxesOf, overlappingPairs, type Size } from './placement.ts';

describe('autoLayout', () => {
  it('lays the flow out top to bottom, every node placed on the grid without overlaps', async () => {
    const doc = examples.reception;
    const positions = await autoLayout(doc, nodeSizesOf(nodeUIs));
    expect(Object.keys(positions).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
    const y = (id: string) => positions[id]!.y;
    expect(y('greeting')).toBeLessThan(y('horario'));
    expect(y('horario')).toBeLessThan(y('menu'));
    expect(y('menu')).toBeLessThan(y('t-vendas'));
    expect(y('t-vendas')).toBeLessThan(y('bot-vendas'));
    for (const { x, y: top } of Object.values(positions)) {
      expect(x % 20).toBe(0);
      expect(top % 20).toBe(0);
    }
    const boxes = Object.values(positions);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const apart = Math.abs(a.x - b.x) >= 240 || Math.abs(a.y - b.y) >= 120;
        expect(apart).toBe(true);
      }
    }
  });

  it('never overlaps nodes, whatever their sizes: measured ones where given, estimated ones else', async () => {
    const doc = examples.reception;
    // Some nodes measured much larger than the estimate (a long text), others not measured at all.
    const known = new Map<string, Size>([
      ['menu', { width: 420, height: 460 }],
      ['horario', { width: 300, height: 260 }],
      ['t-suporte', { width: 360, height: 200 }],
    ]);
    const sizes = nodeSizesOf(nodeUIs, known);
    const positions = await autoLayout(doc, sizes);
    const laidOut = { ...doc, layout: { nodes: positions } };
    expect(overlappingPairs(boxesOf(laidOut, sizes))).toEqual([]);
    // A node not measured gets its estimated size, not a fixed guess.
    const tchau = doc.nodes.find((n) => n.id === 'tchau')!;
    expect(boxesOf(laidOut, sizes).get('tchau')).toMatchObject(estimateOf(nodeUIs)(tchau));
  });
});

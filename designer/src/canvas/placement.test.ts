import { createNode } from '@callbot/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateFrame,
  linesOf,
  firstFreePort,
  freeSpotNear,
  GRID,
  NODE_GAP,
  overlappingPairs,
  overlaps,
  separate,
  spotBelow,
  type Box,
} from './placement.ts';

const size = { width: 240, height: 120 };
const arbBox = fc.record({
  x: fc.integer({ min: -50, max: 50 }).map((v) => v * GRID),
  y: fc.integer({ min: -50, max: 50 }).map((v) => v * GRID),
  width: fc.integer({ min: 8, max: 20 }).map((v) => v * GRID),
  height: fc.integer({ min: 3, max: 15 }).map((v) => v * GRID),
});

describe('overlaps', () => {
  it('is true for boxes sharing area, false for boxes that only touch or stand apart', () => {
    const a: Box = { x: 0, y: 0, width: 100, height: 50 };
    expect(overlaps(a, { x: 99, y: 49, width: 10, height: 10 })).toBe(true);
    expect(overlaps(a, { x: 100, y: 0, width: 10, height: 10 })).toBe(false);
    expect(overlaps(a, { x: 0, y: 50, width: 10, height: 10 })).toBe(false);
    // With a gap, boxes closer than the gap count as overlapping.
    expect(overlaps(a, { x: 120, y: 0, width: 10, height: 10 }, 40)).toBe(true);
    expect(overlaps(a, { x: 140, y: 0, width: 10, height: 10 }, 40)).toBe(false);
  });
});

describe('freeSpotNear', () => {
  it('keeps the wanted spot (snapped to the grid) when it is free', () => {
    expect(freeSpotNear({ x: 13, y: 27 }, size, [])).toEqual({ x: 20, y: 20 });
  });

  it('moves a node off the nodes already there, to the nearest free spot', () => {
    const taken: Box = { x: 0, y: 0, width: 240, height: 120 };
    const spot = freeSpotNear({ x: 0, y: 0 }, size, [taken]);
    expect(overlaps({ ...spot, ...size }, taken, NODE_GAP)).toBe(false);
    // Nearest: it moves by one box and one gap at most, along one axis.
    expect(Math.min(Math.abs(spot.x), Math.abs(spot.y))).toBe(0);
    expect(Math.max(Math.abs(spot.x), Math.abs(spot.y))).toBeLessThanOrEqual(240 + NODE_GAP);
  });

  it('never returns a spot that overlaps any box, however crowded the canvas', () => {
    fc.assert(
      fc.property(fc.array(arbBox, { maxLength: 25 }), arbBox, (boxes, wanted) => {
        const size = { width: wanted.width, height: wanted.height };
        const spot = freeSpotNear(wanted, size, boxes);
        expect(Math.abs(spot.x % GRID)).toBe(0);
        expect(Math.abs(spot.y % GRID)).toBe(0);
        for (const b of boxes) expect(overlaps({ ...spot, ...size }, b, NODE_GAP)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('spotBelow', () => {
  it('puts the next node under the one it follows, centred, when there is room', () => {
    const from: Box = { x: 100, y: 100, width: 240, height: 120 };
    expect(spotBelow(from, size, [from])).toEqual({ x: 100, y: 300 });
  });

  it('moves aside when a node already sits there', () => {
    const from: Box = { x: 100, y: 100, width: 240, height: 120 };
    const under: Box = { x: 100, y: 300, width: 240, height: 120 };
    const spot = spotBelow(from, size, [from, under]);
    expect(overlaps({ ...spot, ...size }, under, NODE_GAP)).toBe(false);
    expect(overlaps({ ...spot, ...size }, from, NODE_GAP)).toBe(false);
  });
});

describe('separate', () => {
  it('leaves boxes that do not overlap where they are', () => {
    const boxes = new Map<string, Box>([
      ['a', { x: 0, y: 0, width: 240, height: 120 }],
      ['b', { x: 300, y: 0, width: 240, height: 120 }],
    ]);
    expect(separate(boxes)).toEqual(
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 300, y: 0 }],
      ]),
    );
  });

  it('moves boxes apart until no two overlap', () => {
    fc.assert(
      fc.property(fc.array(arbBox, { minLength: 1, maxLength: 30 }), (list) => {
        const boxes = new Map(list.map((b, i) => [`n${i}`, b]));
        const moved = separate(boxes);
        const after = new Map(
          [...boxes].map(([id, b]) => [id, { ...b, ...moved.get(id)! }] as const),
        );
        expect(overlappingPairs(after, NODE_GAP)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('estimateFrame', () => {
  it('gives a node its kind’s width, and more height for more lines and more outputs', () => {
    const menu = createNode('menu', 'menu', 'pt-BR');
    const small = estimateFrame(menu, { width: 280, bodyLines: 2 });
    expect(small.width).toBe(280);
    expect(estimateFrame(menu, { width: 280, bodyLines: 3 }).height).toBeGreaterThan(small.height);
    const option = menu.data.options[0]!;
    const moreOutputs = {
      ...menu,
      data: {
        ...menu.data,
        options: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ ...option, id: `o${n}`, key: String(n) })),
      },
    };
    expect(estimateFrame(moreOutputs, { width: 280, bodyLines: 2 }).height).toBeGreaterThan(
      small.height,
    );
    expect(estimateFrame(menu, { width: 280, bodyLines: 2 }).height % GRID).toBe(0);
  });
});

describe('linesOf', () => {
  it('counts a text’s lines, at least one, at most the limit', () => {
    expect(linesOf('', 3)).toBe(1);
    expect(linesOf('x'.repeat(70), 3)).toBe(3);
    expect(linesOf('x'.repeat(700), 3)).toBe(3);
  });
});

describe('firstFreePort', () => {
  it('is the first output without a connection, in the order the node shows them', () => {
    const transfer = createNode('transfer', 't', 'pt-BR');
    expect(firstFreePort(transfer)).toBe('noAgents');
    expect(firstFreePort({ ...transfer, connections: { noAgents: 'x' } })).toBe('failed');
    expect(firstFreePort({ ...transfer, connections: { noAgents: 'x', failed: 'y' } })).toBe(
      undefined,
    );
  });
});

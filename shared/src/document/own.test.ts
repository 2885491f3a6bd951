import { expect, it } from 'vitest';
import { own } from './own.ts';

it('reads own entries only, never a member of Object.prototype', () => {
  const layout: Record<string, { x: number }> = { menu: { x: 1 }, toString: { x: 2 } };
  expect(own(layout, 'menu')).toEqual({ x: 1 });
  expect(own(layout, 'toString')).toEqual({ x: 2 });
  const empty: Record<string, { x: number }> = {};
  for (const key of ['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty']) {
    expect(own(empty, key)).toBeUndefined();
  }
});

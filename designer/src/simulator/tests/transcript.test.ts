import { describe, expect, it } from 'vitest';
import type { TraceLine } from '@callbot/runtime';
import { alignTranscripts } from './transcript.ts';

const say = (t: number, text: string): TraceLine => ({
  t,
  kind: 'say',
  text,
  promptId: 'p',
  interruptible: false,
});
const end: TraceLine = { t: 9000, kind: 'end', outcome: 'hung_up', durationMs: 9000 };

describe('alignTranscripts', () => {
  it('pairs what was expected with what happened instead, row by row', () => {
    const expected = [say(0, 'Olá'), say(1000, 'Para vendas, 1'), end];
    const actual = [say(0, 'Olá'), say(1000, 'Vendas: 1'), say(2000, 'Extra'), end];
    expect(alignTranscripts(expected, actual).map((r) => r.op)).toEqual([
      'same',
      'changed',
      'added',
      'same',
    ]);
    const changed = alignTranscripts(expected, actual)[1];
    expect(changed).toEqual({ op: 'changed', expected: expected[1], actual: actual[1] });
  });

  it('keeps a line that only one side has on that side', () => {
    const rows = alignTranscripts([say(0, 'a'), say(1, 'b'), end], [say(0, 'a'), end]);
    expect(rows).toEqual([
      { op: 'same', expected: say(0, 'a'), actual: say(0, 'a') },
      { op: 'removed', expected: say(1, 'b') },
      { op: 'same', expected: end, actual: end },
    ]);
  });

  it('is all the same for equal transcripts', () => {
    const lines = [say(0, 'a'), end];
    expect(alignTranscripts(lines, lines).every((r) => r.op === 'same')).toBe(true);
  });
});

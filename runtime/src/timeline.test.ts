import { describe, expect, it } from 'vitest';
import { estimateSpeechMs } from '@callbot/shared';
import { playedInOrder, timelineOf } from './timeline.ts';
import type { TraceLine } from './protocol.ts';

const WPM = 150;
const hello = 'Olá! Você ligou para a Loja Exemplo.';
const menu = 'Para vendas, digite 1. Para suporte, digite 2.';

/** What a server records for one answer: everything at the request's moment. */
const recorded: TraceLine[] = [
  { t: 0, kind: 'node', id: 'greeting', type: 'greeting', label: 'Boas-vindas' },
  { t: 0, kind: 'say', promptId: 'p1', text: hello, interruptible: false },
  { t: 0, kind: 'node', id: 'menu', type: 'menu', label: 'Menu', via: 'greeting:next' },
  { t: 0, kind: 'say', promptId: 'p2', text: menu, interruptible: false },
  { t: 0, kind: 'listen', on: true },
  { t: 9000, kind: 'input', event: { type: 'dtmf', digit: '1' }, accepted: true },
  { t: 9000, kind: 'listen', on: false },
  { t: 9000, kind: 'end', outcome: 'hung_up', durationMs: 9000 },
];

describe('playedInOrder', () => {
  it('plays the prompts of one answer one after another, and keeps the inputs at their moments', () => {
    const first = estimateSpeechMs(hello, WPM);
    const second = first + estimateSpeechMs(menu, WPM);
    expect(playedInOrder(recorded, WPM).map((l) => l.t)).toEqual([
      0,
      0,
      first,
      first,
      second,
      9000,
      9000,
      9000,
    ]);
    const timeline = timelineOf(playedInOrder(recorded, WPM), 9000, WPM);
    expect(timeline.speaking).toEqual([
      { from: 0, to: first },
      { from: first, to: second },
    ]);
    expect(timeline.listening).toEqual([{ from: second, to: 9000 }]);
  });

  it('never moves a line earlier, and leaves lines already in order as they are', () => {
    const late: TraceLine[] = [
      { t: 0, kind: 'say', promptId: 'p1', text: 'Oi.', interruptible: false },
      { t: 60_000, kind: 'node', id: 'menu', type: 'menu', label: 'Menu' },
    ];
    const played = playedInOrder(late, WPM);
    expect(played).toEqual(late);
    expect(played[1]).toBe(late[1]);
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { timelineOf } from './moments.ts';
import { receptionCallLines } from './storyCall.ts';
import { placeLabels, Timeline } from './Timeline.tsx';

describe('Timeline', () => {
  it('sums the call up in its title and description, and draws each part', () => {
    const { container } = render(<Timeline data={timelineOf(receptionCallLines(), 0, 150)} />);
    const svg = screen.getByRole('img', { name: /^Call timeline/ });
    expect(svg.getAttribute('aria-labelledby')).toBeTruthy();
    expect(svg.querySelector('desc')?.textContent).toBe(
      '3 prompts, listening 2 times, 2 inputs (1 ignored), 4 nodes.',
    );
    expect(container.querySelectorAll('.timeline__speaking')).toHaveLength(3);
    expect(container.querySelectorAll('.timeline__listening')).toHaveLength(2);
    const ignored = container.querySelectorAll('.timeline__input--ignored');
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.textContent).toBe('00:01.0 5');
    expect([...container.querySelectorAll('.timeline__label')].map((l) => l.textContent)).toEqual([
      'greeting',
      'horario',
      'menu',
      't-vendas',
    ]);
    // "horario" and "menu" are entered at the same moment: their labels take two rows.
    const [, horario, menu] = [...container.querySelectorAll('.timeline__label')];
    expect(horario!.getAttribute('x')).toBe(menu!.getAttribute('x'));
    expect(horario!.getAttribute('y')).not.toBe(menu!.getAttribute('y'));
  });
});

describe('placeLabels', () => {
  const extent = (place: { x: number; anchor: 'start' | 'end' }, text: string): [number, number] =>
    place.anchor === 'start'
      ? [place.x, place.x + text.length * 6]
      : [place.x - text.length * 6, place.x];

  it('never lets two labels of a row overlap, nor one run past either edge', () => {
    // Nodes entered close together, the last at the very end of the call.
    const labels = [
      { x: 60, text: 'greeting' },
      { x: 62, text: 'horario' },
      { x: 64, text: 'menu' },
      { x: 200, text: 't-vendas' },
      { x: 205, text: 'bot-vendas' },
      { x: 412, text: 'tchau' },
    ];
    const places = placeLabels(labels, 420);
    const shown = places.flatMap((place, i) =>
      place ? [{ place, span: extent(place, labels[i]!.text) }] : [],
    );
    for (const { span } of shown) {
      expect(span[0]).toBeGreaterThanOrEqual(0);
      expect(span[1]).toBeLessThanOrEqual(420);
    }
    for (const a of shown)
      for (const b of shown)
        if (a !== b && a.place.y === b.place.y)
          expect(a.span[1] < b.span[0] || b.span[1] < a.span[0]).toBe(true);
    // The last one is written leftwards of its line, not cut at the edge.
    expect(places.at(-1)).toMatchObject({ anchor: 'end', x: 410 });
    // Three labels entered at once: two rows, the third left out (its line stays).
    expect(places.slice(0, 3).filter((p) => p === null)).toHaveLength(1);
  });
});

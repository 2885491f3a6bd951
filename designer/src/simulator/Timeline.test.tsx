import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timelineOf } from './moments.ts';
import { receptionCallLines } from './storyCall.ts';
import { placeMarkers, Timeline } from './Timeline.tsx';

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
    // Every node entered, in order, with its time and its name in full.
    const steps = screen.getByRole('list', { name: 'Nodes entered, in order' });
    expect([...steps.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '100:00.0Boas-vindas',
      '200:02.8Horário de atendimento',
      '300:02.8Menu principal',
      '400:15.0Equipe de vendas',
    ]);
    // "horario" and "menu" are entered at the same moment: one marker, "2–3".
    expect(
      [...container.querySelectorAll('.timeline__marker text')].map((m) => m.textContent),
    ).toEqual(['1', '2–3', '4']);
  });
});

describe('Timeline at any width', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws one unit to a pixel of its laid-out width, so its text keeps the UI’s size', () => {
    // A page 900 px wide: the layout reports it, as the browser's observer does.
    class Observer {
      constructor(private readonly report: ResizeObserverCallback) {}
      observe(target: Element) {
        this.report(
          [{ target, contentRect: { width: 900 } } as unknown as ResizeObserverEntry],
          this,
        );
      }
      unobserve() {}
      disconnect() {}
    }
    vi.stubGlobal('ResizeObserver', Observer);
    const { container } = render(<Timeline data={timelineOf(receptionCallLines(), 0, 150)} />);
    const svg = screen.getByRole('img', { name: /^Call timeline/ });
    expect(svg.getAttribute('viewBox')).toBe('0 0 900 100');
    // The drawing spans the width: the call's end time sits at its right edge.
    const texts = [...container.querySelectorAll('text.timeline__row')];
    expect(texts.at(-1)!.getAttribute('x')).toBe('896');
  });
});

describe('placeMarkers', () => {
  it('never lets two markers overlap nor run past either edge, joining nodes entered too close together', () => {
    // Nodes entered milliseconds apart, two close ones, and the last at the very end of the call.
    const xs = [60, 60.1, 60.2, 200, 205, 300, 412];
    const markers = placeMarkers(xs, 420);
    for (const m of markers) {
      expect(m.left).toBeGreaterThanOrEqual(0);
      expect(m.left + m.width).toBeLessThanOrEqual(420);
    }
    for (const [a, b] of markers.slice(1).map((m, i) => [markers[i]!, m] as const))
      expect(a.left + a.width).toBeLessThan(b.left);
    // Every node is in exactly one marker, in order.
    expect(
      markers.flatMap((m) => Array.from({ length: m.last - m.first + 1 }, (_, i) => m.first + i)),
    ).toEqual(xs.map((_, i) => i));
    expect(markers.map((m) => m.text)).toEqual(['1–3', '4–5', '6', '7']);
  });

  it('gives each node its own marker when there is room', () => {
    expect(placeMarkers([60, 120, 180], 420).map((m) => m.text)).toEqual(['1', '2', '3']);
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { timelineOf } from './moments.ts';
import { receptionCallLines } from './storyCall.ts';
import { Timeline } from './Timeline.tsx';

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

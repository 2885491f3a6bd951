import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OutcomeChart } from './OutcomeChart.tsx';

describe('OutcomeChart', () => {
  it('draws one stacked series per outcome, with the whole said in its name', async () => {
    const { container } = render(
      <OutcomeChart
        title="Outcomes by day"
        summary="5 calls; 3 transferred, 2 hung up"
        bars={{
          labels: ['1', '2'],
          series: [
            { outcome: 'transferred', values: [1, 2] },
            { outcome: 'caller_hung_up', values: [2, 0] },
          ],
          totals: new Map([
            ['transferred', 3],
            ['caller_hung_up', 2],
          ]),
        }}
        outcomeName={(o) => (o === 'transferred' ? 'Transferred' : 'Hung up')}
      />,
    );
    expect(
      screen.getByRole('img', { name: 'Outcomes by day: 5 calls; 3 transferred, 2 hung up' }),
    ).toBeTruthy();
    // Chartist draws on a timer of its own: wait for its SVG, so that drawing
    // happens inside this test (it reads media queries, which jsdom lacks).
    await expect.poll(() => container.querySelectorAll('.outcome-chart__series').length).toBe(2);
    expect(container.querySelector('.outcome--transferred')).toBeTruthy();
    expect(container.querySelector('.outcome--other')).toBeNull();
  });
});

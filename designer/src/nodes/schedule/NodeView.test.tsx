import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { examples } from '@callbot/runtime';
import type { NodeOfKind } from '@callbot/shared';
import { measureElementsInJsdom } from '../../canvas/jsdomLayout.ts';
import { NodePreview } from '../NodePreview.tsx';

measureElementsInJsdom();

const horario = examples.reception.nodes.find((n) => n.id === 'horario') as NodeOfKind<'schedule'>;

describe('ScheduleNodeView', () => {
  it('sums up the opening hours, the holidays and the time zone', () => {
    render(<NodePreview node={horario} />);
    const node = screen.getByRole('group', { name: 'Schedule: Horário de atendimento' });
    expect(within(node).getByText('Mon–Fri 09:00–18:00').parentElement!.textContent).toBe(
      'Mon–Fri 09:00–18:00, Sat 09:00–13:00',
    );
    expect(node.textContent).toContain('Holidays2 holidays');
    expect(node.textContent).toContain('Time zonethe flow’s');
    expect(
      within(node)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['open', 'closed', 'holiday']);
  });

  it('says when a schedule never opens, and shows its own time zone', () => {
    render(
      <NodePreview
        node={{
          ...horario,
          data: { weekly: [], holidays: [], timeZone: 'Europe/Lisbon' },
        }}
      />,
    );
    const node = screen.getByRole('group', { name: 'Schedule: Horário de atendimento' });
    expect(within(node).getByText('Never open')).toBeDefined();
    expect(node.textContent).toContain('Holidaysnone');
    expect(node.textContent).toContain('Time zoneEurope/Lisbon');
  });
});

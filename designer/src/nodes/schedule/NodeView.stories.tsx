import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import { NodePreview } from '../NodePreview.tsx';

const byId = (id: string) => examples.reception.nodes.find((n) => n.id === id)!;

/** The schedule node as the canvas draws it, on a small canvas of its own. */
const meta = {
  title: 'Nodes/Schedule',
  component: NodePreview,
} satisfies Meta<typeof NodePreview>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Mon–Fri 09:00–18:00, Sat 09:00–13:00, two holidays, the flow's time zone. */
export const Schedule: Story = {
  args: { node: byId('horario') },
};

/** A lunch break, a late Thursday, its own time zone. */
export const SplitDays: Story = {
  args: {
    node: {
      id: 'suporte-horario',
      kind: 'schedule',
      data: {
        timeZone: 'America/Manaus',
        weekly: [
          ...(['mon', 'tue', 'wed', 'fri'] as const).flatMap((day) => [
            { day, start: '08:00', end: '12:00' },
            { day, start: '13:00', end: '17:00' },
          ]),
          { day: 'thu', start: '08:00', end: '20:00' },
        ],
        holidays: [{ date: '2026-12-25', name: 'Natal' }],
      },
      connections: {},
    },
  },
};

export const NeverOpen: Story = {
  args: {
    node: { id: 'fechado', kind: 'schedule', data: { weekly: [], holidays: [] }, connections: {} },
    badge: { errors: 0, warnings: 1 },
  },
};

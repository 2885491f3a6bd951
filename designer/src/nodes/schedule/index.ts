import { Clock } from 'lucide-react';
import { defineNodeUI } from '../../canvas/defineNodeUI.ts';
import { ScheduleInspector } from './Inspector.tsx';
import { ScheduleNodeView } from './NodeView.tsx';
import { words } from './words.ts';

/** The schedule kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const schedule = defineNodeUI({
  kind: 'schedule',
  words,
  colour: '#b45309',
  icon: Clock,
  width: 240,
  View: ScheduleNodeView,
  Inspector: ScheduleInspector,
  bodyLines: () => 5,
  searchTexts: (node) => node.data.holidays.map((h) => h.name ?? ''),
});

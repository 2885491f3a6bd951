import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compiler/compile.ts';
import type { FlowNode, NodeOfKind } from '../document/schema.ts';
import { loadFlow } from '../document/load.ts';
import { flow } from '../test/harness.ts';
import { validateFlow } from '../validation/validate.ts';
import {
  applyNamedSchedule,
  detachNamedSchedule,
  flowsUsingSchedule,
  referencedSchedules,
} from './namedSchedules.ts';
import type { NamedSchedule } from './schema.ts';

const comercial: NamedSchedule = {
  id: 'comercial',
  name: 'Comercial',
  timeZone: 'America/Recife',
  weekly: [{ day: 'mon', start: '08:00', end: '12:00' }],
  holidays: [{ date: '2026-12-25', name: 'Natal' }],
};

const scheduleNode = (id: string, scheduleId?: string): NodeOfKind<'schedule'> => ({
  id,
  kind: 'schedule',
  data: {
    weekly: [{ day: 'tue', start: '09:00', end: '18:00' }],
    holidays: [],
    ...(scheduleId === undefined ? {} : { scheduleId }),
  },
  connections: { open: 'fim', closed: 'fim', holiday: 'fim' },
});
const greeting: FlowNode = {
  id: 'g',
  kind: 'greeting',
  data: { text: 'Olá' },
  connections: { next: 'h1' },
};
const fim: FlowNode = { id: 'fim', kind: 'hangup', data: { text: '' }, connections: {} };

describe('named schedules in flows', () => {
  const doc = flow([greeting, scheduleNode('h1', 'comercial'), scheduleNode('h2'), fim]);

  it('gives the nodes that use the schedule a copy of its hours, and leaves the others', () => {
    const applied = applyNamedSchedule(doc, comercial);
    expect(applied.nodes[1]).toEqual({
      ...scheduleNode('h1'),
      data: {
        scheduleId: 'comercial',
        timeZone: 'America/Recife',
        weekly: comercial.weekly,
        holidays: comercial.holidays,
      },
    });
    expect(applied.nodes[2]).toBe(doc.nodes[2]);
    expect(doc.nodes[1]).toEqual(scheduleNode('h1', 'comercial'));
    const data = applied.nodes[1]!.data as NodeOfKind<'schedule'>['data'];
    expect(data.weekly).not.toBe(comercial.weekly);
  });

  it('returns the same document when nothing changes', () => {
    const applied = applyNamedSchedule(doc, comercial);
    expect(applyNamedSchedule(applied, comercial)).toBe(applied);
    expect(applyNamedSchedule(doc, { ...comercial, id: 'outro' })).toBe(doc);
  });

  it('keeps the flow valid, loadable and compiled from the copy', () => {
    const applied = applyNamedSchedule(doc, comercial);
    const loaded = loadFlow(JSON.parse(JSON.stringify(applied)));
    expect(loaded.ok).toBe(true);
    expect(validateFlow(applied).filter((d) => d.severity === 'error')).toEqual([]);
    const guard = compileFlow(applied).machine?.states.h1?.always?.[0]?.guard;
    expect(guard?.params).toMatchObject({ timeZone: 'America/Recife', holidays: ['2026-12-25'] });
  });

  it('lists the schedules a flow uses and the flows using a schedule', () => {
    const other = flow([
      greeting,
      scheduleNode('h1', 'plantao'),
      scheduleNode('h2', 'comercial'),
      fim,
    ]);
    expect(referencedSchedules(doc)).toEqual(['comercial']);
    expect(referencedSchedules(other)).toEqual(['plantao', 'comercial']);
    expect(
      flowsUsingSchedule(
        [
          { id: 'a', doc },
          { id: 'b', doc: flow([greeting, fim]) },
          { id: 'c', doc: other },
        ],
        'comercial',
      ),
    ).toEqual(['a', 'c']);
  });

  it('detaching a deleted schedule keeps its hours in the nodes that used it', () => {
    const applied = applyNamedSchedule(doc, comercial);
    const detached = detachNamedSchedule(applied, 'comercial');
    expect(referencedSchedules(detached)).toEqual([]);
    expect(detached.nodes[1]!.data).toEqual({
      timeZone: 'America/Recife',
      weekly: comercial.weekly,
      holidays: comercial.holidays,
    });
    expect(detachNamedSchedule(detached, 'comercial')).toBe(detached);
  });

  it('an existing flow without scheduleId stays valid', () => {
    expect(loadFlow(JSON.parse(JSON.stringify(flow([greeting, scheduleNode('h1'), fim])))).ok).toBe(
      true,
    );
  });
});

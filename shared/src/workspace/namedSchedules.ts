import type { FlowDocument, NodeOfKind } from '../document/schema.ts';
import type { NamedSchedule } from './schema.ts';

type ScheduleNode = NodeOfKind<'schedule'>;

const isScheduleNode = (node: FlowDocument['nodes'][number]): node is ScheduleNode =>
  node.kind === 'schedule';

/** The hours a node referencing `schedule` carries: a fresh copy of the schedule's. */
function copyOf(schedule: NamedSchedule): ScheduleNode['data'] {
  return {
    scheduleId: schedule.id,
    timeZone: schedule.timeZone,
    weekly: schedule.weekly.map((r) => ({ ...r })),
    holidays: schedule.holidays.map((h) => ({ ...h })),
  };
}

const sameHours = (a: ScheduleNode['data'], b: ScheduleNode['data']) =>
  a.timeZone === b.timeZone &&
  JSON.stringify(a.weekly) === JSON.stringify(b.weekly) &&
  JSON.stringify(a.holidays) === JSON.stringify(b.holidays);

/**
 * The flow with every schedule node that references `schedule` carrying a
 * fresh copy of its hours (time zone, weekly ranges, holidays), so the flow
 * stays self-contained for the compiler, the runtime and `callbot simulate`.
 * Returns `doc` itself when no node changes.
 */
export function applyNamedSchedule(doc: FlowDocument, schedule: NamedSchedule): FlowDocument {
  return mapScheduleNodes(doc, schedule.id, (node) => {
    const data = copyOf(schedule);
    return sameHours(node.data, data) ? node : { ...node, data };
  });
}

/**
 * When a named schedule is deleted: the nodes that used it keep their copy
 * of its hours as their own and no longer name it. `doc` itself when none did.
 */
export function detachNamedSchedule(doc: FlowDocument, scheduleId: string): FlowDocument {
  return mapScheduleNodes(doc, scheduleId, (node) => {
    const { scheduleId: _detached, ...data } = node.data;
    return { ...node, data };
  });
}

function mapScheduleNodes(
  doc: FlowDocument,
  scheduleId: string,
  update: (node: ScheduleNode) => ScheduleNode,
): FlowDocument {
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    if (!isScheduleNode(node) || node.data.scheduleId !== scheduleId) return node;
    const next = update(node);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

/** The ids of the named schedules the flow's schedule nodes use, each once, in node order. */
export function referencedSchedules(doc: FlowDocument): string[] {
  const ids = doc.nodes.flatMap((n) =>
    isScheduleNode(n) && n.data.scheduleId !== undefined ? [n.data.scheduleId] : [],
  );
  return [...new Set(ids)];
}

/** The ids of the flows that use the named schedule `scheduleId`, in the order given. */
export function flowsUsingSchedule(
  flows: readonly { id: string; doc: FlowDocument }[],
  scheduleId: string,
): string[] {
  return flows.filter((f) => referencedSchedules(f.doc).includes(scheduleId)).map((f) => f.id);
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyNamedSchedule,
  type FlowDocument,
  type NamedSchedule,
  type NodeOfKind,
} from '@callbot/shared';
import { scheduleHref } from '../../app/route.ts';
import { useSchedulesIfAny } from '../../app/WorkspaceContext.tsx';

type ScheduleNode = NodeOfKind<'schedule'>;

/** The node's data once it uses `schedule`: a fresh copy of its hours, by the shared rule. */
export function usingSchedule(
  doc: FlowDocument,
  node: ScheduleNode,
  schedule: NamedSchedule,
): ScheduleNode['data'] {
  const named = {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.id === node.id ? { ...node, data: { ...node.data, scheduleId: schedule.id } } : n,
    ),
  };
  const copied = applyNamedSchedule(named, schedule).nodes.find((n) => n.id === node.id);
  return copied?.kind === 'schedule' ? copied.data : node.data;
}

/** The node's data with its own hours: the copy it holds, no longer tied to a named schedule. */
export function ownHours(node: ScheduleNode): ScheduleNode['data'] {
  const { scheduleId: _named, ...data } = node.data;
  return data;
}

/**
 * "Hours: this node's own / a named schedule: [picker]". With a named
 * schedule the hours are shown read only, with a link to edit the schedule;
 * choosing one copies its hours into the node (`onChange`: one undoable
 * edit). Shown only where a workspace is given.
 */
export function ScheduleSource({
  node,
  doc,
  onChange,
}: {
  node: ScheduleNode;
  /** The flow as it is now (read when a schedule is picked). */
  doc: () => FlowDocument;
  onChange: (data: ScheduleNode['data']) => void;
}) {
  const { t } = useTranslation();
  const schedules = useSchedulesIfAny();
  const id = useId();
  if (schedules === null) return null;
  const list = schedules.value?.items ?? [];
  const { scheduleId } = node.data;
  const named = scheduleId !== undefined;
  const current = list.find((s) => s.id === scheduleId);

  const pick = (pickedId: string) => {
    const schedule = list.find((s) => s.id === pickedId);
    if (schedule) onChange(usingSchedule(doc(), node, schedule));
  };

  return (
    <fieldset className="inspector__group schedule-source">
      <legend>{t('workspace.scheduleNode.source')}</legend>
      <label>
        <input
          type="radio"
          name={`${id}-source`}
          checked={!named}
          onChange={() => onChange(ownHours(node))}
        />{' '}
        {t('workspace.scheduleNode.own')}
      </label>
      <label>
        <input
          type="radio"
          name={`${id}-source`}
          checked={named}
          disabled={list.length === 0}
          onChange={() => list[0] && pick(list[0].id)}
        />{' '}
        {t('workspace.scheduleNode.named')}
      </label>
      {list.length === 0 && schedules.value !== null && (
        <p className="field__hint">{t('workspace.scheduleNode.none')}</p>
      )}
      {list.length > 0 && (
        <label className="field">
          <span className="field__label">{t('workspace.scheduleNode.picker')}</span>
          <select
            className="field__control"
            value={current?.id ?? ''}
            onChange={(e) => pick(e.target.value)}
          >
            {!current && <option value="">{t('workspace.scheduleNode.choose')}</option>}
            {list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {named && !current && schedules.value !== null && (
        <p className="field__hint">{t('workspace.scheduleNode.missing')}</p>
      )}
      {named && (
        <>
          <p className="field__hint">{t('workspace.scheduleNode.readOnly')}</p>
          <HoursSummary data={node.data} />
          {current && (
            <a href={scheduleHref(current.id)}>
              {t('workspace.scheduleNode.edit', { name: current.name })}
            </a>
          )}
        </>
      )}
    </fieldset>
  );
}

const dayOrder = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The hours as text, one line per day, for the read-only view. */
function HoursSummary({ data }: { data: ScheduleNode['data'] }) {
  const { t } = useTranslation();
  return (
    <ul className="schedule-source__summary" aria-label={t('weekGrid.summary')}>
      {dayOrder.map((day) => {
        const ranges = data.weekly.filter((r) => r.day === day);
        return (
          <li key={day}>
            {t(`days.short.${day}`)}{' '}
            {ranges.length === 0
              ? t('weekGrid.closed')
              : ranges.map((r) => `${r.start}–${r.end}`).join(', ')}
          </li>
        );
      })}
      {data.timeZone && <li>{t('workspace.scheduleNode.timeZone', { zone: data.timeZone })}</li>}
      {data.holidays.length > 0 && (
        <li>
          {t('workspace.scheduleNode.holidays', {
            dates: data.holidays.map((h) => h.date).join(', '),
          })}
        </li>
      )}
    </ul>
  );
}

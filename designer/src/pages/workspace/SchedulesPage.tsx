import { useState, type FormEvent } from 'react';
import { CalendarClock, Plus, Trash2 } from 'lucide-react';
import { Button } from '../../ui/Button.tsx';
import { useTranslation } from 'react-i18next';
import { isValidTimeZone, type NamedSchedule } from '@callbot/shared';
import { scheduleHref, schedulesHref } from '../../app/route.ts';
import { timeZoneNames } from '../../inspector/timeZones.ts';
import { WeekGridEditor } from '../../inspector/WeekGridEditor.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { HolidaysEditor } from '../../forms/HolidaysEditor.tsx';
import type { RefreshedFlow } from '../../persistence/index.ts';
import { BrokenRecords } from './BrokenRecords.tsx';
import {
  useSchedules,
  useSettings,
  useWorkspace,
  useWorkspaceFlows,
} from '../../app/WorkspaceContext.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { EditOnly, ReadOnlyFields } from '../../account/ReadOnly.tsx';
import { useReadOnlyRole } from '../../account/AccountContext.tsx';
// The week grid's and the form fields' looks, shared with the inspector.
import '../../inspector/Inspector.css';
import { EmptyTable } from '../../ui/Table.tsx';

const weekdayHours = (): NamedSchedule['weekly'] =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
    day,
    start: '09:00',
    end: '18:00',
  }));

/**
 * Named schedules (horários de atendimento): weekly hours painted on the week
 * grid, holidays, a time zone. Saving one refreshes its copy in every flow
 * whose schedule nodes use it; one used by flows cannot be deleted. A trainer
 * or a viewer sees them read-only.
 */
export function SchedulesPage({ selectedId }: { selectedId?: string | undefined }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const schedules = useSchedules();
  const flows = useWorkspaceFlows();
  const settings = useSettings();
  const [problem, setProblem] = useState<string | null>(null);

  const list = schedules.value?.items ?? [];
  const selected = list.find((s) => s.id === selectedId) ?? list[0];

  const [newName, setNewName] = useState('');
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    workspace
      .createSchedule({
        name: newName,
        timeZone: settings.value?.settings.timeZone ?? 'America/Sao_Paulo',
        weekly: weekdayHours(),
        holidays: [],
      })
      .then(
        (schedule) => {
          setNewName('');
          window.location.hash = scheduleHref(schedule.id);
        },
        (error: unknown) => setProblem(workspaceMessage(error)),
      );
  };

  return (
    <div className="workspace-page">
      <h1>{t('workspace.schedules.title')}</h1>
      <p className="workspace-page__lead">{t('workspace.schedules.lead')}</p>
      <ReadOnlyFields>
        <EditOnly>
          <form className="workspace-page__new" onSubmit={create}>
            <label>
              {t('workspace.schedules.newName')}
              <input
                name="name"
                maxLength={80}
                required
                value={newName}
                onChange={(e) => setNewName(e.target.value)}
              />
            </label>
            <Button type="submit" variant="primary" icon={<Plus />}>
              {t('workspace.schedules.create')}
            </Button>
          </form>
        </EditOnly>
        {(problem ?? schedules.error) && (
          <p role="alert" className="workspace-page__problem">
            {problem ?? schedules.error}
          </p>
        )}
        <BrokenRecords records={schedules.value?.broken ?? []} />

        {schedules.value === null ? (
          <p>{t('common.loading')}</p>
        ) : list.length === 0 ? (
          <EmptyTable icon={<CalendarClock size={20} />} title={t('workspace.schedules.empty')} />
        ) : (
          <div className="schedules">
            <nav aria-label={t('workspace.schedules.list')} className="schedules__list">
              <ul>
                {list.map((schedule) => {
                  const users = (flows.value ?? []).filter((f) =>
                    f.scheduleIds.includes(schedule.id),
                  ).length;
                  return (
                    <li key={schedule.id}>
                      <a
                        href={scheduleHref(schedule.id)}
                        aria-current={schedule === selected ? 'page' : undefined}
                      >
                        {schedule.name}
                      </a>
                      <span className="workspace-meta">
                        {t('workspace.schedules.usedBy', { count: users })}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </nav>
            {selected && (
              <ScheduleEditor
                key={selected.id}
                schedule={selected}
                usedBy={(flows.value ?? [])
                  .filter((f) => f.scheduleIds.includes(selected.id))
                  .map((f) => f.name)}
              />
            )}
          </div>
        )}
      </ReadOnlyFields>
    </div>
  );
}

/** One named schedule, edited as a draft and saved as a whole. */
function ScheduleEditor({ schedule, usedBy }: { schedule: NamedSchedule; usedBy: string[] }) {
  const { t } = useTranslation();
  const readOnly = useReadOnlyRole() !== null;
  const workspace = useWorkspace();
  const [draft, setDraft] = useState(schedule);
  // Stored anew (saved here, or in another tab): an untouched draft follows it.
  const [stored, setStored] = useState(schedule);
  if (stored !== schedule) {
    setStored(schedule);
    if (JSON.stringify(draft) === JSON.stringify(stored)) setDraft(schedule);
  }
  const [saved, setSaved] = useState<RefreshedFlow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const changed = JSON.stringify(draft) !== JSON.stringify(schedule);
  const zoneError = isValidTimeZone(draft.timeZone)
    ? null
    : t('workspace.schedules.unknownTimeZone', { zone: draft.timeZone });

  const edit = (next: Partial<NamedSchedule>) => {
    setSaved(null);
    setDraft((d) => ({ ...d, ...next }));
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    workspace.saveSchedule(draft).then(setSaved, (error: unknown) => {
      setProblem(workspaceMessage(error));
    });
  };

  return (
    <form className="schedule-editor" onSubmit={save} aria-label={schedule.name}>
      <h2>{schedule.name}</h2>
      <p className="workspace-meta">
        {usedBy.length === 0
          ? t('workspace.schedules.unused')
          : t('workspace.schedules.usedByFlows', { flows: usedBy.map((n) => `“${n}”`).join(', ') })}
      </p>
      <label className="field">
        <span className="field__label">{t('workspace.schedules.name')}</span>
        <input
          className="field__control"
          value={draft.name}
          maxLength={80}
          required
          onChange={(e) => edit({ name: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('workspace.schedules.timeZone')}</span>
        <input
          className="field__control"
          value={draft.timeZone}
          list="schedule-time-zones"
          aria-invalid={zoneError !== null}
          onChange={(e) => edit({ timeZone: e.target.value })}
        />
        <datalist id="schedule-time-zones">
          {timeZoneNames().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {zoneError && <span className="field__error">{zoneError}</span>}
      </label>
      <fieldset className="inspector__group">
        <legend>{t('workspace.schedules.weekly')}</legend>
        <WeekGridEditor weekly={draft.weekly} onChange={(weekly) => edit({ weekly })} />
      </fieldset>
      <HolidaysEditor
        holidays={draft.holidays}
        onChange={(holidays) => edit({ holidays })}
        readOnly={readOnly}
      />

      <EditOnly>
        <div className="schedule-editor__actions">
          <Button type="submit" variant="primary" disabled={!changed || zoneError !== null}>
            {t('workspace.schedules.save')}
          </Button>
          <Button icon={<Trash2 />} onClick={() => setDeleting(true)}>
            {t('workspace.schedules.delete')}
          </Button>
        </div>
      </EditOnly>
      {saved && (
        <p role="status">
          {saved.length === 0
            ? t('workspace.schedules.saved')
            : t('workspace.schedules.savedInFlows', {
                flows: saved.map((f) => `“${f.name}”`).join(', '),
              })}
        </p>
      )}
      {problem && (
        <p role="alert" className="workspace-page__problem">
          {problem}
        </p>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('workspace.schedules.deleteTitle', { name: schedule.name })}
          body={t('workspace.schedules.deleteBody')}
          confirm={t('workspace.delete')}
          onClose={(confirmed) => {
            setDeleting(false);
            if (!confirmed) return;
            workspace.deleteSchedule(schedule.id).then(
              () => {
                window.location.hash = schedulesHref;
              },
              (error: unknown) => setProblem(workspaceMessage(error)),
            );
          }}
        />
      )}
    </form>
  );
}

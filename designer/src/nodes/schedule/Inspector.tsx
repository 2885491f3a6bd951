import { isValidTimeZone, type NodeOfKind } from '@callbot/shared';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, useEditorStore } from '../../editor/EditorContext.tsx';
import type { EditorState } from '../../editor/store.ts';
import { i18n } from '../../i18n/index.ts';
import { DataField } from '../../inspector/DataField.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { DiagnosticNote } from '../../inspector/FormFields.tsx';
import { dataPathOf } from '../../inspector/diagnostics.ts';
import { optionalText } from '../../inspector/parsers.ts';
import { timeZoneNames } from '../../inspector/timeZones.ts';
import { useNodeForm, type NodeForm } from '../../inspector/useNodeForm.ts';
import { fitsGrid } from '../../inspector/weekGrid.ts';
import { WeekGridEditor } from '../../inspector/WeekGridEditor.tsx';
import { ScheduleSource } from './ScheduleSource.tsx';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';

type ScheduleData = NodeOfKind<'schedule'>['data'];
type Holiday = ScheduleData['holidays'][number];

const selectFlowZone = (s: EditorState) => s.doc.settings.timeZone;

/** Why a typed time zone cannot be used; empty is fine (the flow's zone applies). */
export const checkTimeZone = (text: string): string | null =>
  text === '' || isValidTimeZone(text) ? null : i18n.t('inspector.unknownTimeZone', { zone: text });

/**
 * A schedule: weekly opening hours painted on a week grid, holidays, and the
 * time zone they are read in; or those of a named schedule, read only.
 */
export function ScheduleInspector({ node }: InspectorFormProps<'schedule'>) {
  const form = useNodeForm(node);
  const flowZone = useEditor(selectFlowZone);
  const notesId = useId();
  const store = useEditorStore();

  return (
    <>
      <ScheduleSource
        node={node}
        doc={() => store.getState().doc}
        onChange={(data) => store.getState().dispatch('chooseScheduleHours', { id: node.id, data })}
      />
      {node.data.scheduleId === undefined && (
        <ScheduleHours form={form} flowZone={flowZone} notesId={notesId} />
      )}
    </>
  );
}

/** The node's own hours: the week grid, the holidays, the time zone. */
function ScheduleHours({
  form,
  flowZone,
  notesId,
}: {
  form: NodeForm<ScheduleData>;
  flowZone: string;
  notesId: string;
}) {
  const { t } = useTranslation();
  const { weekly, holidays } = form.data;
  const weeklyNotes = form.diagnosticsAt(['weekly']);
  const setHolidays = (next: Holiday[]) => form.set(['holidays'], next);
  return (
    <>
      <fieldset className="inspector__group">
        <legend>{t('inspector.schedule.openingHours')}</legend>
        <WeekGridEditor
          weekly={weekly}
          onChange={(next) => form.set(['weekly'], next)}
          describedBy={notesId}
        />
        <div id={notesId}>
          {!fitsGrid(weekly) && <p className="field__hint">{t('inspector.schedule.offGrid')}</p>}
          {weeklyNotes.map((d, i) => (
            <DiagnosticNote key={i} diagnostic={d} />
          ))}
        </div>
      </fieldset>

      <fieldset className="inspector__group">
        <legend>{t('inspector.schedule.holidays')}</legend>
        <p className="field__hint">{t('inspector.schedule.holidaysHint')}</p>
        {holidays.length > 0 && (
          <ul className="holidays">
            {holidays.map((holiday, i) => (
              <li key={i} className="holidays__item">
                {/* A holiday always has a day: clearing the field keeps the one it had. */}
                <DateField
                  label={t('inspector.schedule.holidayDate', { n: i + 1 })}
                  value={holiday.date}
                  onChange={(date) => date !== '' && form.set(['holidays', i, 'date'], date)}
                />
                <DataField
                  form={form}
                  path={['holidays', i, 'name']}
                  label={t('inspector.schedule.holidayName', { n: i + 1 })}
                  parse={optionalText}
                />
                <button
                  type="button"
                  className="inspector__button inspector__button--danger"
                  aria-label={
                    holiday.name
                      ? t('inspector.schedule.removeNamedHoliday', {
                          date: holiday.date,
                          name: holiday.name,
                        })
                      : t('inspector.schedule.removeHoliday', { date: holiday.date })
                  }
                  onClick={() => setHolidays(holidays.filter((_, j) => j !== i))}
                >
                  {t('inspector.schedule.remove')}
                </button>
                {form.diagnostics
                  .filter((d) => {
                    // The holiday's notes and its date's (its field shows none of its own).
                    const at = dataPathOf(d);
                    return at === `holidays[${i}]` || at === `holidays[${i}].date`;
                  })
                  .map((d, j) => (
                    <DiagnosticNote key={j} diagnostic={d} />
                  ))}
              </li>
            ))}
          </ul>
        )}
        <NewHoliday
          form={form}
          onAdd={(holiday) =>
            setHolidays([...holidays, holiday].sort((a, b) => a.date.localeCompare(b.date)))
          }
        />
      </fieldset>

      <DataField
        form={form}
        path={['timeZone']}
        label={t('inspector.schedule.timeZone')}
        parse={optionalText}
        validate={checkTimeZone}
        suggestions={timeZoneNames()}
        placeholder={flowZone}
        hint={t('inspector.schedule.timeZoneHint', { zone: flowZone })}
      />
    </>
  );
}

/** A row to add a holiday: a date, an optional name, and an "Add holiday" button. */
function NewHoliday({
  form,
  onAdd,
}: {
  form: NodeForm<ScheduleData>;
  onAdd: (h: Holiday) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const { holidays } = form.data;
  const holiday: Holiday = name.trim() === '' ? { date } : { date, name };
  const error =
    date === ''
      ? null
      : holidays.some((h) => h.date === date)
        ? t('inspector.schedule.duplicateHoliday')
        : form.check(['holidays', holidays.length], holiday);
  const canAdd = date !== '' && error === null;
  const add = () => {
    if (!canAdd) return;
    onAdd(holiday);
    setDate('');
    setName('');
  };
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  return (
    <div className="holidays__new">
      <DateField
        label={t('inspector.schedule.newDate')}
        value={date}
        onChange={setDate}
        {...(error !== null && { error: `${id}-error` })}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          {t('inspector.schedule.newName')}
        </label>
        <input
          id={`${id}-name`}
          className="field__control"
          value={name}
          placeholder={t('inspector.schedule.newNamePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onEnter}
        />
      </div>
      <button type="button" className="inspector__button" disabled={!canAdd} onClick={add}>
        {t('inspector.schedule.add')}
      </button>
      {error !== null && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

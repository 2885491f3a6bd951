import { isValidTimeZone, type NodeOfKind } from '@callbot/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, useEditorStore } from '../../editor/EditorContext.tsx';
import type { EditorState } from '../../editor/store.ts';
import { i18n } from '../../i18n/index.ts';
import { DataField } from '../../inspector/DataField.tsx';
import { HolidaysEditor } from '../../forms/HolidaysEditor.tsx';
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

      <HolidaysEditor
        holidays={holidays}
        onChange={(next) => form.set(['holidays'], next)}
        notes={(i) =>
          form.diagnostics
            .filter((d) => {
              // The holiday's own notes and its fields' (the list shows no fields).
              const at = dataPathOf(d) ?? '';
              return at === `holidays[${i}]` || at.startsWith(`holidays[${i}].`);
            })
            .map((d, j) => <DiagnosticNote key={j} diagnostic={d} />)
        }
      />

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

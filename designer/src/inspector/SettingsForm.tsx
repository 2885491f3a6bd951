import { flowSettingsSchema, isValidTimeZone, type FlowSettings } from '@callbot/shared';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { TextField } from './FormFields.tsx';
import { NodeChecks } from './NodeInspector.tsx';
import { useDiagnostics } from './diagnostics.ts';
import { errorAt, type ParseResult } from './issues.ts';
import { asNumber } from './parsers.ts';
import { commonLocales, isLanguageTag, timeZoneNames } from './timeZones.ts';

const selectSettings = (s: EditorState) => s.doc.settings;

/** The flow's own settings, shown when no node is selected. */
export function SettingsForm() {
  const settings = useEditor(selectSettings);
  const store = useEditorStore();
  const diagnostics = useDiagnostics().filter((d) => d.nodeId === undefined);
  const at = (key: keyof FlowSettings) => diagnostics.filter((d) => d.path === `settings.${key}`);

  /** A settings field: checked by the flow's settings schema, committed as one `updateSettings`. */
  const field = <K extends keyof FlowSettings>(
    key: K,
    parse: (text: string) => unknown,
    extraCheck?: (text: string) => string | null,
  ) => {
    const parsed = (text: string) =>
      flowSettingsSchema.safeParse({ ...settings, [key]: parse(text) }) as ParseResult & {
        data?: FlowSettings;
      };
    return {
      value: String(settings[key]),
      check: (text: string) => extraCheck?.(text) ?? errorAt(parsed(text), [key]),
      commit: (text: string) => {
        const result = parsed(text);
        if (result.success && result.data)
          store.getState().dispatch('updateSettings', { [key]: result.data[key] });
      },
      diagnostics: at(key),
    };
  };

  return (
    <>
      <header className="inspector__header">
        <p className="inspector__kind">Flow settings</p>
        <h2 className="inspector__title">{settings.name}</h2>
      </header>
      <div className="inspector__body">
        <TextField label="Flow name" {...field('name', (t) => t)} />
        <TextField
          label="Time zone"
          suggestions={timeZoneNames()}
          hint="Schedules are read in this zone unless they name their own."
          {...field(
            'timeZone',
            (t) => t,
            (t) =>
              isValidTimeZone(t)
                ? null
                : `“${t}” is not a time zone this browser knows. Pick one from the list, e.g. America/Sao_Paulo.`,
          )}
        />
        <TextField
          label="Language of the prompts"
          suggestions={commonLocales}
          hint="A language tag such as pt-BR, es or en-US."
          {...field(
            'locale',
            (t) => t,
            (t) => (isLanguageTag(t) ? null : `“${t}” is not a language tag such as pt-BR or es.`),
          )}
        />
        <TextField
          label="Default silence timeout (ms)"
          type="number"
          min={1000}
          max={120000}
          step={500}
          hint="How long a menu waits for the caller, unless it sets its own."
          {...field('noInputTimeoutMs', asNumber)}
        />
        <NodeChecks
          title="Checks for the flow"
          diagnostics={diagnostics.filter((d) => !d.path?.startsWith('settings.'))}
        />
      </div>
    </>
  );
}

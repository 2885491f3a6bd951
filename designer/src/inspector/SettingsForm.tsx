import { flowSettingsSchema, isValidTimeZone, type FlowSettings } from '@callbot/shared';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const settings = useEditor(selectSettings);
  const store = useEditorStore();
  const all = useDiagnostics();
  const diagnostics = all.filter((d) => d.nodeId === undefined);
  // The nodes' own checks are theirs (their forms, the canvas badges, the Checks panel): counted here.
  const aboutNodes = all.length - diagnostics.length;
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
        <p className="inspector__kind">{t('inspector.settings.title')}</p>
        <h2 className="inspector__title">{settings.name}</h2>
      </header>
      <div className="inspector__body">
        <TextField label={t('inspector.settings.name')} {...field('name', (text) => text)} />
        <TextField
          label={t('inspector.settings.timeZone')}
          suggestions={timeZoneNames()}
          hint={t('inspector.settings.timeZoneHint')}
          {...field(
            'timeZone',
            (text) => text,
            (text) =>
              isValidTimeZone(text) ? null : t('inspector.unknownTimeZone', { zone: text }),
          )}
        />
        <TextField
          label={t('inspector.settings.locale')}
          suggestions={commonLocales}
          hint={t('inspector.settings.localeHint')}
          {...field(
            'locale',
            (text) => text,
            (text) =>
              isLanguageTag(text) ? null : t('inspector.settings.badLocale', { tag: text }),
          )}
        />
        <TextField
          label={t('inspector.settings.timeout')}
          type="number"
          min={1000}
          max={120000}
          step={500}
          hint={t('inspector.settings.timeoutHint')}
          {...field('noInputTimeoutMs', asNumber)}
        />
        <NodeChecks
          title={t('inspector.settings.checks')}
          diagnostics={diagnostics.filter((d) => !d.path?.startsWith('settings.'))}
          empty={
            aboutNodes === 0
              ? undefined
              : t('inspector.settings.checksOnNodes', { count: aboutNodes })
          }
        />
      </div>
    </>
  );
}

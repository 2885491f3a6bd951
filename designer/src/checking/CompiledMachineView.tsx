import { useMemo, useState } from 'react';
import { Copy, Download, Workflow } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { diagnosticText } from '../i18n/diagnostics/index.ts';
import { useCompiled } from '../editor/diagnostics.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { downloadJson } from './download.ts';
import { MachineOutline } from './MachineOutline.tsx';
import './checking.css';

const selectFlowName = (state: EditorState) => state.doc.settings.name;

type CopyState = { json: string; ok: boolean } | null;

/**
 * The xstate machine config the compiler makes from the open flow: first as
 * a tree of states and transitions people can read (where the bot speaks,
 * where it listens), the JSON behind a second tab, with Copy and Download;
 * or, while the flow has errors, the errors that stop it compiling. Fits in
 * a tab; `CompiledMachineDialog` shows it in a dialog.
 */
export function CompiledMachineView() {
  const { t } = useTranslation();
  const { machine, diagnostics } = useCompiled();
  const name = useEditor(selectFlowName);
  const json = useMemo(() => (machine ? JSON.stringify(machine, null, 2) : null), [machine]);
  // What the last copy did, for this JSON only: an edit makes it stale.
  const [copied, setCopied] = useState<CopyState>(null);
  const copy = (text: string) => {
    const done = (ok: boolean) => setCopied({ json: text, ok });
    // The clipboard needs a secure context and may be refused.
    if (!navigator.clipboard) return done(false);
    navigator.clipboard.writeText(text).then(
      () => done(true),
      () => done(false),
    );
  };

  const errors = diagnostics.filter((d) => d.severity === 'error');
  return (
    <section className="machine" aria-label={t('machine.title')}>
      <div className="machine__toolbar">
        <p>{t('machine.about')}</p>
        <Button
          size="sm"
          icon={<Copy />}
          disabled={json === null}
          onClick={() => json !== null && copy(json)}
        >
          {t('machine.copy')}
        </Button>
        <Button
          size="sm"
          icon={<Download />}
          disabled={machine === null}
          onClick={() => machine && downloadJson(machine, `${name}.machine.json`)}
        >
          {t('machine.download')}
        </Button>
        <span role="status">
          {copied && copied.json === json
            ? copied.ok
              ? t('machine.copied')
              : t('machine.notCopied')
            : ''}
        </span>
      </div>
      {machine !== null && json !== null ? (
        <>
          <Tabs
            label={t('machineView.views')}
            tabs={[
              {
                id: 'outline',
                label: t('machineView.tabs.outline'),
                content: <MachineOutline machine={machine} />,
              },
              {
                id: 'json',
                label: t('machineView.tabs.json'),
                content: (
                  // Focusable, so keyboard users can scroll it.
                  <pre className="machine__json" tabIndex={0} aria-label={t('machine.json')}>
                    <code>{json}</code>
                  </pre>
                ),
              },
            ]}
          />
        </>
      ) : (
        <div>
          <p>{t('machine.notCompiling')}</p>
          <ul className="machine__errors">
            {errors.map((d, i) => (
              <li key={i}>{diagnosticText(d, t).message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** A "Compiled machine" button that opens `CompiledMachineView` in a dialog. */
export function CompiledMachineDialog() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<Workflow />} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('machine.title')}
      </Button>
      {open && (
        <Dialog label={t('machine.title')} onClose={() => setOpen(false)}>
          <CompiledMachineView />
        </Dialog>
      )}
    </>
  );
}

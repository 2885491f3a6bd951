import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { diagnosticText } from '../i18n/diagnostics/index.ts';
import { useCompiled } from './diagnostics.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { downloadJson } from './download.ts';
import { MachineOutline } from './MachineOutline.tsx';
import './checking.css';

const selectFlowName = (state: EditorState) => state.doc.settings.name;

type CopyState = { json: string; ok: boolean } | null;

const TABS = ['outline', 'json'] as const;
type Tab = (typeof TABS)[number];

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
  const [tab, setTab] = useState<Tab>('outline');
  const id = useId();
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  /** Arrow keys move between the tabs, as a tablist's do. */
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

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
        <button type="button" disabled={json === null} onClick={() => json !== null && copy(json)}>
          {t('machine.copy')}
        </button>
        <button
          type="button"
          disabled={machine === null}
          onClick={() => machine && downloadJson(machine, `${name}.machine.json`)}
        >
          {t('machine.download')}
        </button>
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
          <div role="tablist" aria-label={t('machineView.views')} onKeyDown={onTabKey}>
            {TABS.map((name) => (
              <button
                key={name}
                ref={(el) => {
                  tabRefs.current[name] = el;
                }}
                type="button"
                role="tab"
                id={`${id}-${name}-tab`}
                aria-selected={tab === name}
                aria-controls={`${id}-${name}`}
                tabIndex={tab === name ? 0 : -1}
                onClick={() => setTab(name)}
              >
                {t(`machineView.tabs.${name}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${id}-${tab}`} aria-labelledby={`${id}-${tab}-tab`}>
            {tab === 'outline' ? (
              <MachineOutline machine={machine} />
            ) : (
              // Focusable, so keyboard users can scroll it.
              <pre className="machine__json" tabIndex={0} aria-label={t('machine.json')}>
                <code>{json}</code>
              </pre>
            )}
          </div>
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
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('machine.title')}
      </button>
      {open && (
        <Dialog label={t('machine.title')} onClose={() => setOpen(false)}>
          <CompiledMachineView />
        </Dialog>
      )}
    </>
  );
}

import { hasErrors, validateFlow, type Diagnostic, type FlowDocument } from '@callbot/shared';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnosticText } from '../i18n/diagnostics/index.ts';
import { useDateTimeFormat } from '../i18n/useDateTimeFormat.ts';
import { formatPhone } from '../forms/phone.ts';
import { Dialog } from '../ui/Dialog.tsx';
import {
  clientOfWorkspace,
  type PublishedList,
  type WorkspacePublishClient,
} from './workspaceClient.ts';
import './publish.css';

type Outcome =
  | { kind: 'localErrors'; diagnostics: Diagnostic[] }
  | { kind: 'published'; version: number; warnings: Diagnostic[] }
  | { kind: 'live'; version: number }
  | { kind: 'problem'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Publishing in a server's workspace: one click. The flow is checked here
 * first (errors block, in the checks' words), then the server checks it
 * again, against the workspace's teams too, keeps it as a numbered version
 * and makes it the one the callbot's lines answer with. The versions list
 * says who published each and when, and makes an earlier one live again.
 */
export function WorkspacePublishDialog({
  doc,
  flowId,
  workspaceId,
  client: given,
  onClose,
}: {
  doc: FlowDocument;
  flowId: string;
  workspaceId: string;
  /** The server's client (tests give their own). */
  client?: WorkspacePublishClient;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [client] = useState(() => given ?? clientOfWorkspace(workspaceId));
  const dateFormat = useDateTimeFormat();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [list, setList] = useState<PublishedList | null>(null);
  const local = useMemo(() => validateFlow(doc), [doc]);

  /** Reads the versions again (after a change here). */
  async function refresh() {
    try {
      setList(await client.list(flowId));
    } catch (error) {
      setOutcome({ kind: 'problem', message: messageOf(error) });
    }
  }

  useEffect(() => {
    let live = true;
    client.list(flowId).then(
      (read) => {
        if (live) setList(read);
      },
      (error: unknown) => {
        if (live) setOutcome({ kind: 'problem', message: messageOf(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [client, flowId]);

  async function publish(event: FormEvent) {
    event.preventDefault();
    if (hasErrors(local)) {
      setOutcome({ kind: 'localErrors', diagnostics: local.filter((d) => d.severity === 'error') });
      return;
    }
    setBusy(true);
    try {
      const published = await client.publish(flowId, doc, note);
      setOutcome({
        kind: 'published',
        version: published.version.version,
        warnings: published.diagnostics,
      });
      setNote('');
      await refresh();
    } catch (error) {
      setOutcome({
        kind: 'problem',
        message: t('workspacePublish.refused', { message: messageOf(error) }),
      });
    } finally {
      setBusy(false);
    }
  }

  async function makeLive(version: number) {
    setBusy(true);
    try {
      await client.makeLive(flowId, version);
      setOutcome({ kind: 'live', version });
      await refresh();
    } catch (error) {
      setOutcome({ kind: 'problem', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog label={t('workspacePublish.title')} onClose={onClose}>
      <form className="publish__form" onSubmit={(e) => void publish(e)}>
        <label>
          {t('workspacePublish.note')}
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t('workspacePublish.publish')}
        </button>
      </form>
      {busy && <p role="status">{t('publish.busy')}</p>}
      {outcome && <OutcomeView outcome={outcome} />}
      {list && (
        <section aria-label={t('workspacePublish.versions')}>
          <h3>{t('workspacePublish.versions')}</h3>
          <p className="publish__hint">
            {list.lines.length === 0
              ? t('workspacePublish.noLines')
              : t('workspacePublish.lines', {
                  lines: list.lines
                    .map((l) => (l.number ? formatPhone(l.number) : l.id))
                    .join(', '),
                })}
          </p>
          {list.versions.length === 0 ? (
            <p>{t('workspacePublish.none')}</p>
          ) : (
            <ol className="publish__versions">
              {list.versions.map((v) => (
                <li key={v.version}>
                  {t('workspacePublish.versionLine', {
                    version: v.version,
                    date: dateFormat.format(new Date(v.publishedAt)),
                    name: v.publishedBy.name,
                  })}
                  {v.note && ` · ${v.note}`}
                  {v.version === list.live ? (
                    <strong className="publish__live"> {t('workspacePublish.live')}</strong>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => void makeLive(v.version)}>
                      {t('workspacePublish.makeLive', { version: v.version })}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </Dialog>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'localErrors':
      return (
        <div role="alert">
          <p>{t('publish.localErrors')}</p>
          <ul aria-label={t('publish.localErrors')} className="publish__diagnostics">
            {outcome.diagnostics.map((d, i) => {
              const { message, hint } = diagnosticText(d, t);
              return (
                <li key={i} className="publish__diagnostic publish__diagnostic--error">
                  {message}
                  {hint && <span className="publish__hint"> {hint}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      );
    case 'published':
      return (
        <div role="status">
          <p className="publish__done">
            {t('workspacePublish.published', { version: outcome.version })}
          </p>
          {outcome.warnings.length > 0 && (
            <ul aria-label={t('publish.warnings')} className="publish__diagnostics">
              {outcome.warnings.map((d, i) => (
                <li key={i} className="publish__diagnostic publish__diagnostic--warning">
                  {diagnosticText(d, t).message}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'live':
      return (
        <p role="status" className="publish__done">
          {t('workspacePublish.madeLive', { version: outcome.version })}
        </p>
      );
    case 'problem':
      return <p role="alert">{outcome.message}</p>;
  }
}

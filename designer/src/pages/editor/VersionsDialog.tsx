import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '@callbot/shared';
import { useRepository } from '../../app/RepositoryContext.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorMessage } from '../../ui/errorMessage.ts';
import type { VersionSummary } from '../../persistence/index.ts';
import { VersionDiffView } from '../../versions/VersionDiffView.tsx';
import { useEditorStore } from '../../editor/EditorContext.tsx';
import { AUTO_SNAPSHOT_INTERVAL_MS } from './useAutoSnapshots.ts';
import type { FlowEditing } from './useFlowEditing.ts';
import { versionName } from '../../versions/versionNames.ts';
import { useDateTimeFormat } from '../../i18n/useDateTimeFormat.ts';
import { useReadOnlyRole } from '../../account/AccountContext.tsx';

/** Two versions being compared, the older first; `null` loads while they are read. */
type Comparison = {
  before: FlowDocument;
  after: FlowDocument;
  beforeLabel: string;
  afterLabel: string;
} | null;

/** The choice "the current flow" in the compare form, beside the versions' ids. */
const CURRENT = 'current' as const;

/**
 * Save a version with a note, restore any saved or automatic one (as one
 * undoable step), and compare two versions, or one with the current flow,
 * on a canvas of their differences. A trainer or a viewer only compares.
 */
export function VersionsDialog({
  flowId,
  editing,
  onClose,
}: {
  flowId: string;
  editing: FlowEditing;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dateFormat = useDateTimeFormat();
  const repository = useRepository();
  const store = useEditorStore();
  const mayEdit = useReadOnlyRole() === null;
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const [comparison, setComparison] = useState<Comparison | undefined>(undefined);

  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let live = true;
    repository.listVersions(flowId).then(
      (list) => live && setVersions(list),
      (e: unknown) => live && setProblem(errorMessage(e, String(e))),
    );
    return () => {
      live = false;
    };
  }, [repository, flowId, reloads]);

  const attempt = async (action: () => Promise<void>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error, String(error)));
    }
    setReloads((n) => n + 1);
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const note = new FormData(form).get('note');
    void attempt(async () => {
      await editing.flush();
      await repository.saveVersion(flowId, typeof note === 'string' ? note.trim() : '');
      form.reset();
    });
  };

  const restore = (version: VersionSummary) =>
    attempt(async () => {
      await editing.flush();
      const restored = await repository.restoreVersion(flowId, version.id, editing.revision());
      editing.setRevision(restored.revision);
      store.getState().dispatch('replaceDocument', { doc: restored.doc });
    });

  const noteOf = (v: VersionSummary) => versionName(v, t, AUTO_SNAPSHOT_INTERVAL_MS / 60_000);
  const labelOf = (v: VersionSummary) =>
    t('versionDiff.option', { note: noteOf(v), date: dateFormat.format(v.createdAt) });

  /** Reads both sides (a version, or the document being edited) and shows their differences. */
  const compare = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const picked = [form.get('from'), form.get('to')].map((value) =>
      value === CURRENT ? CURRENT : versions?.find((v) => String(v.id) === value),
    );
    const [from, to] = picked;
    if (!from || !to) return;
    // The older one is `before`; the current flow is newer than any version.
    const [older, newer] =
      from !== CURRENT && (to === CURRENT || from.createdAt <= to.createdAt)
        ? [from, to]
        : [to, from];
    const read = async (side: VersionSummary | typeof CURRENT) =>
      side === CURRENT
        ? { doc: store.getState().doc, label: t('versionDiff.current') }
        : { doc: (await repository.openVersion(flowId, side.id)).doc, label: labelOf(side) };
    setComparison(null);
    void attempt(async () => {
      try {
        const [b, a] = await Promise.all([read(older), read(newer)]);
        setComparison({ before: b.doc, after: a.doc, beforeLabel: b.label, afterLabel: a.label });
      } catch (error) {
        setComparison(undefined);
        throw error;
      }
    });
  };

  if (comparison !== undefined) {
    return (
      <Dialog label={t('editor.versions')} onClose={onClose}>
        {comparison === null ? (
          <p>{t('versionDiff.loading')}</p>
        ) : (
          <VersionDiffView {...comparison} onBack={() => setComparison(undefined)} />
        )}
      </Dialog>
    );
  }

  return (
    <Dialog label={t('editor.versions')} onClose={onClose}>
      {mayEdit && (
        <form onSubmit={save} className="versions__save">
          <label>
            {t('versions.note')}
            <input name="note" maxLength={200} placeholder={t('versions.notePlaceholder')} />
          </label>
          <button type="submit">{t('versions.save')}</button>
        </form>
      )}
      {problem && <p role="alert">{problem}</p>}
      {versions && versions.length > 0 && (
        <form onSubmit={compare} className="versions__compare" aria-label={t('versionDiff.title')}>
          <label>
            {t('versionDiff.from')}
            <select name="from" defaultValue={versions[0]?.id}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {labelOf(v)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('versionDiff.to')}
            <select name="to" defaultValue={CURRENT}>
              <option value={CURRENT}>{t('versionDiff.current')}</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {labelOf(v)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('versionDiff.compare')}</button>
        </form>
      )}
      {versions === null ? (
        <p>{t('common.loading')}</p>
      ) : (
        <ul className="versions__list" aria-label={t('versions.list')}>
          {versions.map((v) => (
            <li key={v.id}>
              <span>
                {noteOf(v)} · {dateFormat.format(v.createdAt)} ·{' '}
                {t('common.nodes', { count: v.nodeCount })}
              </span>
              {mayEdit && (
                <button type="button" onClick={() => void restore(v)}>
                  {t('versions.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

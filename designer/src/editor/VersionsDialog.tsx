import { useEffect, useState, type FormEvent } from 'react';
import { useRepository } from '../app/RepositoryContext.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import type { VersionSummary } from '../persistence/index.ts';
import { useEditorStore } from './EditorContext.tsx';
import type { FlowEditing } from './useFlowEditing.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Save a version with a note, and restore any saved or automatic one (as one undoable step). */
export function VersionsDialog({
  flowId,
  editing,
  onClose,
}: {
  flowId: string;
  editing: FlowEditing;
  onClose: () => void;
}) {
  const repository = useRepository();
  const store = useEditorStore();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let live = true;
    repository.listVersions(flowId).then(
      (list) => live && setVersions(list),
      (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)),
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
      setProblem(error instanceof Error ? error.message : String(error));
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

  return (
    <Dialog label="Versions" onClose={onClose}>
      <form onSubmit={save} className="versions__save">
        <label>
          Note
          <input name="note" maxLength={200} placeholder="What changed" />
        </label>
        <button type="submit">Save version</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      {versions === null ? (
        <p>Loading…</p>
      ) : (
        <ul className="versions__list" aria-label="Saved versions">
          {versions.map((v) => (
            <li key={v.id}>
              <span>
                {v.note || (v.auto ? 'Automatic snapshot' : 'Version')} ·{' '}
                {dateFormat.format(v.createdAt)} · {v.nodeCount} nodes
              </span>
              <button type="button" onClick={() => void restore(v)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

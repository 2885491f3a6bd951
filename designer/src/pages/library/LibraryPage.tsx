import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '@callbot/shared';
import { flowHref } from '../../app/route.ts';
import { useRepository } from '../../app/RepositoryContext.tsx';
import type { FlowSummary } from '../../persistence/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { currentLanguage, i18n } from '../../i18n/index.ts';
import { describeDiagnostic } from '../../ui/describeDiagnostic.ts';
import { Copy, Pencil, Plus, SearchX, Trash2, Upload, Workflow } from 'lucide-react';
import { Button, IconButton } from '../../ui/Button.tsx';
import { JsonFileButton } from '../../ui/JsonFileButton.tsx';
import { errorMessage } from '../../ui/errorMessage.ts';
import { readFileText } from '../../ui/readFile.ts';
import { CallbotToggle } from './CallbotToggle.tsx';
import './library.css';
import { useCurrentWorkspace, useReadOnlyRole } from '../../account/AccountContext.tsx';
import { useDateTimeFormat } from '../../i18n/useDateTimeFormat.ts';
import { defaultNodeLabel } from '../../i18n/nodeTerms.ts';
import { rememberImport } from './importNotice.ts';
import { useFlowChanges } from '../../remote/useSync.ts';
import { EmptyTable } from '../../ui/Table.tsx';

/** The start page: the flows stored in this browser, to create, open, rename, copy, delete, search. */
/** Moving a browser-only workspace in: a server's workspace only, so loaded with it. */
const MoveIn = lazy(() => import('./MoveIn.tsx').then((m) => ({ default: m.MoveIn })));

export function LibraryPage() {
  const served = useCurrentWorkspace() !== null;
  // A trainer or a viewer opens and simulates flows; the server refuses them every change.
  const mayEdit = useReadOnlyRole() === null;
  const { t } = useTranslation();
  const dateFormat = useDateTimeFormat();
  const repository = useRepository();
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<{ message: string; diagnostics?: Diagnostic[] } | null>(
    null,
  );
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);

  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let live = true;
    (query.trim() ? repository.search(query) : repository.list()).then(
      (list) => live && setFlows(list),
      (error: unknown) => live && setProblem({ message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [repository, query, reloads]);
  const refresh = () => setReloads((n) => n + 1);
  // Flows changed by others on the server show without a reload.
  useFlowChanges(refresh);

  /** Runs a storage action; a failure is shown, never swallowed. */
  const attempt = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem({ message: messageOf(error) });
    }
    refresh();
  };

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = new FormData(form).get('name');
    if (typeof name !== 'string' || name.trim() === '') return;
    void attempt(async () => {
      // The flow speaks the language it is created in: its prompts, its hang-up's id, its locale.
      const flow = await repository.create(name.trim(), {
        language: currentLanguage(),
        labelNode: (nodes, kind) => defaultNodeLabel(nodes, kind, t),
      });
      form.reset();
      window.location.hash = flowHref(flow.id);
    });
  };

  const importFile = async (file: File) => {
    setProblem(null);
    let result;
    try {
      result = await repository.importFlow(await readFileText(file), file.name);
    } catch (error) {
      setProblem({ message: t('importFlow.failed', { file: file.name, why: messageOf(error) }) });
      return;
    }
    if (result.ok) {
      rememberImport(result);
      window.location.hash = flowHref(result.flow.id);
    } else
      setProblem({
        message: t('importFlow.refused', { file: result.fileName }),
        diagnostics: result.diagnostics,
      });
  };

  return (
    <div className="library">
      <header className="library__header">
        <h1>{t('library.title')}</h1>
        {mayEdit && (
          <>
            <form className="library__new" onSubmit={create}>
              <label>
                <span className="visually-hidden">{t('library.newName')}</span>
                <input name="name" placeholder={t('library.newName')} maxLength={120} required />
              </label>
              <Button type="submit" variant="primary" icon={<Plus />}>
                {t('library.create')}
              </Button>
            </form>
            <JsonFileButton
              icon={<Upload />}
              label={t('importFlow.button')}
              pickerLabel={t('importFlow.file')}
              onFile={(file) => void importFile(file)}
            />
          </>
        )}
        {served && (
          <Suspense fallback={null}>
            <MoveIn onMovedIn={refresh} />
          </Suspense>
        )}
      </header>

      <label className="library__search">
        <span className="visually-hidden">{t('library.search')}</span>
        <input
          type="search"
          placeholder={t('library.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>

      {problem && (
        <div role="alert" className="library__problem">
          <p>{problem.message}</p>
          {problem.diagnostics && (
            <ul>
              {problem.diagnostics.map((d, i) => (
                <li key={i}>{describeDiagnostic(d)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {flows === null ? (
        <p>{t('common.loading')}</p>
      ) : flows.length === 0 ? (
        <EmptyTable
          icon={query ? <SearchX size={20} /> : <Workflow size={20} />}
          title={query ? t('library.noMatch') : t('library.empty')}
        />
      ) : (
        <ul className="library__list" aria-label={t('library.title')}>
          {flows.map((flow) => (
            <li key={flow.id} className="library__item">
              {renaming === flow.id ? (
                <RenameForm
                  name={flow.name}
                  onDone={(name) => {
                    setRenaming(null);
                    if (name && name !== flow.name)
                      void attempt(() => repository.rename(flow.id, name));
                  }}
                />
              ) : (
                <a href={flowHref(flow.id)} className="library__open">
                  <span className="library__icon" aria-hidden="true">
                    <Workflow size={16} />
                  </span>
                  {flow.name}
                </a>
              )}
              <span className="library__meta">
                {t('common.nodes', { count: flow.nodeCount })} · {dateFormat.format(flow.updatedAt)}
              </span>
              <CallbotToggle
                flowId={flow.id}
                name={flow.name}
                callbot={flow.callbot}
                readOnly={!mayEdit}
                onChanged={refresh}
              />
              {mayEdit && (
                <>
                  <IconButton
                    icon={<Pencil />}
                    onClick={() => setRenaming(flow.id)}
                    label={t('library.renameFlow', { name: flow.name })}
                    tooltip={t('library.rename')}
                  />
                  <IconButton
                    icon={<Copy />}
                    onClick={() => void attempt(() => repository.duplicate(flow.id))}
                    label={t('library.duplicateFlow', { name: flow.name })}
                    tooltip={t('library.duplicate')}
                  />
                  <IconButton
                    icon={<Trash2 />}
                    onClick={() => setDeleting(flow)}
                    label={t('library.deleteFlow', { name: flow.name })}
                    tooltip={t('library.delete')}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      {deleting && (
        <ConfirmDialog
          title={t('library.deleteTitle', { name: deleting.name })}
          body={t('library.deleteBody')}
          confirm={t('library.delete')}
          onClose={(confirmed) => {
            const flow = deleting;
            setDeleting(null);
            if (confirmed) void attempt(() => repository.remove(flow.id));
          }}
        />
      )}
    </div>
  );
}

function RenameForm({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <form
      className="library__rename"
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get('name');
        onDone(typeof value === 'string' && value.trim() ? value.trim() : null);
      }}
    >
      <label>
        <span className="visually-hidden">{t('library.newNameOf')}</span>
        <input
          name="name"
          defaultValue={name}
          maxLength={120}
          autoFocus
          onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
        />
      </label>
      <Button type="submit" variant="primary" size="sm">
        {t('library.saveName')}
      </Button>
    </form>
  );
}

const messageOf = (error: unknown) => errorMessage(error, i18n.t('errors.storageFallback'));

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Diagnostic } from '@callbot/shared';
import { flowHref } from '../app/route.ts';
import { useRepository } from '../app/RepositoryContext.tsx';
import type { FlowSummary } from '../persistence/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { describeDiagnostic } from '../ui/describeDiagnostic.ts';
import { readFileText } from '../ui/readFile.ts';
import './library.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The start page: the flows stored in this browser, to create, open, rename, copy, delete, search. */
export function LibraryPage() {
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
      const flow = await repository.create(name.trim());
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
      setProblem({ message: `${file.name} was not imported: ${messageOf(error)}` });
      return;
    }
    if (result.ok) window.location.hash = flowHref(result.flow.id);
    else
      setProblem({
        message: `${result.fileName} was not imported: nothing was changed.`,
        diagnostics: result.diagnostics,
      });
  };

  return (
    <div className="library">
      <header className="library__header">
        <h1>Flows</h1>
        <form className="library__new" onSubmit={create}>
          <label>
            <span className="visually-hidden">Name of the new flow</span>
            <input name="name" placeholder="Name of the new flow" maxLength={120} required />
          </label>
          <button type="submit">New flow</button>
        </form>
        <ImportButton onFile={(file) => void importFile(file)} />
      </header>

      <label className="library__search">
        <span className="visually-hidden">Search flows</span>
        <input
          type="search"
          placeholder="Search flows"
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
        <p>Loading…</p>
      ) : flows.length === 0 ? (
        <p>{query ? 'No flow matches.' : 'No flows yet: create one.'}</p>
      ) : (
        <ul className="library__list" aria-label="Flows">
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
                  {flow.name}
                </a>
              )}
              <span className="library__meta">
                {flow.nodeCount} nodes · {dateFormat.format(flow.updatedAt)}
              </span>
              <button
                type="button"
                onClick={() => setRenaming(flow.id)}
                aria-label={`Rename ${flow.name}`}
              >
                Rename
              </button>
              <button
                type="button"
                onClick={() => void attempt(() => repository.duplicate(flow.id))}
                aria-label={`Duplicate ${flow.name}`}
              >
                Duplicate
              </button>
              <button
                type="button"
                onClick={() => setDeleting(flow)}
                aria-label={`Delete ${flow.name}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}

      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          body="The flow and its saved versions are removed from this browser. This cannot be undone."
          confirm="Delete"
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
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get('name');
        onDone(typeof value === 'string' && value.trim() ? value.trim() : null);
      }}
    >
      <label>
        <span className="visually-hidden">New name</span>
        <input
          name="name"
          defaultValue={name}
          maxLength={120}
          autoFocus
          onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
        />
      </label>
      <button type="submit">Save name</button>
    </form>
  );
}

/** A file picker for flow JSON files. */
export function ImportButton({ onFile }: { onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Import flow
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label="Flow file to import"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** A modal question; the dialog's Close button (or Escape) is the "no". */
export function ConfirmDialog({
  title,
  body,
  confirm,
  onClose,
}: {
  title: string;
  body: string;
  confirm: string;
  onClose: (confirmed: boolean) => void;
}) {
  return (
    <Dialog label={title} onClose={() => onClose(false)}>
      <h2>{title}</h2>
      <p>{body}</p>
      <button type="button" className="danger" onClick={() => onClose(true)}>
        {confirm}
      </button>
    </Dialog>
  );
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : 'Something went wrong with this browser’s storage.';

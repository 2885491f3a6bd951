import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { simulateCall, type Script, type TraceLine } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import { useRepository } from '../../app/RepositoryContext.tsx';
import { downloadBlob } from '../../checking/download.ts';
import { MAX_TEST_CASE_NAME_LENGTH } from '../../persistence/index.ts';
import { errorMessage } from '../../ui/errorMessage.ts';
import { readFileText } from '../../ui/readFile.ts';
import { computeCoverage } from './coverage.ts';
import { hideCoverage, showCoverage } from './coverageHighlight.ts';
import { parseScriptFile, scriptFileOf } from './scriptFile.ts';
import {
  readTestCase,
  runTestCase,
  type ReadTestCase,
  type TestCase,
  type TestRun,
} from './testCase.ts';
import type { DiffLine } from './transcript.ts';
import './testCases.css';
import { JsonFileButton } from '../../ui/JsonFileButton.tsx';
import { useDateTimeFormat } from '../../i18n/useDateTimeFormat.ts';

type Message = { role: 'status' | 'alert'; text: string } | null;

/** Runs are shown for the document they ran on only: an edit makes them stale. */
type Results = { doc: FlowDocument; runs: ReadonlyMap<number, TestRun> };

/**
 * The flow's test cases: save the simulated call, once it has ended (or an
 * imported script) as one, run them against the current document with the difference where one
 * fails, rename, delete and export them, and see what they cover.
 */
export function TestCasesPanel({
  flowId,
  doc,
  recorded,
}: {
  flowId: string;
  doc: FlowDocument;
  recorded: { script: Script; transcript: TraceLine[] } | null;
}) {
  const { t } = useTranslation();
  const repository = useRepository();
  const [cases, setCases] = useState<ReadTestCase[] | null>(null);
  const [reloads, setReloads] = useState(0);
  const [message, setMessage] = useState<Message>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [showOnCanvas, setShowOnCanvas] = useState(false);
  // Only a call that ended replays to the same transcript: one still running has more to come.
  const finished = recorded?.transcript.at(-1)?.kind === 'end' ? recorded : null;

  useEffect(() => {
    let live = true;
    repository.listTestCases(flowId).then(
      (records) => live && setCases(records.map(readTestCase)),
      (e: unknown) => live && setMessage({ role: 'alert', text: errorMessage(e, String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [repository, flowId, reloads]);

  const readable = useMemo(() => (cases ?? []).flatMap((c) => (c.ok ? [c.testCase] : [])), [cases]);
  const coverage = useMemo(
    () =>
      computeCoverage(
        doc,
        readable.map((c) => c.transcript),
      ),
    [doc, readable],
  );

  useEffect(() => {
    if (!showOnCanvas) return;
    showCoverage({ flowId, nodes: coverage.nodes, ports: coverage.ports });
    return () => hideCoverage(flowId);
  }, [showOnCanvas, flowId, coverage]);

  /** Runs a storage action, says how it went and reloads the list; true when it worked. */
  const attempt = async (action: () => Promise<string | null>): Promise<boolean> => {
    setMessage(null);
    let worked = false;
    try {
      const done = await action();
      if (done) setMessage({ role: 'status', text: done });
      worked = true;
    } catch (error) {
      setMessage({ role: 'alert', text: errorMessage(error, String(error)) });
    }
    setReloads((n) => n + 1);
    return worked;
  };

  const save = (name: string, call: { script: Script; transcript: TraceLine[] }) =>
    attempt(async () => {
      const { revision } = await repository.open(flowId);
      const saved = await repository.saveTestCase(flowId, {
        ...call,
        name,
        flowRevision: revision,
      });
      return t('simulatorTests.saved', { name: saved.name });
    });

  const importScript = (file: File) =>
    attempt(async () => {
      const parsed = parseScriptFile(await readFileText(file));
      if (!parsed.ok)
        throw new Error(t('simulatorTests.importRefused', { file: file.name, why: parsed.why }));
      const name = file.name.replace(/(\.script)?\.json$/i, '') || file.name;
      const transcript = simulateCall(doc, parsed.script).lines;
      const { revision } = await repository.open(flowId);
      const saved = await repository.saveTestCase(flowId, {
        name,
        script: parsed.script,
        transcript,
        flowRevision: revision,
      });
      return t('simulatorTests.imported', { name: saved.name });
    });

  const run = (testCases: TestCase[]) => {
    setMessage(null);
    const runs = new Map(results?.doc === doc ? results.runs : []);
    for (const testCase of testCases) runs.set(testCase.id, runTestCase(doc, testCase));
    setResults({ doc, runs });
  };
  const current = results?.doc === doc ? results.runs : null;
  const passedCount = readable.filter((c) => current?.get(c.id)?.passed).length;
  const ranAll = current !== null && readable.every((c) => current.has(c.id));

  const dateFormat = useDateTimeFormat();

  return (
    <section className="test-cases" aria-label={t('simulatorTests.title')}>
      <h3 className="test-cases__title">{t('simulatorTests.title')}</h3>
      <SaveForm canSave={finished !== null} onSave={(name) => finished && save(name, finished)} />
      <ScriptImport onFile={(file) => void importScript(file)} />
      {message && (
        <p
          role={message.role}
          className={`test-cases__message test-cases__message--${message.role}`}
        >
          {message.text}
        </p>
      )}
      <div className="test-cases__run">
        <button type="button" disabled={readable.length === 0} onClick={() => run(readable)}>
          {t('simulatorTests.runAll')}
        </button>
        {ranAll && (
          <p role="status">
            {t('simulatorTests.summary', { passed: passedCount, total: readable.length })}
          </p>
        )}
      </div>
      {cases === null ? (
        <p>{t('common.loading')}</p>
      ) : cases.length === 0 ? (
        <p>{t('simulatorTests.empty')}</p>
      ) : (
        <ul className="test-cases__list" aria-label={t('simulatorTests.list')}>
          {cases.map((c) =>
            c.ok ? (
              <TestCaseRow
                key={c.testCase.id}
                testCase={c.testCase}
                savedAt={dateFormat.format(c.testCase.createdAt)}
                result={current?.get(c.testCase.id)}
                onRun={() => run([c.testCase])}
                onRename={(name) =>
                  attempt(async () => {
                    await repository.renameTestCase(c.testCase.id, name);
                    return null;
                  })
                }
                onDelete={() =>
                  void attempt(async () => {
                    await repository.deleteTestCase(c.testCase.id);
                    return null;
                  })
                }
              />
            ) : (
              <li key={c.id} className="test-cases__item">
                <span className="test-cases__name">{c.name}</span>
                <p role="alert">{t('simulatorTests.unreadable', { why: c.why })}</p>
                <button
                  type="button"
                  aria-label={t('simulatorTests.deleteOne', { name: c.name })}
                  onClick={() =>
                    void attempt(async () => {
                      await repository.deleteTestCase(c.id);
                      return null;
                    })
                  }
                >
                  {t('simulatorTests.delete')}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <section className="test-cases__coverage" aria-label={t('simulatorTests.coverage')}>
        <h4>{t('simulatorTests.coverage')}</h4>
        <p>
          {t('simulatorTests.coverageNodes', {
            covered: coverage.nodes.size,
            total: coverage.totals.nodes,
            percent: coverage.percent.nodes,
          })}
        </p>
        <p>
          {t('simulatorTests.coveragePorts', {
            covered: coverage.ports.size,
            total: coverage.totals.ports,
            percent: coverage.percent.ports,
          })}
        </p>
        <label>
          <input
            type="checkbox"
            checked={showOnCanvas}
            onChange={(e) => setShowOnCanvas(e.target.checked)}
          />{' '}
          {t('simulatorTests.showCoverage')}
        </label>
      </section>
    </section>
  );
}

function SaveForm({
  canSave,
  onSave,
}: {
  canSave: boolean;
  onSave: (name: string) => Promise<boolean> | null;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const saving = onSave(name);
    if (saving) void saving.then((worked) => worked && setName(''));
  };
  return (
    <form className="test-cases__save" onSubmit={submit}>
      <label>
        {t('simulatorTests.name')}
        <input
          value={name}
          maxLength={MAX_TEST_CASE_NAME_LENGTH}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!canSave || name.trim() === ''}>
        {t('simulatorTests.save')}
      </button>
      {!canSave && <p className="test-cases__hint">{t('simulatorTests.saveHint')}</p>}
    </form>
  );
}

/** A file picker for script files (the call-protocol format). */
function ScriptImport({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <JsonFileButton
        label={t('simulatorTests.importScript')}
        pickerLabel={t('simulatorTests.scriptFile')}
        onFile={onFile}
      />
    </div>
  );
}

function TestCaseRow({
  testCase,
  savedAt,
  result,
  onRun,
  onRename,
  onDelete,
}: {
  testCase: TestCase;
  savedAt: string;
  result: TestRun | undefined;
  onRun: () => void;
  onRename: (name: string) => Promise<boolean>;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const { name } = testCase;

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('name');
    if (typeof value !== 'string' || value.trim() === '') return;
    void onRename(value).then((worked) => worked && setRenaming(false));
  };

  const exportScript = () => {
    const file = scriptFileOf(testCase);
    downloadBlob(new Blob([file.text], { type: 'application/json' }), file.fileName);
  };

  return (
    <li className="test-cases__item">
      {renaming ? (
        <form className="test-cases__rename" onSubmit={rename}>
          <label>
            {t('simulatorTests.newName', { name })}
            <input name="name" defaultValue={name} maxLength={MAX_TEST_CASE_NAME_LENGTH} />
          </label>
          <button type="submit">{t('simulatorTests.saveName')}</button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('simulatorTests.cancel')}
          </button>
        </form>
      ) : (
        <p className="test-cases__heading">
          <span className="test-cases__name">{name}</span>{' '}
          <span className="test-cases__meta">
            {t('simulatorTests.savedAt', { date: savedAt, revision: testCase.flowRevision })}
          </span>
        </p>
      )}
      {result && (
        <p
          aria-label={t('simulatorTests.resultOf', { name })}
          className={`test-cases__result test-cases__result--${result.passed ? 'passed' : 'failed'}`}
        >
          {result.passed ? t('simulatorTests.passed') : t('simulatorTests.failed')}
        </p>
      )}
      <div className="test-cases__actions">
        <button type="button" aria-label={t('simulatorTests.runOne', { name })} onClick={onRun}>
          {t('simulatorTests.run')}
        </button>
        <button
          type="button"
          aria-label={t('simulatorTests.renameOne', { name })}
          onClick={() => setRenaming(true)}
        >
          {t('simulatorTests.rename')}
        </button>
        <button
          type="button"
          aria-label={t('simulatorTests.exportOne', { name })}
          onClick={exportScript}
        >
          {t('simulatorTests.export')}
        </button>
        <button
          type="button"
          aria-label={t('simulatorTests.deleteOne', { name })}
          onClick={onDelete}
        >
          {t('simulatorTests.delete')}
        </button>
      </div>
      {result && !result.passed && (
        <>
          {result.error !== undefined && (
            <p role="alert">{t('simulatorTests.cannotRun', { why: result.error })}</p>
          )}
          {result.diff.length > 0 && <DiffView name={name} diff={result.diff} />}
        </>
      )}
    </li>
  );
}

const MARK = { same: ' ', removed: '−', added: '+' } as const;

/** The expected and actual transcripts, line by line: `−` expected only, `+` actual only. */
function DiffView({ name, diff }: { name: string; diff: DiffLine[] }) {
  const { t } = useTranslation();
  return (
    <figure className="test-cases__diff" aria-label={t('simulatorTests.diff', { name })}>
      <pre>
        {diff.map((line, i) => {
          const text = `${MARK[line.op]} ${line.text}`;
          return line.op === 'removed' ? (
            <del key={i}>{text}</del>
          ) : line.op === 'added' ? (
            <ins key={i}>{text}</ins>
          ) : (
            <span key={i}>{text}</span>
          );
        })}
      </pre>
    </figure>
  );
}

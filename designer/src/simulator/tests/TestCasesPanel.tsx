import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { simulateCall, type Script, type TraceLine } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import type { CoverageShown } from '../../editor/store.ts';
import { useRepository } from '../../app/RepositoryContext.tsx';
import { downloadBlob } from '../../checking/download.ts';
import { MAX_TEST_CASE_NAME_LENGTH, type TestCaseRecording } from '../../persistence/index.ts';
import { errorMessage } from '../../ui/errorMessage.ts';
import { readFileText } from '../../ui/readFile.ts';
import { computeCoverage } from './coverage.ts';
import { parseScriptFile, scriptFileOf } from './scriptFile.ts';
import {
  readTestCase,
  runTestCase,
  type ReadTestCase,
  type TestCase,
  type TestRun,
} from './testCase.ts';
import { alignTranscripts, type AlignedRow } from './transcript.ts';
import { describeLine } from '../describeLine.ts';
import { formatCallTime } from '../moments.ts';
import './testCases.css';
import { JsonFileButton } from '../../ui/JsonFileButton.tsx';
import { useDateTimeFormat } from '../../i18n/useDateTimeFormat.ts';

type Message = { role: 'status' | 'alert'; text: string } | null;

/** The last "Accept the new behaviour", to undo: the test case and what it expected before. */
type Accepted = { testCase: TestCase; before: TestCaseRecording };

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
  showCoverage,
  writable = true,
}: {
  flowId: string;
  doc: FlowDocument;
  recorded: { script: Script; transcript: TraceLine[] } | null;
  /** False for a viewer: test cases are run and exported, never saved or changed (the server refuses). */
  writable?: boolean;
  /** Shows the coverage on the canvas, or hides it (`null`): the editor's `showCoverage`. */
  showCoverage: (coverage: CoverageShown | null) => void;
}) {
  const { t } = useTranslation();
  const repository = useRepository();
  const [cases, setCases] = useState<ReadTestCase[] | null>(null);
  const [reloads, setReloads] = useState(0);
  const [message, setMessage] = useState<Message>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [showOnCanvas, setShowOnCanvas] = useState(false);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
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
    showCoverage({ nodes: coverage.nodes, ports: coverage.ports });
    return () => showCoverage(null);
  }, [showOnCanvas, showCoverage, coverage]);

  /** Runs a storage action, says how it went and reloads the list; true when it worked. */
  const attempt = async (action: () => Promise<string | null>): Promise<boolean> => {
    setMessage(null);
    setAccepted(null);
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
      const saved = await repository.saveTestCase(
        flowId,
        { name, script: parsed.script, transcript, flowRevision: revision },
        { uniqueName: true },
      );
      return t('simulatorTests.imported', { name: saved.name });
    });

  const run = (testCases: TestCase[]) => {
    setMessage(null);
    setAccepted(null);
    const runs = new Map(results?.doc === doc ? results.runs : []);
    for (const testCase of testCases) runs.set(testCase.id, runTestCase(doc, testCase));
    setResults({ doc, runs });
  };

  /** Shows the run of a test case expecting `transcript`, as if it had just been run. */
  const showRun = (testCase: TestCase, transcript: TestCase['transcript']) =>
    setResults((previous) => {
      const runs = new Map(previous?.doc === doc ? previous.runs : []);
      runs.set(testCase.id, runTestCase(doc, { ...testCase, transcript }));
      return { doc, runs };
    });

  /**
   * "Accept the new behaviour": the test case now expects what the run did
   * (one write), and the message offers to undo it, which writes back what it
   * expected before. Test cases are not part of the flow, so this undo is the
   * panel's own, not the editor's.
   */
  const accept = (testCase: TestCase, actual: TestRun['actual']) =>
    void attempt(async () => {
      const { revision } = await repository.open(flowId);
      const before = await repository.rerecordTestCase(testCase.id, {
        transcript: actual,
        flowRevision: revision,
      });
      if (!before) throw new Error(t('testCaseReview.gone'));
      showRun(testCase, actual);
      setAccepted({ testCase, before });
      return t('testCaseReview.accepted', { name: testCase.name });
    });

  const undoAccept = ({ testCase, before }: Accepted) =>
    void attempt(async () => {
      const now = await repository.rerecordTestCase(testCase.id, before);
      if (!now) throw new Error(t('testCaseReview.gone'));
      const read = readTestCase({ ...testCase, ...before });
      if (read.ok) showRun(testCase, read.testCase.transcript);
      return t('testCaseReview.undone', { name: testCase.name });
    });
  const current = results?.doc === doc ? results.runs : null;
  const passedCount = readable.filter((c) => current?.get(c.id)?.passed).length;
  const ranAll = current !== null && readable.every((c) => current.has(c.id));

  const dateFormat = useDateTimeFormat();

  return (
    <section className="test-cases" aria-label={t('simulatorTests.title')}>
      <h3 className="test-cases__title">{t('simulatorTests.title')}</h3>
      {writable && (
        <>
          <SaveForm
            canSave={finished !== null}
            onSave={(name) => finished && save(name, finished)}
          />
          <ScriptImport onFile={(file) => void importScript(file)} />
        </>
      )}
      {message && (
        <p
          role={message.role}
          className={`test-cases__message test-cases__message--${message.role}`}
        >
          {message.text}
          {accepted && ' '}
          {accepted && (
            <button
              type="button"
              aria-label={t('testCaseReview.undoOne', { name: accepted.testCase.name })}
              onClick={() => undoAccept(accepted)}
            >
              {t('testCaseReview.undo')}
            </button>
          )}
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
                writable={writable}
                key={c.testCase.id}
                testCase={c.testCase}
                savedAt={dateFormat.format(c.testCase.createdAt)}
                result={current?.get(c.testCase.id)}
                onRun={() => run([c.testCase])}
                onAccept={(actual) => accept(c.testCase, actual)}
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
                {writable && (
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
                )}
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
  onAccept,
  onRename,
  onDelete,
  writable,
}: {
  /** False for a viewer: the test case is run and exported, never changed. */
  writable: boolean;
  testCase: TestCase;
  savedAt: string;
  result: TestRun | undefined;
  onRun: () => void;
  onAccept: (actual: TestRun['actual']) => void;
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
        {writable && (
          <button
            type="button"
            aria-label={t('simulatorTests.renameOne', { name })}
            onClick={() => setRenaming(true)}
          >
            {t('simulatorTests.rename')}
          </button>
        )}
        <button
          type="button"
          aria-label={t('simulatorTests.exportOne', { name })}
          onClick={exportScript}
        >
          {t('simulatorTests.export')}
        </button>
        {writable && (
          <button
            type="button"
            aria-label={t('simulatorTests.deleteOne', { name })}
            onClick={onDelete}
          >
            {t('simulatorTests.delete')}
          </button>
        )}
      </div>
      {result && !result.passed && (
        <>
          {result.error !== undefined && (
            <p role="alert">{t('simulatorTests.cannotRun', { why: result.error })}</p>
          )}
          {result.diff.length > 0 && (
            <>
              <SideBySide name={name} rows={alignTranscripts(testCase.transcript, result.actual)} />
              {writable && (
                <button
                  type="button"
                  aria-label={t('testCaseReview.acceptOne', { name })}
                  onClick={() => onAccept(result.actual)}
                >
                  {t('testCaseReview.accept')}
                </button>
              )}
            </>
          )}
        </>
      )}
    </li>
  );
}

const MARK = { same: '=', changed: '≠', removed: '−', added: '+' } as const;

/**
 * What the test case expected and what this run did, side by side, in words
 * and with times: each row is marked (=, ≠, −, +) with what the mark means
 * for screen readers, so a difference never rests on colour alone.
 */
function SideBySide({ name, rows }: { name: string; rows: AlignedRow[] }) {
  const { t } = useTranslation();
  const cell = (line: TraceLine) => `${formatCallTime(line.t)} ${describeLine(t, line)}`;
  return (
    <table className="test-cases__compare" aria-label={t('testCaseReview.comparison', { name })}>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('testCaseReview.expected')}</th>
          <th scope="col">{t('testCaseReview.actual')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i} className={`test-cases__row test-cases__row--${row.op}`}>
            <th scope="row" title={t(`testCaseReview.marks.${row.op}`)}>
              <span aria-hidden="true">{MARK[row.op]}</span>
              <span className="visually-hidden">{t(`testCaseReview.marks.${row.op}`)}</span>
            </th>
            <td>{'expected' in row ? cell(row.expected) : <i>{t('testCaseReview.nothing')}</i>}</td>
            <td>{'actual' in row ? cell(row.actual) : <i>{t('testCaseReview.nothing')}</i>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { playedInOrder, type TraceLine } from '@callbot/runtime';
import type { CallDetail, FlowDocument } from '@callbot/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, Download, FlaskConical, Play } from 'lucide-react';
import { FiguresCanvas } from '../../analytics/FiguresCanvas.tsx';
import { pathMarks } from '../../analytics/figures.ts';
import { useRepository } from '../../app/RepositoryContext.tsx';
import { callsHref } from '../../app/route.ts';
import { formattingLocale } from '../../i18n/index.ts';
import { useDateTimeFormat } from '../../i18n/useDateTimeFormat.ts';
import { WithNodeUIs } from '../../nodes/WithNodeUIs.tsx';
import { Transcript } from '../../simulator/CallLog.tsx';
import { describeLine } from '../../simulator/describeLine.ts';
import {
  callNotStarted,
  foldMoment,
  formatCallTime,
  type FoldedMoment,
} from '../../simulator/moments.ts';
import type { LogEntry } from '../../simulator/store.ts';
import { Timeline } from '../../simulator/Timeline.tsx';
import { buttonClass, Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errorMessage.ts';
import { useStatusWords } from './CallList.tsx';
import { scriptOfCall, traceOf } from './callScript.ts';
import { useCallsClient } from './callsContext.ts';
import { nodeNameIn } from './nodeNames.ts';
import { formatCost, formatDuration } from './format.ts';
import { replayCall, type Replay } from './replay.ts';
import { useCallbotNames } from './useCallbots.ts';
import type { AlignedRow } from '../../simulator/tests/transcript.ts';
import '../../simulator/simulator.css';
import { formatPhone } from '../../forms/phone.ts';

/** The lines of a call with the call's state after each, as the simulator's transcript takes them. */
export function logOf(lines: readonly TraceLine[], wordsPerMinute: number): LogEntry[] {
  let state: FoldedMoment = { ...callNotStarted, speakingUntil: 0 };
  return lines.map((line) => {
    state = foldMoment(state, line, wordsPerMinute, []);
    const { speakingUntil: _until, ...moment } = state;
    return { line, state: moment };
  });
}

type Loaded = { detail: CallDetail; lines: TraceLine[]; doc: FlowDocument | null };

/**
 * One recorded call: its path on the canvas of the version that ran, its
 * transcript (for roles that read them) and the simulator's timeline drawn
 * from the server's records; replayed on the current flow, it shows where
 * the flow now behaves differently, and can be kept as a test case.
 */
export function CallView({ sid, backQuery }: { sid: string; backQuery: string }) {
  const { t } = useTranslation();
  const client = useCallsClient();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const detail = await client.call(sid);
        const doc = detail.flow
          ? await client.versionDoc(detail.flow.callbot, detail.flow.version)
          : null;
        if (live) setLoaded({ detail, lines: traceOf(detail), doc });
      } catch (error) {
        if (live) setProblem(t('calls.failed', { message: errorMessage(error, String(error)) }));
      }
    })();
    return () => {
      live = false;
    };
  }, [client, sid, t]);

  return (
    <section aria-labelledby="call-title" className="call-view">
      <a className="call-view__back" href={callsHref('list', backQuery)}>
        <ArrowLeft aria-hidden="true" size={16} />
        {t('calls.call.back')}
      </a>
      {problem !== null && (
        <p role="alert" className="workspace-page__problem">
          {problem}
        </p>
      )}
      {loaded === null && problem === null && <p role="status">{t('calls.loading')}</p>}
      {loaded !== null && <OneCall {...loaded} />}
    </section>
  );
}

function OneCall({ detail, lines, doc }: Loaded) {
  const { t, i18n } = useTranslation();
  const locale = formattingLocale(i18n.language);
  const client = useCallsClient();
  const dateFormat = useDateTimeFormat();
  const statusWords = useStatusWords();
  const callbots = useCallbotNames();
  const { call } = detail;
  const ended = call.endedNode;
  // Each label with its value: one item of the grid, so a pair never splits across columns.
  const facts: [string, string][] = [
    [t('calls.columns.start'), dateFormat.format(Date.parse(call.startedAt))],
    [t('calls.columns.duration'), call.durationMs === null ? '—' : formatDuration(call.durationMs)],
    [t('calls.columns.outcome'), statusWords(call.status)],
    [
      t('calls.columns.endedAt'),
      ended ? (nodeNameIn(doc, ended.id, t) ?? (ended.label || ended.id)) : '—',
    ],
    [t('calls.columns.cost'), call.cost === null ? '—' : formatCost(call.cost, locale)],
    [t('calls.filters.channel'), t(`calls.channels.${call.channel}`)],
  ];
  // The flow's name, as the workspace calls it now (else as the version that ran did).
  const flowName = detail.flow
    ? (callbots.get(detail.flow.callbot) ?? doc?.settings.name ?? detail.flow.callbot)
    : null;
  // The nodes on the timeline by their names in the version that ran.
  const timeline = useMemo(
    () => ({
      ...detail.timeline,
      nodes: detail.timeline.nodes.map((n) => ({
        ...n,
        label: nodeNameIn(doc, n.id, t) ?? n.label,
      })),
    }),
    [detail.timeline, doc, t],
  );
  const overlay = useMemo(() => ({ marks: pathMarks(lines) }), [lines]);
  // Timed as the caller heard it (the provider plays a request's prompts one after another), as the timeline is.
  const log = useMemo(
    () => logOf(playedInOrder(lines, detail.wordsPerMinute), detail.wordsPerMinute),
    [lines, detail.wordsPerMinute],
  );

  return (
    <>
      <h1 id="call-title">{t('calls.call.title', { caller: formatPhone(call.caller) })}</h1>
      <dl className="call-view__facts">
        {facts.map(([term, value]) => (
          <div key={term} className="call-view__fact">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="call-view__actions">
        <a className={buttonClass('secondary')} href={client.eventsCsvUrl(call.sid)} download>
          <Download aria-hidden="true" size={16} />
          {t('calls.call.exportEvents')}
        </a>
      </div>
      <h2>{t('calls.call.path')}</h2>
      {detail.flow && (
        <p className="workspace-page__lead">
          {t('calls.call.ranOn', { callbot: flowName, version: detail.flow.version })}
        </p>
      )}
      {doc ? (
        <WithNodeUIs>
          <FiguresCanvas doc={doc} overlay={overlay} />
        </WithNodeUIs>
      ) : (
        <p role="status">{t('calls.call.noVersion')}</p>
      )}
      <div className="call-view__record">
        <section aria-labelledby="call-timeline">
          <h2 id="call-timeline">{t('calls.call.timeline')}</h2>
          <Timeline data={timeline} />
        </section>
        {detail.transcript ? (
          <Transcript log={log} />
        ) : (
          <p role="status" className="call-view__hidden">
            {t('calls.call.hidden')}
          </p>
        )}
      </div>
      {detail.transcript &&
        detail.flow &&
        (call.status === 'in_progress' ? (
          // Replayed before its end, the call would differ from the flow by what has not happened yet.
          <p role="status">{t('calls.call.replayWhenEnded')}</p>
        ) : (
          <ReplayPanel detail={detail} lines={lines} flowId={detail.flow.callbot} />
        ))}
    </>
  );
}

/**
 * "Replay in the simulator": the call's inputs, as a script, on the flow as
 * it is now; "Save as test case": that script and what the current flow
 * answers, kept with the flow, so a later change that answers this call
 * differently shows in its test cases.
 */
function ReplayPanel({
  detail,
  lines,
  flowId,
}: {
  detail: CallDetail;
  lines: TraceLine[];
  flowId: string;
}) {
  const { t } = useTranslation();
  const repository = useRepository();
  const dateFormat = useDateTimeFormat();
  const script = useMemo(() => scriptOfCall(detail, lines), [detail, lines]);
  const [state, setState] = useState<
    | { step: 'idle' }
    | { step: 'running' }
    | { step: 'done'; replay: Replay; revision: number; flowName: string }
    | { step: 'failed'; message: string }
  >({ step: 'idle' });
  const [saved, setSaved] = useState<string | null>(null);

  const replay = async () => {
    setState({ step: 'running' });
    setSaved(null);
    try {
      const opened = await repository.open(flowId);
      setState({
        step: 'done',
        replay: replayCall(opened.doc, script, lines),
        revision: opened.revision,
        flowName: opened.doc.settings.name,
      });
    } catch (error) {
      setState({ step: 'failed', message: errorMessage(error, t('calls.call.noFlow')) });
    }
  };
  const save = async () => {
    if (state.step !== 'done' || !state.replay.ok) return;
    try {
      const record = await repository.saveTestCase(
        flowId,
        {
          name: t('calls.call.testName', {
            time: dateFormat.format(Date.parse(detail.call.startedAt)),
          }),
          script,
          transcript: state.replay.actual,
          flowRevision: state.revision,
        },
        { uniqueName: true },
      );
      setSaved(t('calls.call.saved', { name: record.name, flow: state.flowName }));
    } catch (error) {
      setSaved(t('calls.call.saveFailed', { message: errorMessage(error, String(error)) }));
    }
  };

  return (
    <section aria-labelledby="call-replay" className="call-view__replay">
      <h2 id="call-replay" className="visually-hidden">
        {t('calls.call.replay')}
      </h2>
      <div className="call-view__actions">
        <Button type="button" onClick={() => void replay()} disabled={state.step === 'running'}>
          <Play aria-hidden="true" size={16} />
          {t('calls.call.replay')}
        </Button>
        {state.step === 'done' && state.replay.ok && (
          <Button type="button" onClick={() => void save()}>
            <FlaskConical aria-hidden="true" size={16} />
            {t('calls.call.saveTest')}
          </Button>
        )}
      </div>
      {state.step === 'running' && <p role="status">{t('calls.call.replaying')}</p>}
      {state.step === 'failed' && <p role="alert">{state.message}</p>}
      {state.step === 'done' && !state.replay.ok && (
        <p role="alert">{t('calls.call.replayFailed', { message: state.replay.error })}</p>
      )}
      {state.step === 'done' && state.replay.ok && (
        <ReplayResult rows={state.replay.rows} same={state.replay.same} />
      )}
      {saved !== null && <p role="status">{saved}</p>}
    </section>
  );
}

function ReplayResult({ rows, same }: { rows: AlignedRow[]; same: boolean }) {
  const { t } = useTranslation();
  const differing = rows.filter((r) => r.op !== 'same');
  if (same) return <p role="status">{t('calls.call.replaySame')}</p>;
  const cell = (line: TraceLine | undefined) =>
    line ? `${formatCallTime(line.t)} ${describeLine(t, line)}` : '—';
  return (
    <>
      <p role="status">{t('calls.call.replayDiffers', { count: differing.length })}</p>
      <table className="workspace-table call-view__diff">
        <thead>
          <tr>
            <th scope="col">{t('calls.call.expected')}</th>
            <th scope="col">{t('calls.call.actual')}</th>
          </tr>
        </thead>
        <tbody>
          {differing.map((row, i) => (
            <tr key={i} className={`call-view__diff--${row.op}`}>
              <td>{cell('expected' in row ? row.expected : undefined)}</td>
              <td>{cell('actual' in row ? row.actual : undefined)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

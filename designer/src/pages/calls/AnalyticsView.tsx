import type { CallAnalytics, FlowDocument } from '@callbot/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FiguresCanvas } from '../../analytics/FiguresCanvas.tsx';
import { NodeBadges, type NodeBadgeText } from '../../analytics/NodeBadges.tsx';
import { OutcomeChart } from '../../analytics/OutcomeChart.tsx';
import {
  edgeFigures,
  figuresOfAnalytics,
  rate,
  type FlowFigures,
} from '../../analytics/figures.ts';
import {
  outcomesByDay,
  outcomesByHour,
  type OutcomeSeries,
} from '../../analytics/outcomeSeries.ts';
import { useRepository } from '../../app/RepositoryContext.tsx';
import { callsHref } from '../../app/route.ts';
import { formattingLocale, type Translate } from '../../i18n/index.ts';
import { WithNodeUIs } from '../../nodes/WithNodeUIs.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { Select, TextField } from '../../ui/Field.tsx';
import { DataTable, numericCell } from '../../ui/Table.tsx';
import { errorMessage } from '../../ui/errorMessage.ts';
import { useStatusWords } from './CallList.tsx';
import { useCallsClient } from './callsContext.ts';
import { formatRate } from './format.ts';
import { nodeNameIn } from './nodeNames.ts';
import { useCallbotNames } from './useCallbots.ts';

/** The analytics view's choices, as its URL keeps them. */
export interface AnalyticsChoice {
  callbot?: string;
  version?: number;
  /** A second version, drawn beside the first. */
  compare?: number;
  from: string;
  to: string;
}

const day = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isNaN(Date.parse(value));
const positive = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The choices in a URL query; the period is the last 30 days (to `today`) unless given. */
export function readAnalyticsChoice(query: string, today = new Date()): AnalyticsChoice {
  const q = new URLSearchParams(query);
  const monthAgo = new Date(today);
  monthAgo.setDate(monthAgo.getDate() - 29);
  const choice: AnalyticsChoice = {
    from: isDay(q.get('from')) ? q.get('from')! : day(monthAgo),
    to: isDay(q.get('to')) ? q.get('to')! : day(today),
  };
  const callbot = q.get('callbot');
  if (callbot) choice.callbot = callbot;
  const version = positive(q.get('version'));
  if (version !== undefined) choice.version = version;
  const compare = positive(q.get('compare'));
  if (compare !== undefined) choice.compare = compare;
  return choice;
}

function writeAnalyticsChoice(choice: AnalyticsChoice): string {
  const q = new URLSearchParams();
  if (choice.callbot) q.set('callbot', choice.callbot);
  if (choice.version !== undefined) q.set('version', String(choice.version));
  if (choice.compare !== undefined) q.set('compare', String(choice.compare));
  q.set('from', choice.from);
  q.set('to', choice.to);
  return q.toString();
}

/**
 * The flow's figures over a period, for one version or all: on its canvas
 * (edges as thick as the calls that took them, badges with the calls that
 * came to each node, where callers hung up, menus' no-input and no-match
 * rates), the menus and the drop-off in tables, and the outcomes by hour of
 * day and by day as charts. A second version is drawn beside the first.
 */
export function AnalyticsView({ query }: { query: string }) {
  const { t } = useTranslation();
  const callbots = useCallbotNames();
  const choice = useMemo(() => readAnalyticsChoice(query), [query]);
  const callbot = choice.callbot ?? [...callbots.keys()][0];
  const set = (change: Partial<AnalyticsChoice>) => {
    const next = { ...choice, ...change };
    for (const key of Object.keys(change) as (keyof AnalyticsChoice)[])
      if (change[key] === undefined) delete next[key];
    window.location.hash = callsHref('analytics', writeAnalyticsChoice(next));
  };
  const versionField = (key: 'version' | 'compare', label: string) => (
    <TextField
      label={label}
      type="number"
      min={1}
      className="calls-filters__narrow"
      defaultValue={choice[key] ?? ''}
      key={`${key}${choice[key] ?? ''}`}
      onBlur={(e) => {
        const n = positive(e.target.value);
        if (n !== choice[key]) set({ [key]: n });
      }}
    />
  );

  return (
    <section aria-labelledby="analytics-title">
      <h1 id="analytics-title">{t('calls.analytics.title')}</h1>
      <form className="calls-filters" onSubmit={(e) => e.preventDefault()}>
        <Select
          label={t('calls.analytics.callbot')}
          value={callbot ?? ''}
          onChange={(e) => set({ callbot: e.target.value || undefined })}
        >
          {callbot === undefined && <option value="">—</option>}
          {[...callbots].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
          {callbot !== undefined && !callbots.has(callbot) && (
            <option value={callbot}>{callbot}</option>
          )}
        </Select>
        {versionField('version', t('calls.analytics.version'))}
        {versionField('compare', t('calls.analytics.compare'))}
        <DateField
          label={t('calls.filters.from')}
          value={choice.from}
          onChange={(from) => isDay(from) && set({ from })}
        />
        <DateField
          label={t('calls.filters.to')}
          value={choice.to}
          onChange={(to) => isDay(to) && set({ to })}
        />
      </form>
      {callbot === undefined ? (
        <p role="status">{t('calls.analytics.pick')}</p>
      ) : (
        <div
          className={
            choice.compare !== undefined
              ? 'analytics-sides analytics-sides--two'
              : 'analytics-sides'
          }
        >
          <AnalyticsSide
            callbot={callbot}
            name={callbots.get(callbot) ?? callbot}
            version={choice.version}
            from={choice.from}
            to={choice.to}
          />
          {choice.compare !== undefined && (
            <AnalyticsSide
              callbot={callbot}
              name={callbots.get(callbot) ?? callbot}
              version={choice.compare}
              from={choice.from}
              to={choice.to}
            />
          )}
        </div>
      )}
    </section>
  );
}

type SideData = { analytics: CallAnalytics; doc: FlowDocument | null };

/** One version's figures (all versions' when `version` is undefined). */
function AnalyticsSide({
  callbot,
  name,
  version,
  from,
  to,
}: {
  callbot: string;
  name: string;
  version: number | undefined;
  from: string;
  to: string;
}) {
  const { t } = useTranslation();
  const client = useCallsClient();
  const repository = useRepository();
  const [data, setData] = useState<SideData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const analytics = await client.analytics({
          callbot,
          from,
          to,
          ...(version !== undefined && { version }),
        });
        // The version's own document; for every version, the flow as it is now.
        const doc =
          version !== undefined
            ? await client.versionDoc(callbot, version)
            : await repository.open(callbot).then(
                (opened) => opened.doc,
                () => null,
              );
        if (live) {
          setProblem(null);
          setData({ analytics, doc });
        }
      } catch (error) {
        if (live) setProblem(t('calls.failed', { message: errorMessage(error, String(error)) }));
      }
    })();
    return () => {
      live = false;
    };
  }, [client, repository, callbot, version, from, to, t]);

  const title =
    version === undefined ? name : t('calls.analytics.side', { callbot: name, version });
  return (
    <section className="analytics-side" aria-label={title}>
      <h2>
        {title}
        {data && (
          <span className="analytics-side__total">
            {' '}
            · {t('calls.analytics.calls', { count: data.analytics.totals.calls })}
          </span>
        )}
      </h2>
      {problem !== null && (
        <p role="alert" className="workspace-page__problem">
          {problem}
        </p>
      )}
      {data === null && problem === null && <p role="status">{t('calls.loading')}</p>}
      {data !== null && <SideFigures data={data} />}
    </section>
  );
}

function SideFigures({ data }: { data: SideData }) {
  const { t, i18n } = useTranslation();
  const locale = formattingLocale(i18n.language);
  const statusWords = useStatusWords();
  const figures = useMemo(() => figuresOfAnalytics(data.analytics), [data.analytics]);
  const nodes = data.doc?.nodes ?? [];
  const labelOf = (id: string) => nodeNameIn(data.doc, id, t) ?? id;
  const menus = nodes.filter((n) => n.kind === 'menu');
  const dropOff = [...figures.nodes]
    .filter(([, f]) => f.hungUp > 0)
    .sort(([, a], [, b]) => b.hungUp - a.hungUp);
  const overlay = useMemo(
    () => ({
      edges: edgeFigures(figures, (count) => t('calls.analytics.passed', { count })),
      layer: (
        <NodeBadges
          badges={badgesOf(
            figures,
            menus.map((m) => m.id),
            t,
            locale,
          )}
        />
      ),
    }),
    // The menus are read from the same document as the figures.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [figures, data.doc, t, locale],
  );
  const chart = (title: string, bars: OutcomeSeries) => (
    <OutcomeChart
      title={title}
      bars={bars}
      outcomeName={statusWords}
      summary={t('calls.analytics.chartSummary', {
        total: data.analytics.totals.calls,
        parts: [...bars.totals].map(([o, n]) => `${statusWords(o)} ${n}`).join(', '),
      })}
    />
  );

  if (data.analytics.totals.calls === 0) return <p role="status">{t('calls.analytics.empty')}</p>;
  return (
    <>
      {data.doc ? (
        <WithNodeUIs>
          <FiguresCanvas
            key={JSON.stringify(data.analytics.version)}
            doc={data.doc}
            overlay={overlay}
          />
        </WithNodeUIs>
      ) : (
        <p role="status">{t('calls.call.noVersion')}</p>
      )}
      <div className="analytics-tables">
        {menus.length > 0 && (
          <DataTable
            caption={t('calls.analytics.menus')}
            showCaption
            columns={[
              t('calls.analytics.menu'),
              { header: t('calls.analytics.entered'), numeric: true },
              { header: t('calls.analytics.noInputRate'), numeric: true },
              { header: t('calls.analytics.noMatchRate'), numeric: true },
            ]}
          >
            {menus.map((menu) => {
              const f = figures.nodes.get(menu.id);
              return (
                <tr key={menu.id}>
                  <th scope="row">{labelOf(menu.id)}</th>
                  <td className={numericCell}>{f?.calls ?? 0}</td>
                  <td className={numericCell}>
                    {formatRate(rate(f?.noInput ?? 0, f?.visits ?? 0), locale)}
                  </td>
                  <td className={numericCell}>
                    {formatRate(rate(f?.noMatch ?? 0, f?.visits ?? 0), locale)}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
        {dropOff.length > 0 && (
          <DataTable
            caption={t('calls.analytics.dropOff')}
            showCaption
            columns={[
              t('calls.analytics.nodeColumn'),
              { header: t('calls.analytics.hungUpColumn'), numeric: true },
            ]}
          >
            {dropOff.map(([id, f]) => (
              <tr key={id}>
                <th scope="row">{labelOf(id)}</th>
                <td className={numericCell}>{f.hungUp}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
      <div className="analytics-charts">
        {chart(t('calls.analytics.byHour'), outcomesByHour(data.analytics))}
        {chart(t('calls.analytics.byDay'), outcomesByDay(data.analytics))}
      </div>
    </>
  );
}

/** Each node's badges: the calls that came, where callers hung up, a menu's rates. */
function badgesOf(
  figures: FlowFigures,
  menus: readonly string[],
  t: Translate,
  locale: string,
): Map<string, NodeBadgeText[]> {
  const out = new Map<string, NodeBadgeText[]>();
  for (const [id, f] of figures.nodes) {
    const passed = t('calls.analytics.passed', { count: f.calls });
    const badges: NodeBadgeText[] = [{ text: String(f.calls), title: passed }];
    if (menus.includes(id)) {
      const noInput = t('calls.analytics.noInput', {
        rate: formatRate(rate(f.noInput, f.visits), locale),
      });
      const noMatch = t('calls.analytics.noMatch', {
        rate: formatRate(rate(f.noMatch, f.visits), locale),
      });
      badges.push({ text: noInput, title: noInput }, { text: noMatch, title: noMatch });
    }
    if (f.hungUp > 0) {
      const hungUp = t('calls.analytics.hungUp', { count: f.hungUp });
      badges.push({ text: hungUp, title: hungUp, alert: true });
    }
    out.set(id, badges);
  }
  return out;
}

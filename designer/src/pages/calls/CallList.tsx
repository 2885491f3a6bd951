import { callEndStatuses, type CallList as CallPage, type CallSortKey } from '@callbot/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download, PhoneOff } from 'lucide-react';
import { callsHref } from '../../app/route.ts';
import { formattingLocale } from '../../i18n/index.ts';
import { useDateTimeFormat } from '../../i18n/useDateTimeFormat.ts';
import { buttonClass, Button } from '../../ui/Button.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { Select, TextField } from '../../ui/Field.tsx';
import { DataTable, EmptyTable, numericCell } from '../../ui/Table.tsx';
import { useCallsClient } from './callsContext.ts';
import { apiQuery, readFilters, writeFilters, type CallFilters } from './filters.ts';
import { formatCost, formatDuration } from './format.ts';
import { useCallbotNames } from './useCallbots.ts';
import { formatPhone } from '../../forms/phone.ts';

/** The statuses the outcome filter offers: the end statuses and "in progress". */
const outcomeChoices = ['in_progress', ...callEndStatuses] as const;

/** Moves to the list with these filters (a new filter starts at the first page). */
const go = (filters: CallFilters) => {
  window.location.hash = callsHref('list', writeFilters(filters));
};

/** A status in words: the outcome's own, the server's closing ones as they are. */
export function useStatusWords(): (status: string) => string {
  const { t } = useTranslation();
  return (status) =>
    status === 'transferred' ||
    status === 'handed_off' ||
    status === 'hung_up' ||
    status === 'caller_hung_up' ||
    status === 'error' ||
    status === 'in_progress'
      ? t(`calls.outcomes.${status}`)
      : status;
}

/**
 * The workspace's calls, newest first by default: filtered by callbot,
 * version, number, channel, direction, outcome and days (all in the URL),
 * sorted by start, duration or cost, a page at a time from the server; the
 * calls listed can be exported as CSV.
 */
export function CallList({ query }: { query: string }) {
  const { t, i18n } = useTranslation();
  const locale = formattingLocale(i18n.language);
  const client = useCallsClient();
  const filters = useMemo(() => readFilters(query), [query]);
  const dateFormat = useDateTimeFormat();
  const statusWords = useStatusWords();
  const callbots = useCallbotNames();
  const [page, setPage] = useState<CallPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** The cursors of the pages before this one (this visit's), for "previous". */
  const before = useRef<(string | undefined)[]>([]);

  useEffect(() => {
    let live = true;
    client.list(apiQuery(filters)).then(
      (answer) => {
        if (!live) return;
        setProblem(null);
        setPage(answer);
      },
      (error: unknown) =>
        live && setProblem(t('calls.failed', { message: (error as Error).message })),
    );
    return () => {
      live = false;
    };
  }, [client, filters, t]);

  const set = (change: Partial<CallFilters>) => {
    before.current = [];
    const next: CallFilters = { ...filters, ...change };
    delete next.cursor;
    for (const key of Object.keys(change) as (keyof CallFilters)[])
      if (change[key] === undefined || change[key] === '') delete next[key];
    go(next);
  };
  const sortBy = (key: CallSortKey) =>
    set({ sort: key, order: filters.sort === key && filters.order === 'desc' ? 'asc' : 'desc' });
  const nextPage = () => {
    if (!page?.nextCursor) return;
    before.current.push(filters.cursor);
    go({ ...filters, cursor: page.nextCursor });
  };
  const previousPage = () => {
    const cursor = before.current.pop();
    const { cursor: _current, ...rest } = filters;
    go(cursor === undefined ? rest : { ...rest, cursor });
  };
  /** How the list is sorted by `key` now, if it is. */
  const orderOf = (key: CallSortKey) =>
    filters.sort === key ? (filters.order === 'asc' ? 'ascending' : 'descending') : null;
  const any = t('calls.filters.any');

  return (
    <section aria-labelledby="calls-title">
      <h1 id="calls-title">{t('calls.title')}</h1>
      <p className="workspace-page__lead">{t('calls.lead')}</p>
      <form
        className="calls-filters"
        aria-label={t('calls.filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Select
          label={t('calls.filters.callbot')}
          value={filters.callbot ?? ''}
          onChange={(e) => set({ callbot: e.target.value || undefined })}
        >
          <option value="">{any}</option>
          {[...callbots].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
          {filters.callbot !== undefined && !callbots.has(filters.callbot) && (
            <option value={filters.callbot}>{filters.callbot}</option>
          )}
        </Select>
        <TextField
          label={t('calls.filters.version')}
          type="number"
          min={1}
          inputMode="numeric"
          className="calls-filters__narrow"
          defaultValue={filters.version ?? ''}
          key={`v${filters.version ?? ''}`}
          onBlur={(e) => {
            const n = Number(e.target.value);
            if (n !== (filters.version ?? 0))
              set({ version: Number.isInteger(n) && n > 0 ? n : undefined });
          }}
        />
        <TextField
          label={t('calls.filters.line')}
          defaultValue={filters.line ?? ''}
          key={`l${filters.line ?? ''}`}
          onBlur={(e) => {
            if (e.target.value.trim() !== (filters.line ?? ''))
              set({ line: e.target.value.trim() || undefined });
          }}
        />
        <Select
          label={t('calls.filters.channel')}
          value={filters.channel ?? ''}
          onChange={(e) =>
            set({ channel: (e.target.value || undefined) as CallFilters['channel'] })
          }
        >
          <option value="">{any}</option>
          {(['line', 'whatsapp', 'sip'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`calls.channels.${c}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t('calls.filters.direction')}
          value={filters.direction ?? ''}
          onChange={(e) =>
            set({ direction: (e.target.value || undefined) as CallFilters['direction'] })
          }
        >
          <option value="">{any}</option>
          {(['inbound', 'outbound'] as const).map((d) => (
            <option key={d} value={d}>
              {t(`calls.directions.${d}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t('calls.filters.outcome')}
          value={filters.outcome ?? ''}
          onChange={(e) => set({ outcome: e.target.value || undefined })}
        >
          <option value="">{any}</option>
          {outcomeChoices.map((o) => (
            <option key={o} value={o}>
              {statusWords(o)}
            </option>
          ))}
        </Select>
        <DateField
          label={t('calls.filters.from')}
          value={filters.from ?? ''}
          onChange={(from) => set({ from: from || undefined })}
        />
        <DateField
          label={t('calls.filters.to')}
          value={filters.to ?? ''}
          onChange={(to) => set({ to: to || undefined })}
        />
        <div className="calls-filters__actions">
          <Button type="button" variant="ghost" onClick={() => go(readFilters(''))}>
            {t('calls.filters.clear')}
          </Button>
          <a
            className={buttonClass('secondary')}
            href={client.listCsvUrl(apiQuery(filters, false))}
            download="calls.csv"
          >
            <Download aria-hidden="true" size={16} />
            {t('calls.exportCsv')}
          </a>
        </div>
      </form>
      {problem !== null && (
        <p role="alert" className="workspace-page__problem">
          {problem}
        </p>
      )}
      {page === null && problem === null && <p role="status">{t('calls.loading')}</p>}
      {page !== null && page.calls.length === 0 && (
        <EmptyTable live icon={<PhoneOff size={20} />} title={t('calls.empty')}>
          <p>{t('calls.emptyHint')}</p>
        </EmptyTable>
      )}
      {page !== null && page.calls.length > 0 && (
        <DataTable
          caption={t('calls.title')}
          className="calls-table"
          columns={[
            {
              header: t('calls.columns.start'),
              sort: {
                label: t('calls.sortBy', { column: t('calls.columns.start') }),
                order: orderOf('startedAt'),
                onSort: () => sortBy('startedAt'),
              },
            },
            t('calls.columns.callbot'),
            t('calls.columns.caller'),
            {
              header: t('calls.columns.duration'),
              numeric: true,
              sort: {
                label: t('calls.sortBy', { column: t('calls.columns.duration') }),
                order: orderOf('duration'),
                onSort: () => sortBy('duration'),
              },
            },
            t('calls.columns.outcome'),
            t('calls.columns.endedAt'),
            {
              header: t('calls.columns.cost'),
              numeric: true,
              sort: {
                label: t('calls.sortBy', { column: t('calls.columns.cost') }),
                order: orderOf('cost'),
                onSort: () => sortBy('cost'),
              },
            },
          ]}
        >
          {page.calls.map((call) => (
            <tr key={call.sid}>
              <th scope="row">
                <a
                  className="ui-table__link"
                  href={callsHref('call', query, call.sid)}
                  aria-label={t('calls.open', { id: call.sid })}
                >
                  {dateFormat.format(Date.parse(call.startedAt))}
                </a>
              </th>
              <td>
                {call.callbot === null ? (
                  '—'
                ) : (
                  <>
                    {callbots.get(call.callbot) ?? call.callbot}
                    {call.version !== null && (
                      <span className="calls-table__muted">
                        {' '}
                        {t('calls.filters.versionN', { version: call.version })}
                      </span>
                    )}
                  </>
                )}
              </td>
              <td>
                {formatPhone(call.caller)}
                <span className="calls-table__muted calls-table__channel">
                  {t(`calls.channels.${call.channel}`)}
                </span>
              </td>
              <td className={numericCell}>
                {call.durationMs === null ? '—' : formatDuration(call.durationMs)}
              </td>
              <td>{statusWords(call.status)}</td>
              <td>{call.endedNode?.label || call.endedNode?.id || '—'}</td>
              <td className={numericCell}>
                {call.cost === null ? '—' : formatCost(call.cost, locale)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {page !== null && (filters.cursor !== undefined || page.nextCursor !== null) && (
        <nav className="calls-pages" aria-label={t('calls.title')}>
          <Button type="button" disabled={filters.cursor === undefined} onClick={previousPage}>
            {t('calls.previous')}
          </Button>
          <Button type="button" disabled={page.nextCursor === null} onClick={nextPage}>
            {t('calls.next')}
          </Button>
        </nav>
      )}
    </section>
  );
}

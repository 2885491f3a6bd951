import { liveCallsSchema, type FlowDocument, type LiveCall, type LiveCalls } from '@callbot/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhoneOff } from 'lucide-react';
import { FiguresCanvas } from '../../analytics/FiguresCanvas.tsx';
import { NodeBadges, type NodeBadgeText } from '../../analytics/NodeBadges.tsx';
import { useRepository } from '../../app/RepositoryContext.tsx';
import { callsHref } from '../../app/route.ts';
import { useDateTimeFormat } from '../../i18n/useDateTimeFormat.ts';
import { WithNodeUIs } from '../../nodes/WithNodeUIs.tsx';
import { DataTable, EmptyTable } from '../../ui/Table.tsx';
import { useCallsClient } from './callsContext.ts';
import { nodeNameIn, useVersionDocs, versionKey } from './nodeNames.ts';
import { useCallbotNames } from './useCallbots.ts';

/** What the live view needs of `EventSource` (the browser's, or a stand-in in tests). */
export interface LiveSource {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: (() => void) | null;
  onopen: (() => void) | null;
  close(): void;
}

const openSource = (url: string): LiveSource =>
  new EventSource(url, { withCredentials: true }) as unknown as LiveSource;

/**
 * The calls in progress, as the server's stream last said (every message
 * carries them all); null until the first. Messages that do not read are
 * ignored; the browser reconnects by itself after a drop.
 */
export function useLiveCalls(
  url: string,
  open: (url: string) => LiveSource = openSource,
): { live: LiveCalls | null; connected: boolean } {
  const [live, setLive] = useState<LiveCalls | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = open(url);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.onmessage = ({ data }) => {
      if (typeof data !== 'string') return;
      try {
        const parsed = liveCallsSchema.safeParse(JSON.parse(data));
        if (parsed.success) {
          setConnected(true);
          setLive(parsed.data);
        }
      } catch {
        // Not JSON: not a message of this stream.
      }
    };
    return () => source.close();
  }, [url, open]);
  return { live, connected };
}

/** How many calls are at each node of one callbot now. */
export function callsAtNodes(live: LiveCalls, callbot: string): Map<string, number> {
  const at = new Map<string, number>();
  for (const call of live.calls)
    if (call.callbot === callbot && call.node !== null)
      at.set(call.node, (at.get(call.node) ?? 0) + 1);
  return at;
}

/**
 * Calls now, for a supervisor: how many callers the bots are listening to,
 * speaking to, or have queued for a team; each call in progress, and where
 * it is on its flow's canvas (a count per node), updated as calls move.
 */
export function LiveView({ openStream }: { openStream?: (url: string) => LiveSource }) {
  const { t } = useTranslation();
  const client = useCallsClient();
  const { live, connected } = useLiveCalls(client.liveUrl, openStream);
  const callbots = useCallbotNames();
  const dateFormat = useDateTimeFormat();
  const busiest = useMemo(() => {
    const counts = new Map<string, number>();
    for (const call of live?.calls ?? [])
      if (call.callbot !== null) counts.set(call.callbot, (counts.get(call.callbot) ?? 0) + 1);
    return [...counts].sort(([, a], [, b]) => b - a)[0]?.[0];
  }, [live]);
  // The published versions the calls run on: each call's node is named from its own version.
  const versions = useMemo(
    () =>
      (live?.calls ?? []).flatMap(({ callbot, version }) =>
        callbot !== null && version !== null ? [{ callbot, version }] : [],
      ),
    [live],
  );
  const docs = useVersionDocs(versions);
  /** Where a call is, by its node's name; its id only when its version's document is no longer kept. */
  const whereIs = ({ callbot, version, node }: LiveCall): string => {
    if (node === null) return '—';
    if (callbot === null || version === null) return node;
    const key = versionKey(callbot, version);
    if (!docs.has(key)) return '…';
    return nodeNameIn(docs.get(key), node, t) ?? node;
  };

  return (
    <section aria-labelledby="live-title">
      <h1 id="live-title">{t('calls.live.title')}</h1>
      <p className="workspace-page__lead" role="status">
        {connected ? t('calls.live.connected') : t('calls.live.reconnecting')}
      </p>
      <dl className="live-counts">
        {(['listening', 'speaking', 'queued'] as const).map((state) => (
          <div key={state} className={`live-counts__item live-counts__item--${state}`}>
            <dt>{t(`calls.live.${state}`)}</dt>
            <dd>{live?.counts[state] ?? 0}</dd>
          </div>
        ))}
      </dl>
      {live !== null && live.calls.length === 0 && (
        <EmptyTable live icon={<PhoneOff size={20} />} title={t('calls.live.none')} />
      )}
      {live !== null && live.calls.length > 0 && (
        <DataTable
          caption={t('calls.live.title')}
          columns={[
            t('calls.live.since'),
            t('calls.columns.callbot'),
            t('calls.filters.channel'),
            t('calls.live.atNode'),
            t('calls.live.state'),
          ]}
        >
          {live.calls.map((call) => (
            <tr key={call.sid}>
              <th scope="row">
                <a className="ui-table__link" href={callsHref('call', '', call.sid)}>
                  {dateFormat.format(Date.parse(call.startedAt))}
                </a>
              </th>
              <td>{call.callbot === null ? '—' : (callbots.get(call.callbot) ?? call.callbot)}</td>
              <td>{t(`calls.channels.${call.channel}`)}</td>
              <td>{whereIs(call)}</td>
              <td>{t(`calls.live.${call.state}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {live !== null && busiest !== undefined && (
        <LiveCanvas callbot={busiest} name={callbots.get(busiest) ?? busiest} live={live} />
      )}
    </section>
  );
}

/** The busiest callbot's flow, with how many calls are at each node now. */
function LiveCanvas({ callbot, name, live }: { callbot: string; name: string; live: LiveCalls }) {
  const { t } = useTranslation();
  const repository = useRepository();
  const [doc, setDoc] = useState<FlowDocument | null>(null);
  useEffect(() => {
    let on = true;
    repository.open(callbot).then(
      (opened) => on && setDoc(opened.doc),
      () => undefined,
    );
    return () => {
      on = false;
    };
  }, [repository, callbot]);
  const overlay = useMemo(() => {
    const badges = new Map<string, NodeBadgeText[]>();
    for (const [node, count] of callsAtNodes(live, callbot)) {
      const said = t('calls.live.here', { count });
      badges.set(node, [{ text: String(count), title: said }]);
    }
    return { layer: <NodeBadges badges={badges} /> };
  }, [live, callbot, t]);
  if (!doc) return null;
  return (
    <section aria-label={t('calls.live.onCanvas', { callbot: name })}>
      <h2>{t('calls.live.onCanvas', { callbot: name })}</h2>
      <WithNodeUIs>
        <FiguresCanvas doc={doc} overlay={overlay} />
      </WithNodeUIs>
    </section>
  );
}

// Test helpers: recorded calls made by running the reception example, as the
// server records and answers them, and a calls client over them. Imported by
// tests and stories only, never by the app.
import {
  examples,
  playedInOrder,
  scriptSchema,
  simulateCall,
  timelineOf,
  type ScriptInput,
  type TraceLine,
} from '@callbot/runtime';
import {
  callDetailSchema,
  defaultCallSettings,
  type CallAnalytics,
  type CallDetail,
  type CallList,
  type CallRow,
  type CallSettings,
  type FlowDocument,
} from '@callbot/shared';
import { addFigures, figuresOfCall } from '../../analytics/figures.ts';
import type { CallsClient } from './callsClient.ts';
import { traceOf } from './callScript.ts';

export const WORDS_PER_MINUTE = 150;

/** Runs a call of `flow` (the reception example) as a caller would, and records it as the server does. */
export function recordCall(
  sid: string,
  steps: ScriptInput['steps'],
  {
    flow = examples.reception,
    callbot = 'reception',
    version = 1,
    startedAt = '2026-12-01T13:00:00.000Z',
    agents = {},
  }: {
    flow?: FlowDocument;
    callbot?: string;
    version?: number;
    startedAt?: string;
    agents?: Record<string, number>;
  } = {},
): { detail: CallDetail; lines: TraceLine[] } {
  const { lines } = simulateCall(
    flow,
    scriptSchema.parse({
      call: { channel: 'line', direction: 'inbound', from: '+5511988887777', to: '+551130000000' },
      startAt: startedAt,
      agents,
      wordsPerMinute: WORDS_PER_MINUTE,
      steps,
    }),
  );
  const end = lines.find((l) => l.kind === 'end');
  const lastNode = lines.filter((l) => l.kind === 'node').at(-1);
  const start = Date.parse(startedAt);
  const row: CallRow = {
    sid,
    startedAt,
    endedAt: end ? new Date(start + end.t).toISOString() : null,
    durationMs: end?.kind === 'end' ? end.durationMs : null,
    status: end?.kind === 'end' ? end.outcome : 'in_progress',
    callbot,
    version,
    line: '+551130000000',
    caller: '+5511988887777',
    channel: 'line',
    direction: 'inbound',
    endedNode: lastNode?.kind === 'node' ? { id: lastNode.id, label: lastNode.label } : null,
    cost: { amount: 12, currency: 'BRL', example: true },
  };
  // The server's answer, through the contract (a JSON round trip, as over HTTP).
  const detail = callDetailSchema.parse(
    JSON.parse(
      JSON.stringify({
        call: row,
        flow: { callbot, version },
        wordsPerMinute: WORDS_PER_MINUTE,
        transcript: true,
        events: lines.map((line, seq) => ({
          seq,
          at: new Date(start + line.t).toISOString(),
          line,
        })),
        // As the server draws it (`server/src/calls/routes.ts`).
        timeline: timelineOf(playedInOrder(lines, WORDS_PER_MINUTE), end?.t ?? 0, WORDS_PER_MINUTE),
      }),
    ),
  );
  return { detail, lines };
}

/** Three calls of the reception example: sales answered, a silent caller, a wrong key then a hang-up. */
export function receptionCalls(): CallDetail[] {
  return [
    recordCall(
      'CA-sales',
      [{ when: 'listening', delay: 800, event: { type: 'dtmf', digit: '1' } }],
      {
        agents: { vendas: 1 },
      },
    ).detail,
    recordCall('CA-silent', [], { startedAt: '2026-12-01T14:00:00.000Z' }).detail,
    recordCall(
      'CA-wrong',
      [
        { when: 'listening', delay: 500, event: { type: 'dtmf', digit: '9' } },
        { when: 'listening', delay: 700, event: { type: 'call.ended', by: 'caller' } },
      ],
      { startedAt: '2026-12-02T15:30:00.000Z' },
    ).detail,
  ];
}

/**
 * A calls client over recorded calls: filters by callbot, version, outcome
 * and channel, sorts, and pages `pageSize` rows at a time; it remembers the
 * queries it was asked.
 */
export function createFakeCallsClient(
  calls: CallDetail[],
  {
    pageSize = 50,
    docs = new Map<string, FlowDocument>([['reception@1', examples.reception]]),
    analytics,
  }: {
    pageSize?: number;
    docs?: Map<string, FlowDocument>;
    analytics?: (query: Record<string, unknown>) => CallAnalytics;
  } = {},
): CallsClient & { asked: URLSearchParams[] } {
  const asked: URLSearchParams[] = [];
  let settings: CallSettings = { ...defaultCallSettings };
  const bySid = new Map(calls.map((c) => [c.call.sid, c]));
  return {
    asked,
    list(query) {
      asked.push(query);
      const rows = calls
        .map((c) => c.call)
        .filter(
          (c) =>
            (!query.has('callbot') || c.callbot === query.get('callbot')) &&
            (!query.has('version') || String(c.version) === query.get('version')) &&
            (!query.has('outcome') || c.status === query.get('outcome')) &&
            (!query.has('channel') || c.channel === query.get('channel')),
        );
      const key = query.get('sort') ?? 'startedAt';
      const value = (c: CallRow) =>
        key === 'duration'
          ? (c.durationMs ?? 0)
          : key === 'cost'
            ? (c.cost?.amount ?? 0)
            : Date.parse(c.startedAt);
      rows.sort((a, b) => (value(a) - value(b)) * (query.get('order') === 'asc' ? 1 : -1));
      const from = Number(query.get('cursor') ?? 0);
      const page: CallList = {
        calls: rows.slice(from, from + pageSize),
        nextCursor: from + pageSize < rows.length ? String(from + pageSize) : null,
      };
      return Promise.resolve(page);
    },
    listCsvUrl: (query) => `/calls/export.csv?${query.toString()}`,
    call(sid) {
      const found = bySid.get(sid);
      return found ? Promise.resolve(found) : Promise.reject(new Error('No such call.'));
    },
    eventsCsvUrl: (sid) => `/calls/${sid}/events.csv`,
    analytics(query) {
      if (!analytics) return Promise.reject(new Error('No analytics here.'));
      return Promise.resolve(analytics(query));
    },
    liveUrl: '/calls/live',
    versionDoc: (callbot, version) => Promise.resolve(docs.get(`${callbot}@${version}`) ?? null),
    settings: () => Promise.resolve({ ...settings }),
    putSettings(next) {
      settings = { ...next };
      return Promise.resolve({ ...settings });
    },
  };
}

/** What the server's counters say of these calls (as `GET …/calls/analytics` answers), counted from their traces. */
export function analyticsOf(
  details: CallDetail[],
  callbot = 'reception',
  version: number | null = null,
): CallAnalytics {
  const counted = details.filter(
    (d) => d.call.callbot === callbot && (version === null || d.call.version === version),
  );
  const all = addFigures(counted.map((d) => figuresOfCall(traceOf(d))));
  const outcomes: Record<string, number> = {};
  const byHour = new Map<number, Record<string, number>>();
  const byDay = new Map<string, Record<string, number>>();
  const bump = (into: Record<string, number>, status: string) => {
    into[status] = (into[status] ?? 0) + 1;
  };
  for (const { call } of counted) {
    bump(outcomes, call.status);
    const hour = new Date(call.startedAt).getUTCHours();
    bump(byHour.get(hour) ?? byHour.set(hour, {}).get(hour)!, call.status);
    const day = call.startedAt.slice(0, 10);
    bump(byDay.get(day) ?? byDay.set(day, {}).get(day)!, call.status);
  }
  const ports = (node: string) =>
    Object.fromEntries(
      [...all.outputs]
        .filter(([id]) => id.startsWith(`${node}:`))
        .map(([id, n]) => [id.slice(node.length + 1), n]),
    );
  return {
    callbot,
    version,
    from: '2026-11-15',
    to: '2026-12-14',
    timeZone: 'UTC',
    totals: { calls: counted.length, durationMs: 0, cost: {} },
    outcomes,
    nodes: [...all.nodes].map(([node, f]) => ({
      node,
      calls: f.calls,
      visits: f.visits,
      outputs: ports(node),
      noInput: f.noInput,
      noMatch: f.noMatch,
      ended: {},
      droppedOff: f.hungUp,
    })),
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, outcomes: byHour.get(hour) ?? {} })),
    byDay: [...byDay].map(([day, o]) => ({ day, outcomes: o })),
  };
}

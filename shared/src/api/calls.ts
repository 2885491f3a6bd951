/**
 * The calls API's contract, written once (issue 16): the workspace's real
 * calls as a list (filtered, sorted, paged on the server), one call with its
 * trace and its speaking/listening timeline, CSV exports, flow analytics for
 * a period and a version (pre-aggregated as calls end), the calls in
 * progress (server-sent events) and the workspace's call-record settings
 * (retention, caller speech, who reads transcripts).
 *
 * Every route is under `/api/workspaces/:ws/calls`:
 *
 * | route                                   | least role | answer                         |
 * | --------------------------------------- | ---------- | ------------------------------ |
 * | `GET  calls?…` ({@link callListQuerySchema}) | viewer | {@link callListSchema}         |
 * | `GET  calls/export.csv?…` (same filters) | viewer    | CSV, at most {@link CALLS_CSV_MAX_ROWS} rows |
 * | `GET  calls/analytics?…` ({@link callAnalyticsQuerySchema}) | viewer | {@link callAnalyticsSchema} |
 * | `GET  calls/live`                        | viewer    | SSE of {@link liveCallsSchema} |
 * | `GET  calls/settings`                    | viewer    | {@link callSettingsSchema}     |
 * | `PUT  calls/settings`                    | owner     | {@link callSettingsSchema}     |
 * | `GET  calls/:sid`                        | viewer    | {@link callDetailSchema}       |
 * | `GET  calls/:sid/events.csv`             | viewer    | CSV of the call's trace        |
 *
 * Transcripts (what the bot said, the keys and the speech of the caller)
 * are for trainers and above; viewers get the list, the analytics, a call's
 * path and timeline without its words, unless the workspace's settings let
 * viewers read transcripts (`viewersSeeTranscripts`). Query strings are
 * parsed strictly (an unknown parameter is refused, naming it); answers are
 * read leniently. Times are ISO 8601 strings; amounts are in hundredths of
 * their currency, as in the price table.
 */
import { z } from 'zod';
import { billingChannels, callDirections } from '../billing/priceTable.ts';
import { callOutcomeSchema } from '../compiler/events.ts';

/** The channels a call comes by: a phone line, WhatsApp, SIP. */
export const callChannelSchema = z.enum(billingChannels);
export const callDirectionSchema = z.enum(callDirections);

/**
 * A call's status: in progress, one of the runtime's outcomes, or what the
 * server closed it as (`abandoned`: no report from the provider for hours;
 * `ended_before_start`: its end came before its start and nothing ran).
 */
export const callStatusSchema = z.union([
  z.literal('in_progress'),
  callOutcomeSchema,
  z.literal('abandoned'),
  z.literal('ended_before_start'),
]);
export type CallRecordStatus = z.infer<typeof callStatusSchema>;
/** The statuses a finished call can have (the list's outcome filter). */
export const callEndStatuses = [
  ...callOutcomeSchema.options,
  'abandoned',
  'ended_before_start',
] as const;

export const callSortKeys = ['startedAt', 'duration', 'cost'] as const;
export type CallSortKey = (typeof callSortKeys)[number];

/** Rows per page: `limit` defaults to this. */
export const CALLS_PAGE_SIZE = 50;
export const CALLS_PAGE_MAX = 200;
/** The most rows one CSV export of the list carries (narrow the filters for more). */
export const CALLS_CSV_MAX_ROWS = 100_000;

const isoInstant = z.iso.datetime({
  offset: true,
  message: 'an ISO 8601 time such as 2026-12-01T00:00:00Z',
});
const isoDay = z.iso.date('a day such as 2026-12-01');
const versionNumber = z.coerce
  .number()
  .int('a version is a whole number')
  .positive()
  .max(2 ** 31 - 1);

/**
 * `GET /api/workspaces/:ws/calls?…`, all parameters optional: the filters
 * (`from` inclusive, `to` exclusive, on the call's start), the sort (newest
 * first by default) and the page: `cursor` is the previous page's
 * `nextCursor`, opaque. The designer keeps these parameters in its URL.
 */
export const callListQuerySchema = z.strictObject({
  callbot: z.string().min(1).max(64).optional(),
  version: versionNumber.optional(),
  line: z.string().min(1).max(64).optional(),
  channel: callChannelSchema.optional(),
  direction: callDirectionSchema.optional(),
  outcome: callStatusSchema.optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  sort: z.enum(callSortKeys).default('startedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(CALLS_PAGE_MAX).default(CALLS_PAGE_SIZE),
  cursor: z.string().max(512).optional(),
});
export type CallListQuery = z.input<typeof callListQuerySchema>;
export type CallListParams = z.output<typeof callListQuerySchema>;

/** Where a call ended: the node it was at (its id in the version's document, and its label then). */
export const callNodeRefSchema = z.object({ id: z.string(), label: z.string() });

/** What a call cost by the workspace's price table (the product's example figures without one). */
export const callCostSchema = z.object({
  /** In hundredths of `currency`. */
  amount: z.int(),
  currency: z.string(),
  /** The table's figures are examples (say so next to the amount). */
  example: z.boolean(),
});
export type CallCostFigure = z.infer<typeof callCostSchema>;

/** One row of the calls page. */
export const callRowSchema = z.object({
  sid: z.string(),
  startedAt: z.string(),
  /** Null while the call is in progress. */
  endedAt: z.string().nullable(),
  durationMs: z.int().nullable(),
  status: callStatusSchema,
  /** The published callbot and version that answered (null: the default callbot, R9). */
  callbot: z.string().nullable(),
  version: z.int().nullable(),
  /** The business's number (the callbot's line). */
  line: z.string(),
  /** The other party's number. */
  caller: z.string(),
  channel: callChannelSchema,
  direction: callDirectionSchema,
  endedNode: callNodeRefSchema.nullable(),
  cost: callCostSchema.nullable(),
});
export type CallRow = z.infer<typeof callRowSchema>;

/** 200 to the list: a page, and the cursor of the next one (null: this is the last). */
export const callListSchema = z.object({
  calls: z.array(callRowSchema),
  nextCursor: z.string().nullable(),
});
export type CallList = z.infer<typeof callListSchema>;

/**
 * A trace line as the runtime wrote it (`TraceLine` of `@callbot/runtime`:
 * `kind` says which; `t` is ms since the call started). Read leniently: the
 * designer narrows it by `kind`. Caller speech may come redacted
 * (`redacted: 'masked' | 'not_stored'` on the input line) by the workspace's
 * settings; a viewer without transcripts gets `say` and `input` lines with
 * their words left out (`hidden: true`).
 */
export const callTraceLineSchema = z.looseObject({ t: z.number(), kind: z.string() });

/** One recorded line of a call, with the wall-clock time of the request that wrote it. */
export const callRecordLineSchema = z.object({
  seq: z.int(),
  at: z.string(),
  line: callTraceLineSchema,
});
export type CallRecordLine = z.infer<typeof callRecordLineSchema>;

const spanSchema = z.object({ from: z.number(), to: z.number() });

/**
 * The speaking/listening timeline, the simulator's own (`timelineOf` of
 * `@callbot/runtime`, the same function the simulator draws with), built
 * from the recorded trace lines.
 */
export const callTimelineSchema = z.object({
  end: z.number(),
  speaking: z.array(spanSchema),
  listening: z.array(spanSchema),
  inputs: z.array(
    z.object({
      t: z.number(),
      label: z.string(),
      accepted: z.boolean(),
      reason: z.enum(['not_listening', 'no_match', 'call_over']).nullable(),
    }),
  ),
  nodes: z.array(z.object({ t: z.number(), id: z.string(), label: z.string() })),
});
export type CallTimeline = z.infer<typeof callTimelineSchema>;

/**
 * 200 to `GET /api/workspaces/:ws/calls/:sid`: the row, the version that ran
 * (its document: `GET /api/callbots/:callbot/versions/:version`, or the
 * workspace flow's published version of that number), the trace and the
 * timeline. `transcript` false: the words were left out for the caller's role.
 */
export const callDetailSchema = z.object({
  call: callRowSchema,
  flow: z.object({ callbot: z.string(), version: z.int() }).nullable(),
  /** The speaking speed the timeline estimated prompts with (words per minute). */
  wordsPerMinute: z.number(),
  transcript: z.boolean(),
  events: z.array(callRecordLineSchema),
  timeline: callTimelineSchema,
});
export type CallDetail = z.infer<typeof callDetailSchema>;

/**
 * `GET /api/workspaces/:ws/calls/analytics?…`: one callbot's figures over
 * the days `from`..`to` (inclusive, in `timeZone`, by default the
 * workspace's), for one `version` or all. Two versions side by side are two
 * requests. Read from counters kept as calls end, never from the events.
 */
export const callAnalyticsQuerySchema = z
  .strictObject({
    callbot: z.string().min(1).max(64),
    version: versionNumber.optional(),
    from: isoDay,
    to: isoDay,
    timeZone: z.string().min(1).max(64).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'the period ends on or after its start' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, {
    path: ['to'],
    message: 'a period is at most 400 days',
  });
export type CallAnalyticsQuery = z.input<typeof callAnalyticsQuerySchema>;

const countsByStatus = z.record(z.string(), z.int());

/** One node's figures: how many calls passed, how they left it, and where they stopped. */
export const nodeAnalyticsSchema = z.object({
  node: z.string(),
  /** Calls that entered the node at least once. */
  calls: z.int(),
  /** Times the node was entered (a menu repeated counts each time). */
  visits: z.int(),
  /** Times each output was taken, by port name (the edge's thickness). */
  outputs: z.record(z.string(), z.int()),
  /** Times the caller gave nothing in time here (a menu's no-input rate is this over `visits`). */
  noInput: z.int(),
  /** Inputs refused as not matching here (the no-match rate is this over `visits`). */
  noMatch: z.int(),
  /** Calls that ended at this node, by status. */
  ended: countsByStatus,
  /** Calls whose caller hung up at this node (the drop-off). */
  droppedOff: z.int(),
});
export type NodeAnalytics = z.infer<typeof nodeAnalyticsSchema>;

export const callAnalyticsSchema = z.object({
  callbot: z.string(),
  version: z.int().nullable(),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  totals: z.object({
    calls: z.int(),
    durationMs: z.number(),
    /** Summed per currency (a workspace normally has one). */
    cost: z.record(z.string(), z.int()),
  }),
  /** Calls by status. */
  outcomes: countsByStatus,
  nodes: z.array(nodeAnalyticsSchema),
  /** 24 entries, hour 0..23 in `timeZone`: calls by status. */
  byHour: z.array(z.object({ hour: z.int(), outcomes: countsByStatus })),
  /** Each day of the period that had calls (`YYYY-MM-DD` in `timeZone`): calls by status. */
  byDay: z.array(z.object({ day: z.string(), outcomes: countsByStatus })),
});
export type CallAnalytics = z.infer<typeof callAnalyticsSchema>;

/** What a call in progress is doing now, as the server last saw it. */
export const liveCallStateSchema = z.enum(['speaking', 'listening', 'queued']);
export type LiveCallState = z.infer<typeof liveCallStateSchema>;

export const liveCallSchema = z.object({
  sid: z.string(),
  startedAt: z.string(),
  callbot: z.string().nullable(),
  version: z.int().nullable(),
  line: z.string(),
  channel: callChannelSchema,
  direction: callDirectionSchema,
  /** The node the call is at (null before its first node). */
  node: z.string().nullable(),
  state: liveCallStateSchema,
});
export type LiveCall = z.infer<typeof liveCallSchema>;

/**
 * Each message of `GET /api/workspaces/:ws/calls/live` (server-sent
 * events): every call in progress now and the counts by state, sent when
 * the stream opens and whenever a call starts, moves or ends.
 */
export const liveCallsSchema = z.object({
  type: z.literal('live'),
  at: z.string(),
  calls: z.array(liveCallSchema),
  counts: z.object({ speaking: z.int(), listening: z.int(), queued: z.int() }),
});
export type LiveCalls = z.infer<typeof liveCallsSchema>;

/** The shortest a workspace may keep its call records, in days. */
export const MIN_RETENTION_DAYS = 1;
/** The longest a call record may be kept, in days (a workspace's setting, the server-wide lines'). */
export const MAX_RETENTION_DAYS = 3650;

/**
 * How the workspace keeps call records (LGPD): how many days (older calls
 * are deleted with their events; the analytics counters stay, they name no
 * one), what becomes of the caller's speech as it is written (`store`,
 * `redact`: digits and e-mail addresses masked, `none`: the words are not
 * stored at all), and whether viewers may read transcripts.
 */
export const callSettingsSchema = z.strictObject({
  retentionDays: z.int('days are a whole number').min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS),
  speech: z.enum(['store', 'redact', 'none']),
  viewersSeeTranscripts: z.boolean(),
});
export type CallSettings = z.infer<typeof callSettingsSchema>;

export const defaultCallSettings: CallSettings = {
  retentionDays: 365,
  speech: 'store',
  viewersSeeTranscripts: false,
};

/** The columns of the calls CSV, in order. */
export const callCsvColumns = [
  'sid',
  'started_at',
  'ended_at',
  'duration_ms',
  'status',
  'callbot',
  'version',
  'line',
  'caller',
  'channel',
  'direction',
  'ended_node',
  'ended_node_label',
  'cost',
  'currency',
] as const;

/** The columns of one call's events CSV, in order (`detail`: the line's own JSON). */
export const callEventCsvColumns = ['seq', 'at', 't_ms', 'kind', 'node', 'text', 'detail'] as const;

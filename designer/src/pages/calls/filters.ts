import {
  callChannelSchema,
  callDirectionSchema,
  callSortKeys,
  callStatusSchema,
  type CallSortKey,
} from '@callbot/shared';

/** The calls list's filters, sort and page, as the page's URL keeps them (days, not instants). */
export interface CallFilters {
  callbot?: string;
  version?: number;
  line?: string;
  channel?: 'line' | 'whatsapp' | 'sip';
  direction?: 'inbound' | 'outbound';
  outcome?: string;
  /** First day (`YYYY-MM-DD`, the browser's time zone), inclusive. */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  sort: CallSortKey;
  order: 'asc' | 'desc';
  /** The page: the server's cursor of it (none: the first). */
  cursor?: string;
}

export const defaultFilters: CallFilters = { sort: 'startedAt', order: 'desc' };

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !isNaN(Date.parse(value));
const text = (value: string | null) =>
  value !== null && value.trim() !== '' && value.length <= 64 ? value.trim() : undefined;

/**
 * The filters in a URL query; a value that does not read (an unknown
 * channel, a version that is no number…) is left out, as if not given.
 */
export function readFilters(query: string): CallFilters {
  const q = new URLSearchParams(query);
  const filters: CallFilters = { ...defaultFilters };
  const callbot = text(q.get('callbot'));
  if (callbot) filters.callbot = callbot;
  const version = Number(q.get('version'));
  if (q.get('version') && Number.isInteger(version) && version > 0) filters.version = version;
  const line = text(q.get('line'));
  if (line) filters.line = line;
  const channel = callChannelSchema.safeParse(q.get('channel'));
  if (channel.success) filters.channel = channel.data;
  const direction = callDirectionSchema.safeParse(q.get('direction'));
  if (direction.success) filters.direction = direction.data;
  const outcome = callStatusSchema.safeParse(q.get('outcome'));
  if (outcome.success) filters.outcome = outcome.data;
  const from = q.get('from');
  if (from && isDay(from)) filters.from = from;
  const to = q.get('to');
  if (to && isDay(to)) filters.to = to;
  const sort = q.get('sort');
  if ((callSortKeys as readonly (string | null)[]).includes(sort))
    filters.sort = sort as CallSortKey;
  if (q.get('order') === 'asc') filters.order = 'asc';
  const cursor = q.get('cursor');
  if (cursor && cursor.length <= 512) filters.cursor = cursor;
  return filters;
}

/** The URL query of the filters (defaults left out, so a plain list is `#/calls`). */
export function writeFilters(filters: CallFilters): string {
  const q = new URLSearchParams();
  for (const key of ['callbot', 'version', 'line', 'channel', 'direction', 'outcome'] as const) {
    const value = filters[key];
    if (value !== undefined) q.set(key, String(value));
  }
  if (filters.from) q.set('from', filters.from);
  if (filters.to) q.set('to', filters.to);
  if (filters.sort !== defaultFilters.sort) q.set('sort', filters.sort);
  if (filters.order !== defaultFilters.order) q.set('order', filters.order);
  if (filters.cursor) q.set('cursor', filters.cursor);
  return q.toString();
}

/** Midnight starting `day` in the browser's time zone, as an ISO instant. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const dayAfter = (day: string) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
};

/**
 * The API's query for the filters (`callListQuerySchema`): days become the
 * instants that bound them (`to` exclusive: the morning after the last day);
 * `withPage` false leaves the cursor out (the CSV takes every page).
 */
export function apiQuery(filters: CallFilters, withPage = true): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of ['callbot', 'version', 'line', 'channel', 'direction', 'outcome'] as const) {
    const value = filters[key];
    if (value !== undefined) q.set(key, String(value));
  }
  if (filters.from) q.set('from', startOfDay(filters.from));
  if (filters.to) q.set('to', dayAfter(filters.to));
  q.set('sort', filters.sort);
  q.set('order', filters.order);
  if (withPage && filters.cursor) q.set('cursor', filters.cursor);
  return q;
}

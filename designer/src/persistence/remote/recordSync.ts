import type { WorkspaceCollection } from '@callbot/shared';
import { RemoteError, type WorkspaceApi } from './api.ts';
import { parseRecordKey, TEST_CASES } from './keys.ts';
import { sendTestCase } from './testCases.ts';
import type { RecordChange } from './outbox.ts';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Deep equality of JSON values, whatever the order of their keys (the server's JSONB reorders them). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

/** The fields a change changed (top level), leaving out those the server keeps itself. */
function changedFields(change: RecordChange, serverOwned: readonly string[]): string[] {
  const before = isObject(change.before) ? change.before : {};
  const after = isObject(change.after) ? change.after : {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (key) => !serverOwned.includes(key) && !sameValue(before[key], after[key]),
  );
}

/**
 * Whether a change can be made on the server's copy as it is now: the record
 * is there (or, for a new one, is not), and nobody else changed a field it
 * changes — their change of another field is kept (e.g. the default team
 * flag the server moved, a rename next to an agents count).
 */
function mergeable(change: RecordChange, server: unknown, fields: string[]): boolean {
  if (change.before === null) return server === null;
  if (server === null) return change.after === null;
  if (change.after === null) return sameValue(server, change.before);
  const before = change.before as Fields;
  const after = change.after as Fields;
  const theirs = server as Fields;
  return fields.every(
    (key) => sameValue(theirs[key], before[key]) || sameValue(theirs[key], after[key]),
  );
}

/** The server's copy with the fields this browser changed (a field removed stays removed). */
function merged(server: unknown, change: RecordChange, fields: string[]): Fields {
  const after = change.after as Fields;
  const out: Fields = isObject(server) ? { ...server } : {};
  for (const key of fields) {
    if (key in after) out[key] = after[key];
    else delete out[key];
  }
  return out;
}

const notFoundAsNull = <T>(error: unknown): T | null => {
  if (error instanceof RemoteError && error.kind === 'notFound') return null;
  throw error;
};

/**
 * Sends a workspace record's waiting change (see the outbox's `sendRecord`):
 * reads the server's copy (not for a record made here and never sent),
 * makes the change on it when nobody else changed the same fields (`If-Match` its revision, so a write in between is refused
 * too), and otherwise lets the server refuse the write on this browser's base
 * revision — a `RemoteError` `conflict` naming who changed it and when, or
 * `notFound` when it was deleted. A line's callbot goes through its own
 * route (R3). Answers the record's new revision (0 when deleted). A test
 * case's change goes to its flow's tests (`sendTestCase`).
 */
export function createRecordSender(api: WorkspaceApi) {
  async function sendSettings(change: RecordChange, base: number): Promise<number> {
    const server = await api.getSettings();
    // The default team is the Teams page's (the server mirrors it); never sent from here.
    const fields = changedFields(change, ['defaultTeamId']);
    const body = merged(server.settings, change, fields) as typeof server.settings;
    const onRevision =
      change.force || server.revision === base || mergeable(change, server.settings, fields)
        ? server.revision
        : base;
    // The price table alone has its own route, which leaves the other settings as they are.
    if (fields.length === 1 && fields[0] === 'priceTable')
      return api.putPrices(body.priceTable ?? null, onRevision);
    return api.putSettings(body, onRevision);
  }

  return async function sendRecord(
    key: string,
    change: RecordChange,
    base: number,
  ): Promise<number> {
    const parsed = parseRecordKey(key);
    if (!parsed) throw new Error(`Not a record key: ${key}`);
    if (parsed.id === null) return sendSettings(change, base);
    if (parsed.collection === TEST_CASES) return sendTestCase(api, parsed.id, change);
    const collection = parsed.collection as WorkspaceCollection;
    const { id } = parsed;
    // A record made in this browser and never accepted by the server is not asked of it (a
    // 404 the browser logs as an error): written on revision 0, it is refused as `conflict`
    // all the same if it is there after all (an answer lost on the way).
    const fresh = change.before === null && base === 0 && !change.force;
    if (fresh && change.after === null) return 0;
    const server = fresh ? null : await api.getRecord(collection, id).catch(notFoundAsNull<never>);
    const serverRecord = server?.record ?? null;
    const serverRevision = server?.revision ?? 0;
    const fields = changedFields(change, []);
    // Someone else's change of the same fields: the server refuses the write on our base.
    const onRevision =
      change.force || serverRevision === base || mergeable(change, serverRecord, fields)
        ? serverRevision
        : base;

    if (change.after === null) {
      if (serverRecord === null && onRevision === serverRevision) return 0;
      await api.deleteRecord(collection, id, onRevision);
      return 0;
    }
    const body = merged(serverRecord, change, fields);
    if (collection !== 'lines') return api.putRecord(collection, id, body, onRevision);

    // A line's callbot changes through its own route (R3): the record keeps the server's.
    const wanted = body.callbotId;
    const current = isObject(serverRecord) ? serverRecord.callbotId : undefined;
    if (current === undefined) delete body.callbotId;
    else body.callbotId = current;
    const onlyCallbot =
      serverRecord !== null && onRevision === serverRevision && fields.join() === 'callbotId';
    const revision = onlyCallbot
      ? serverRevision
      : await api.putRecord(collection, id, body, onRevision);
    if (sameValue(wanted, current)) return revision;
    if (typeof wanted === 'string') await api.assignLine(id, wanted);
    else await api.unassignLine(id);
    return (await api.getRecord(collection, id)).revision;
  };
}

/**
 * The outbox key of a workspace record (`#teams/t1`) or of the settings
 * (`#settings`): apart from flow ids, which never start with `#` in it.
 */
export const recordKey = (collection: string, id?: string) =>
  id === undefined ? `#${collection}` : `#${collection}/${id}`;

/** The collection and id of a record key; null for a flow's id. */
export function parseRecordKey(key: string): { collection: string; id: string | null } | null {
  if (!key.startsWith('#')) return null;
  const slash = key.indexOf('/');
  return slash < 0
    ? { collection: key.slice(1), id: null }
    : { collection: key.slice(1, slash), id: key.slice(slash + 1) };
}

/** The outbox keys of test cases: `#tests/<the test case's server id>`. */
export const TEST_CASES = 'tests';
export const testCaseKey = (serverId: string) => recordKey(TEST_CASES, serverId);

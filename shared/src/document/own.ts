/**
 * `record[key]` when `key` is the record's own entry, else `undefined`: a key
 * chosen by a user (a node id, a team name) such as `toString` or
 * `constructor` must never read a member of `Object.prototype`.
 *
 * @example
 * own(doc.layout.nodes, 'toString'); // undefined, not a function
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

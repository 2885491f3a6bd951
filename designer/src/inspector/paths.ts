/** Where a field sits in a node's data, e.g. `['options', 0, 'key']`. */
export type Path = readonly (string | number)[];

/** The value at `path`, or `undefined` when something on the way is missing. */
export function getIn(value: unknown, path: Path): unknown {
  let at = value;
  for (const part of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = Object.hasOwn(at, part) ? (at as Record<string | number, unknown>)[part] : undefined;
  }
  return at;
}

/**
 * A copy of `value` with `next` at `path`, sharing everything else. Setting
 * `undefined` in an object removes the key, so optional fields left empty
 * disappear from the document instead of being stored as `undefined`.
 */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  const inner = rest.length === 0 ? next : setIn(getIn(value, [head]), rest, next);
  if (typeof head === 'number') {
    const copy = Array.isArray(value) ? [...(value as unknown[])] : [];
    copy[head] = inner;
    return copy;
  }
  const copy: Record<string, unknown> =
    value !== null && typeof value === 'object' ? { ...(value as Record<string, unknown>) } : {};
  if (inner === undefined) delete copy[head];
  else copy[head] = inner;
  return copy;
}

/** Whether `path` is `prefix` or lies inside it. */
export const isWithin = (path: readonly PropertyKey[], prefix: Path): boolean =>
  prefix.every((part, i) => path[i] === part);

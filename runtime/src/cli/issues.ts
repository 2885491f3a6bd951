import { formatPath } from '@callbot/shared';
import type { z } from '@callbot/shared/zod';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** The value at `path` inside `root`, or `undefined` when there is none. */
function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** How badly a union branch misses the input: fields it lacks plus fields it does not know. */
function mismatch(branch: readonly Issue[], input: unknown): number {
  let score = 0;
  for (const issue of branch) {
    if (issue.code === 'unrecognized_keys') score += issue.keys.length;
    else if (issue.path.length === 1 && valueAt(input, issue.path) === undefined) score += 1;
  }
  return score;
}

/** Fields a branch needs that the input lacks (issues on a missing top-level field). */
const missingFields = (branch: readonly Issue[], input: unknown): string[] =>
  branch
    .filter((i) => i.path.length === 1 && valueAt(input, i.path) === undefined)
    .map((i) => String(i.path[0]));

/** A short rendering of the value that was refused, or '' when it would not be short. */
function shown(value: unknown): string {
  if (value === undefined) return '';
  const json = JSON.stringify(value);
  return json !== undefined && json.length <= 40 ? json : '';
}

const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;

interface Found {
  path: PropertyKey[];
  message: string;
}

/**
 * The one issue worth reporting, with its full path. A union (a script step is
 * either an `at` step or a `when` step) reports every branch's failures; the
 * branch that best fits the input is the one the author meant, so its first
 * issue is the one that explains the mistake.
 */
function explain(issue: Issue, root: unknown, base: Path): Found {
  const path = [...base, ...issue.path];
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') {
        const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
        const got = shown(value);
        return {
          path,
          message:
            (got ? `unknown value ${got}` : 'missing') +
            (options.length > 0
              ? `; expected one of ${options.map((o) => `"${String(o)}"`).join(', ')}`
              : ''),
        };
      }
      const unionInput = valueAt(root, path);
      const branches = issue.errors
        .filter((b) => b.length > 0)
        .map((b) => ({ issues: b, score: mismatch(b, unionInput) }));
      if (branches.length === 0) return { path, message: lowerFirst(issue.message) };
      const best = Math.min(...branches.map((b) => b.score));
      const closest = branches.filter((b) => b.score === best);
      // No branch fits better than another, and each lacks a field: say which fields would do.
      if (best > 0 && closest.length > 1) {
        const needs = closest.map((b) => missingFields(b.issues, unionInput));
        if (needs.every((n) => n.length > 0)) {
          const choices = [...new Set(needs.map((n) => n[0]!))].map((n) => `"${n}"`);
          return { path, message: `needs one of the fields ${choices.join(' or ')}` };
        }
      }
      const chosen = closest.reduce((a, b) => (b.issues.length < a.issues.length ? b : a));
      return explain(chosen.issues[0]!, root, path);
    }
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? { path: [...path, issue.keys[0]!], message: 'unknown field' }
        : { path, message: `unknown fields ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
    case 'invalid_type':
      return value === undefined
        ? { path, message: `missing; expected ${issue.expected}` }
        : { path, message: issue.message.replace(/^Invalid input: /, '') };
    case 'invalid_value': {
      const got = shown(value);
      const expected = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return {
        path,
        message:
          issue.values.length === 1
            ? `expected ${expected}${got ? `, received ${got}` : ''}`
            : `expected one of ${expected}${got ? `; received ${got}` : ''}`,
      };
    }
    case 'invalid_format': {
      const got = shown(value);
      const expected =
        issue.format === 'datetime'
          ? 'expected an ISO 8601 date and time with offset, like "2026-11-24T10:00:00-03:00"'
          : lowerFirst(issue.message);
      return { path, message: `${expected}${got ? `; received ${got}` : ''}` };
    }
    default:
      return { path, message: lowerFirst(issue.message.replace(/^Invalid input: /, '')) };
  }
}

/**
 * Explains a zod failure in one line: which field, and why, e.g.
 * `steps[2].event.digit: expected one of "0", ... "#"; received "x"`.
 * `input` is what was parsed (to tell a missing field from a wrong one).
 */
export function describeZodError(error: z.ZodError, input: unknown): string {
  const [first] = error.issues;
  if (!first) return 'invalid';
  const { path, message } = explain(first, input, []);
  const where = formatPath(path);
  const more = error.issues.length - 1;
  return `${where ? `${where}: ` : ''}${message}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}`;
}

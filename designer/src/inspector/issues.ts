import { isWithin, type Path } from './paths.ts';

/** What the inspector reads of a zod issue (the designer does not depend on zod itself). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  expected?: string;
  received?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** What `schema.safeParse` returns, as far as the inspector cares. */
export type ParseResult = { success: true } | { success: false; error: { issues: SchemaIssue[] } };

/**
 * A zod issue in words for the form. Messages written in the schema (such as
 * "expected a date as YYYY-MM-DD") are kept; zod's generic ones are reworded.
 */
export function describeIssue(issue: SchemaIssue): string {
  const generic = /^(Too big|Too small|Invalid input)\b/.test(issue.message);
  if (!generic) return sentence(issue.message);
  const count = (n: number | bigint | undefined) => Number(n ?? 0).toLocaleString('en-US');
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `Use at most ${count(issue.maximum)} characters.`
        : issue.origin === 'array'
          ? `Use at most ${count(issue.maximum)} items.`
          : `Use at most ${count(issue.maximum)}.`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) === 1
          ? 'This cannot be empty.'
          : `Use at least ${count(issue.minimum)} characters.`
        : `Use at least ${count(issue.minimum)}.`;
    case 'invalid_type':
      if (issue.expected === 'int') return 'Enter a whole number.';
      if (issue.expected === 'number') return 'Enter a number.';
      return 'This value is missing or of the wrong kind.';
    default:
      return sentence(issue.message);
  }
}

const sentence = (text: string) => {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
};

/** The first problem the result reports at `path` or inside it, in words; `null` when there is none. */
export function errorAt(result: ParseResult, path: Path): string | null {
  if (result.success) return null;
  const issue = result.error.issues.find((i) => isWithin(i.path, path));
  return issue ? describeIssue(issue) : null;
}

import { i18n } from '../i18n/index.ts';
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
 * "expected a date as YYYY-MM-DD", from `@callbot/shared`, in English) are
 * kept; zod's generic ones are reworded, in the UI language.
 */
export function describeIssue(issue: SchemaIssue): string {
  const generic = /^(Too big|Too small|Invalid input)\b/.test(issue.message);
  if (!generic) return sentence(issue.message);
  const { t } = i18n;
  const max = Number(issue.maximum ?? 0);
  const min = Number(issue.minimum ?? 0);
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? t('inspector.issues.maxCharacters', { max })
        : issue.origin === 'array'
          ? t('inspector.issues.maxItems', { max })
          : t('inspector.issues.max', { max });
    case 'too_small':
      return issue.origin === 'string'
        ? min === 1
          ? t('inspector.issues.empty')
          : t('inspector.issues.minCharacters', { min })
        : t('inspector.issues.min', { min });
    case 'invalid_type':
      if (issue.expected === 'int') return t('inspector.issues.wholeNumber');
      if (issue.expected === 'number') return t('inspector.issues.number');
      return t('inspector.issues.wrongKind');
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

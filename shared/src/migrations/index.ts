import type { Diagnostic } from '../document/diagnostic.ts';
import { CURRENT_SCHEMA_VERSION } from '../document/schema.ts';

/** One step of the chain: turns a document of version `from` into version `from + 1`. */
export interface Migration {
  from: number;
  description: string;
  /** Must return a new object and leave its input untouched. */
  up(doc: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/**
 * The migration chain, append-only: to change the document, bump
 * `CURRENT_SCHEMA_VERSION`, append `{ from: N, ... }` here, and add its test
 * and fixture (see `migrations.test.ts`). Never edit a published step.
 * Version 1 is the first version, so the chain is empty for now.
 */
export const migrations: readonly Migration[] = [];

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown>; from: number }
  | { ok: false; diagnostics: Diagnostic[] };

const refuse = (
  code: string,
  message: string,
  more: Pick<Diagnostic, 'hint' | 'params'> = {},
): MigrateResult => ({
  ok: false,
  diagnostics: [{ severity: 'error', code, message, path: 'schemaVersion', ...more }],
});

/** A value as a user would recognise it in a message; never throws (BigInt, symbols...). */
function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Brings a raw document (already checked to be a plain object) up to
 * `current`, one step at a time. Refuses versions from the future or with no
 * path, rather than guessing.
 */
export function migrate(
  raw: Readonly<Record<string, unknown>>,
  chain: readonly Migration[] = migrations,
  current: number = CURRENT_SCHEMA_VERSION,
): MigrateResult {
  const version = raw.schemaVersion;
  if (version === undefined) {
    return refuse(
      'document.noVersion',
      'This file has no "schemaVersion", so it is not a callbot flow (or it is damaged).',
      { hint: 'Export the flow again from the designer.' },
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(
      'document.badVersion',
      `"schemaVersion" must be a whole number from 1, not ${shown(version)}.`,
      { params: { value: shown(version) } },
    );
  }
  if (version > current) {
    return refuse(
      'document.futureVersion',
      `This flow was made by a newer version of the designer (document version ${version}; this one reads up to ${current}).`,
      {
        hint: 'Update the designer, or export the flow again from the version that made it.',
        params: { version, current },
      },
    );
  }
  let doc: Record<string, unknown> = { ...raw };
  for (let v = version; v < current; v++) {
    const step = chain.find((m) => m.from === v);
    if (!step) {
      return refuse('document.noMigration', `There is no way to upgrade a version ${v} document.`, {
        params: { version: v },
      });
    }
    try {
      doc = { ...step.up(doc), schemaVersion: v + 1 };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return refuse(
        'document.migrationFailed',
        `Upgrading the flow from version ${v} to ${v + 1} failed: ${detail}.`,
        { params: { from: v, to: v + 1, detail } },
      );
    }
  }
  return { ok: true, doc, from: version };
}

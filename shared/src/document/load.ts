import type { z } from 'zod';
import { migrate } from '../migrations/index.ts';
import { nodeKindNames } from '../nodes/index.ts';
import { formatPath, type Diagnostic } from './diagnostic.ts';
import { flowDocumentSchema, LIMITS, type FlowDocument } from './schema.ts';

export type LoadResult =
  | { ok: true; doc: FlowDocument; diagnostics: Diagnostic[]; migratedFrom?: number }
  | { ok: false; doc: null; diagnostics: Diagnostic[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fail = (diagnostics: Diagnostic[]): LoadResult => ({ ok: false, doc: null, diagnostics });

/**
 * Refuses keys that could reach object prototypes, and nesting deeper than
 * any real flow, before anything else reads the input. Iterative, so a
 * hostile document cannot overflow the stack.
 */
function checkShape(input: unknown): Diagnostic[] {
  // Each entry knows its parent: a path is only built for the diagnostic (a large flow has
  // hundreds of thousands of values, and copying a path for each was most of the load time).
  interface Entry {
    value: unknown;
    key: string | number;
    parent: Entry | null;
    depth: number;
  }
  const pathOf = (entry: Entry | null): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let e = entry; e?.parent; e = e.parent) path.push(e.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ value: input, key: '', parent: null, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (value === null || typeof value !== 'object') continue;
    if (depth > LIMITS.maxDepth) {
      const path = pathOf(entry);
      return [
        {
          severity: 'error',
          code: 'document.tooDeep',
          message: `The document is nested deeper than ${LIMITS.maxDepth} levels; no flow looks like that.`,
          params: { max: LIMITS.maxDepth },
          path: formatPath(path),
        },
      ];
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object') {
          stack.push({ value: item, key: i, parent: entry, depth: depth + 1 });
        }
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return [
          {
            severity: 'error',
            code: 'document.forbiddenKey',
            message: `The document contains the key "${key}", which is never part of a flow and is refused for safety.`,
            hint: 'Export the flow again from the designer.',
            params: { key },
            path: formatPath([...pathOf(entry), key]),
          },
        ];
      }
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        stack.push({ value: child, key, parent: entry, depth: depth + 1 });
      }
    }
  }
  return [];
}

/** The id of the node a JSON path points into, read from the raw input. */
function nodeIdAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
  const nodes = (raw as { nodes?: unknown }).nodes;
  const node: unknown = Array.isArray(nodes) ? nodes[path[1]] : undefined;
  const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** The kinds a node may have, from the registry: "greeting, message, … or hangup". */
const expectedKinds = `${nodeKindNames.slice(0, -1).join(', ')} or ${nodeKindNames.at(-1)!}`;

/** zod reports an unknown discriminator as an `invalid_union` on the node itself. */
const isNoMatchingKind = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator';

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      return isNoMatchingKind(issue)
        ? `unknown node kind (expected ${expectedKinds})`
        : issue.message;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

/** Schema issues as diagnostics: which field, and why. */
function schemaDiagnostics(raw: unknown, error: z.ZodError): Diagnostic[] {
  return error.issues.slice(0, 50).map((issue) => {
    const path = issue.path;
    const where = formatPath(path) || 'document';
    const nodeId = nodeIdAt(raw, path);
    return {
      severity: 'error' as const,
      code: 'schema',
      message: `${where}: ${describeIssue(issue)}.`,
      path: where,
      ...(nodeId !== undefined && { nodeId }),
    };
  });
}

/**
 * Reads any value as a flow document: refuses hostile shapes, migrates older
 * versions, and parses through the schema into fresh objects. Never throws;
 * everything wrong comes back as diagnostics.
 */
export function loadFlow(input: unknown): LoadResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail([
      {
        severity: 'error',
        code: 'document.notObject',
        message:
          'A flow must be a JSON object with "schemaVersion", "settings", "nodes" and "layout".',
      },
    ]);
  }
  const shape = checkShape(input);
  if (shape.length > 0) return fail(shape);

  const migrated = migrate(input as Record<string, unknown>);
  if (!migrated.ok) return fail(migrated.diagnostics);

  const parsed = flowDocumentSchema.safeParse(migrated.doc);
  if (!parsed.success) return fail(schemaDiagnostics(migrated.doc, parsed.error));
  return {
    ok: true,
    doc: parsed.data,
    diagnostics: [],
    ...(migrated.from !== parsed.data.schemaVersion && { migratedFrom: migrated.from }),
  };
}

/** Size of a text in UTF-8, counted without encoding it (no TextEncoder in the ES library). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const megabytes = (bytes: number, digits: number) => (bytes / 1024 / 1024).toFixed(digits);

/** Reads a flow from JSON text (a file, a paste, a drop), with a size limit in UTF-8 bytes. */
export function parseFlowJson(text: string, maxBytes: number = LIMITS.maxBytes): LoadResult {
  // A UTF-16 unit is 1 to 3 bytes: count only when the answer is in doubt.
  const certain = text.length > maxBytes || text.length * 3 <= maxBytes;
  const bytes = certain ? text.length : utf8Length(text);
  if (bytes > maxBytes) {
    return fail([
      {
        severity: 'error',
        code: 'document.tooLarge',
        message: `The file is ${megabytes(bytes, 1)} MB; flows are at most ${megabytes(maxBytes, 0)} MB.`,
        params: { size: megabytes(bytes, 1), max: megabytes(maxBytes, 0) },
      },
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    return fail([
      {
        severity: 'error',
        code: 'document.invalidJson',
        message: `The file is not valid JSON (${detail}).`,
        params: { detail },
      },
    ]);
  }
  return loadFlow(raw);
}

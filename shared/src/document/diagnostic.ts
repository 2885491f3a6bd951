/**
 * A finding about a flow, written for the business user who drew it.
 * Every check of the product (schema, validation, compiler) speaks this one shape.
 */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `menu.duplicateKey`. */
  code: string;
  /** What is wrong, in words a business user understands. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /**
   * The values the message names (ids, keys, times…), so that a UI can say
   * the same diagnostic in another language from its `code`.
   */
  params?: Readonly<Record<string, string | number>>;
  /** The node concerned, when there is one. */
  nodeId?: string;
  /** The output port concerned, when there is one. */
  port?: string;
  /** Where in the JSON document, e.g. `nodes[3].data.options[0].key`. */
  path?: string;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** Formats a JSON path such as `['nodes', 3, 'data']` as `nodes[3].data`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

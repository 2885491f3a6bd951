/**
 * A rule's refusal: a stable `code` the UI translates (with `params`), and
 * an English `message` for logs, tests and the CLI. Rules never throw for
 * what a user did; they refuse.
 */
export interface Refusal<Code extends string = string> {
  ok: false;
  code: Code;
  message: string;
  params?: Readonly<Record<string, string | number>>;
}

export const refuse = <Code extends string>(
  code: Code,
  message: string,
  params?: Readonly<Record<string, string | number>>,
): Refusal<Code> =>
  params === undefined ? { ok: false, code, message } : { ok: false, code, message, params };

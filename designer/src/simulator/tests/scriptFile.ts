import { scriptSchema, type Script } from '@callbot/runtime';
import { foldForSearch } from '../../persistence/index.ts';
import type { TestCase } from './testCase.ts';

/** The moment a script without `startAt` is replayed at (the simulator's default clock, epoch 0). */
const REPLAY_EPOCH = new Date(0).toISOString();

export interface ScriptFile {
  /** e.g. `vendas-sem-agentes.script.json` */
  fileName: string;
  /** Pretty JSON, the SCRIPT that `callbot simulate FLOW.json SCRIPT.json` reads. */
  text: string;
}

/**
 * A test case's script as a file for `callbot simulate`: with the flow
 * exported beside it, the command prints the test case's transcript. The
 * moment of the call is always written, so the command does not run it now.
 */
export function scriptFileOf(testCase: Pick<TestCase, 'name' | 'script'>): ScriptFile {
  const slug = foldForSearch(testCase.name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const script: Script = { ...testCase.script, startAt: testCase.script.startAt ?? REPLAY_EPOCH };
  return {
    fileName: `${slug || 'test-case'}.script.json`,
    text: `${JSON.stringify(script, null, 2)}\n`,
  };
}

export type ParsedScript = { ok: true; script: Script } | { ok: false; why: string };

/** A script file's text (the call-protocol format) through `scriptSchema`. */
export function parseScriptFile(text: string): ParsedScript {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : 'not JSON' };
  }
  const parsed = scriptSchema.safeParse(json);
  if (parsed.success) return { ok: true, script: parsed.data };
  return {
    ok: false,
    why: parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'script'}: ${issue.message}`)
      .join('; '),
  };
}

import { scriptSchema, simulateCall, type Script, type TraceLine } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import type { TestCaseRecord } from '../../persistence/index.ts';
import { diffLines, normalizeTranscript, transcriptSchema, type DiffLine } from './transcript.ts';

/** A simulated call kept as a test of its flow, read back and checked. */
export interface TestCase {
  id: number;
  flowId: string;
  name: string;
  /** The call-protocol script that replays the call. */
  script: Script;
  /** What the call produced when it was saved: what every run must reproduce. */
  transcript: TraceLine[];
  createdAt: number;
  flowRevision: number;
}

/** A stored test case, or why it cannot be read (written by another version of the designer, or damaged). */
export type ReadTestCase =
  { ok: true; testCase: TestCase } | { ok: false; id: number; name: string; why: string };

/** Reads a stored test case through the script and transcript schemas. */
export function readTestCase(record: TestCaseRecord): ReadTestCase {
  const script = scriptSchema.safeParse(record.script);
  const transcript = transcriptSchema.safeParse(record.transcript);
  if (script.success && transcript.success) {
    return {
      ok: true,
      testCase: { ...record, script: script.data, transcript: transcript.data },
    };
  }
  const issue = (script.error ?? transcript.error)?.issues[0];
  const where = script.success ? 'transcript' : 'script';
  return {
    ok: false,
    id: record.id,
    name: record.name,
    why: `${where}${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? ''}`,
  };
}

export interface TestRun {
  passed: boolean;
  /** Expected (stored) against actual transcript, normalised; empty when the call could not run. */
  diff: DiffLine[];
  /** Why the call could not run at all (e.g. the flow has errors). */
  error?: string;
  /** The transcript this run produced. */
  actual: TraceLine[];
}

/**
 * Replays a test case's script on a flow document, in virtual time, and
 * compares the transcript with the stored one (`normalizeTranscript`): it
 * passes when every line is the same.
 *
 * @example
 * const run = runTestCase(doc, testCase);
 * if (!run.passed) console.log(run.diff.filter((l) => l.op !== 'same'));
 */
export function runTestCase(
  flowDoc: FlowDocument,
  testCase: Pick<TestCase, 'script' | 'transcript'>,
): TestRun {
  let actual: TraceLine[];
  try {
    actual = simulateCall(flowDoc, testCase.script).lines;
  } catch (error) {
    return {
      passed: false,
      diff: [],
      error: error instanceof Error ? error.message : String(error),
      actual: [],
    };
  }
  const diff = diffLines(normalizeTranscript(testCase.transcript), normalizeTranscript(actual));
  return { passed: diff.every((line) => line.op === 'same'), diff, actual };
}

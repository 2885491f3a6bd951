import Dexie from 'dexie';
import type { DesignerDb, TestCaseRecord } from './db.ts';
import { DuplicateTestCaseNameError, FlowNotFoundError } from './errors.ts';
import { uniqueName } from './names.ts';

/** What saving a test case needs; the store adds its id and time. */
export interface NewTestCase {
  name: string;
  script: unknown;
  transcript: unknown;
  flowRevision: number;
}

/** The test cases of flows: saved simulated calls (see `simulator/tests/`). */
export interface TestCaseStore {
  /**
   * Keeps a simulated call as a test of the flow. Throws `FlowNotFoundError` for a flow that is gone,
   * `DuplicateTestCaseNameError` for a name the flow's test cases have already (`uniqueName: true`
   * takes the first free "<name> (2)" instead, e.g. for an imported script).
   */
  saveTestCase(
    flowId: string,
    testCase: NewTestCase,
    options?: { uniqueName?: boolean },
  ): Promise<TestCaseRecord>;
  /** The flow's test cases, oldest first. */
  listTestCases(flowId: string): Promise<TestCaseRecord[]>;
  /** False when the test case is gone (deleted in another tab); `DuplicateTestCaseNameError` for a name taken. */
  renameTestCase(id: number, name: string): Promise<boolean>;
  /**
   * Re-records what a test case expects (its transcript and the revision it
   * was recorded on) and returns what it expected before, so the change can be
   * undone by writing that back; null when the test case is gone.
   */
  rerecordTestCase(id: number, recording: TestCaseRecording): Promise<TestCaseRecording | null>;
  /** Deleting one that is gone already is not an error. */
  deleteTestCase(id: number): Promise<void>;
}

/** What a test case expects: the transcript, and the flow revision it was recorded on. */
export type TestCaseRecording = Pick<TestCaseRecord, 'transcript' | 'flowRevision'>;

export const MAX_TEST_CASE_NAME_LENGTH = 120;

/** A test case's name, trimmed; a `RangeError` when empty or too long. */
export function checkTestCaseName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_TEST_CASE_NAME_LENGTH) {
    throw new RangeError(
      `A test case needs a name of 1 to ${MAX_TEST_CASE_NAME_LENGTH} characters.`,
    );
  }
  return trimmed;
}

/**
 * The test-case half of the flow repository, over the same database. Deleting
 * a flow deletes its test cases (in `repository.ts`, in one transaction).
 * `run` turns Dexie failures into `StorageError`s; a bad name throws a
 * `RangeError` before anything is read.
 */
export function createTestCaseStore(
  db: DesignerDb,
  now: () => number,
  run: <T>(operation: () => Promise<T>) => Promise<T>,
): TestCaseStore {
  /** The names of a flow's test cases, but for the one being renamed. */
  const namesOf = async (flowId: string, except?: number) =>
    (await db.testCases.where('flowId').equals(flowId).toArray())
      .filter((r) => r.id !== except)
      .map((r) => r.name);

  return {
    saveTestCase: async (flowId, testCase, options = {}) => {
      const wanted = checkTestCaseName(testCase.name);
      return run(() =>
        db.transaction('rw', db.flows, db.testCases, async () => {
          if (!(await db.flows.get(flowId))) throw new FlowNotFoundError(flowId);
          const taken = await namesOf(flowId);
          const name = uniqueName(wanted, taken, MAX_TEST_CASE_NAME_LENGTH);
          if (name !== wanted && !options.uniqueName) {
            throw new DuplicateTestCaseNameError(wanted, name);
          }
          const record: Omit<TestCaseRecord, 'id'> = {
            flowId,
            name,
            script: testCase.script,
            transcript: testCase.transcript,
            flowRevision: testCase.flowRevision,
            createdAt: now(),
          };
          return { ...record, id: await db.testCases.add(record) };
        }),
      );
    },

    listTestCases: (flowId) =>
      run(() =>
        db.testCases
          .where('[flowId+createdAt]')
          .between([flowId, Dexie.minKey], [flowId, Dexie.maxKey])
          .toArray(),
      ),

    renameTestCase: async (id, name) => {
      const checked = checkTestCaseName(name);
      return run(() =>
        db.transaction('rw', db.testCases, async () => {
          const record = await db.testCases.get(id);
          if (!record) return false;
          const others = await namesOf(record.flowId, id);
          const free = uniqueName(checked, others, MAX_TEST_CASE_NAME_LENGTH);
          if (free !== checked) throw new DuplicateTestCaseNameError(checked, free);
          return (await db.testCases.update(id, { name: checked })) > 0;
        }),
      );
    },

    rerecordTestCase: (id, recording) =>
      run(() =>
        db.transaction('rw', db.testCases, async () => {
          const record = await db.testCases.get(id);
          if (!record) return null;
          await db.testCases.update(id, {
            transcript: recording.transcript,
            flowRevision: recording.flowRevision,
          });
          return { transcript: record.transcript, flowRevision: record.flowRevision };
        }),
      ),

    deleteTestCase: (id) => run(() => db.testCases.delete(id)),
  };
}

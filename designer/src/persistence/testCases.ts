import Dexie from 'dexie';
import type { DesignerDb, TestCaseRecord } from './db.ts';
import { FlowNotFoundError } from './errors.ts';

/** What saving a test case needs; the store adds its id and time. */
export interface NewTestCase {
  name: string;
  script: unknown;
  transcript: unknown;
  flowRevision: number;
}

/** The test cases of flows: saved simulated calls (see `simulator/tests/`). */
export interface TestCaseStore {
  /** Keeps a simulated call as a test of the flow. Throws `FlowNotFoundError` for a flow that is gone. */
  saveTestCase(flowId: string, testCase: NewTestCase): Promise<TestCaseRecord>;
  /** The flow's test cases, oldest first. */
  listTestCases(flowId: string): Promise<TestCaseRecord[]>;
  /** False when the test case is gone (deleted in another tab). */
  renameTestCase(id: number, name: string): Promise<boolean>;
  /** Deleting one that is gone already is not an error. */
  deleteTestCase(id: number): Promise<void>;
}

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
  return {
    saveTestCase: async (flowId, testCase) => {
      const name = checkTestCaseName(testCase.name);
      return run(() =>
        db.transaction('rw', db.flows, db.testCases, async () => {
          if (!(await db.flows.get(flowId))) throw new FlowNotFoundError(flowId);
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
      return run(async () => (await db.testCases.update(id, { name: checked })) > 0);
    },

    deleteTestCase: (id) => run(() => db.testCases.delete(id)),
  };
}

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  FlowNotFoundError,
  InvalidFlowError,
  RevisionConflictError,
  StorageError,
  toStorageError,
} from './errors.ts';

const kindOf = (error: unknown) => {
  const wrapped = toStorageError(error);
  return wrapped instanceof StorageError ? wrapped.kind : wrapped.name;
};

describe('toStorageError', () => {
  it('sorts Dexie and DOM failures by what the user can do', () => {
    expect(kindOf(new Dexie.QuotaExceededError())).toBe('quota');
    expect(kindOf(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    // A transaction aborted because the disk is full.
    expect(
      kindOf(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError'))),
    ).toBe('quota');
    expect(kindOf(new Dexie.DatabaseClosedError())).toBe('closed');
    expect(kindOf(new DOMException('gone', 'InvalidStateError'))).toBe('closed');
    expect(kindOf(new Dexie.OpenFailedError(new DOMException('newer', 'VersionError')))).toBe(
      'blocked',
    );
    expect(kindOf(new Dexie.VersionError())).toBe('blocked');
    expect(kindOf(new Dexie.UnknownError())).toBe('unknown');
    expect(kindOf('a string')).toBe('unknown');
    expect(kindOf(null)).toBe('unknown');
  });

  it('keeps the original error as the cause, and says what to do', () => {
    const original = new Dexie.QuotaExceededError();
    const wrapped = toStorageError(original) as StorageError;
    expect(wrapped.cause).toBe(original);
    expect(wrapped.name).toBe('StorageError');
    expect(wrapped.message).toMatch(/export the flow/);
    for (const kind of ['quota', 'blocked', 'closed', 'unknown'] as const) {
      expect(new StorageError(kind).message.length).toBeGreaterThan(40);
    }
  });

  it('explains a browser without IndexedDB', () => {
    const wrapped = toStorageError(new Dexie.MissingAPIError()) as StorageError;
    expect(wrapped.kind).toBe('unknown');
    expect(wrapped.message).toMatch(/private window/);
  });

  it('passes the persistence errors through unchanged', () => {
    const own = [
      new StorageError('quota'),
      new RevisionConflictError('f', 1, 2),
      new FlowNotFoundError('f'),
      new InvalidFlowError([{ severity: 'error', code: 'x', message: 'Bad.' }]),
    ];
    for (const error of own) expect(toStorageError(error)).toBe(error);
  });
});

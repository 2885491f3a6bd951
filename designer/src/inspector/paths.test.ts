import { describe, expect, it } from 'vitest';
import { nodeKinds } from '@callbot/shared';
import { describeIssue, errorAt } from './issues.ts';
import { getIn, setIn } from './paths.ts';

describe('paths', () => {
  const data = { options: [{ id: 'a', key: '1' }], noInput: { repeats: 2, message: 'Oi' } };

  it('reads and writes inside objects and arrays, sharing what did not change', () => {
    expect(getIn(data, ['options', 0, 'key'])).toBe('1');
    expect(getIn(data, ['options', 3, 'key'])).toBeUndefined();
    const next = setIn(data, ['options', 0, 'key'], '2') as typeof data;
    expect(next.options[0]).toEqual({ id: 'a', key: '2' });
    expect(next.noInput).toBe(data.noInput);
    expect(data.options[0]!.key).toBe('1');
  });

  it('removes a key set to undefined, so optional fields leave no trace', () => {
    const next = setIn(data, ['noInput', 'message'], undefined);
    expect(next).toEqual({ options: data.options, noInput: { repeats: 2 } });
    expect(JSON.stringify(next)).not.toContain('message');
  });

  it('does not read inherited properties', () => {
    expect(getIn({}, ['constructor'])).toBeUndefined();
  });
});

describe('issues', () => {
  const menu = nodeKinds.menu.defaults('en');
  const check = (candidate: unknown, path: (string | number)[]) =>
    errorAt(nodeKinds.menu.dataSchema.safeParse(candidate), path);

  it('rewords zod’s generic messages for a business user', () => {
    expect(check({ ...menu, noInput: { repeats: 2, timeoutMs: 10 } }, ['noInput'])).toBe(
      'Use at least 1,000.',
    );
    expect(check({ ...menu, noInput: { repeats: 1.5 } }, ['noInput', 'repeats'])).toBe(
      'Enter a whole number.',
    );
    expect(check({ ...menu, noInput: { repeats: NaN } }, ['noInput', 'repeats'])).toBe(
      'Enter a number.',
    );
    expect(check({ ...menu, prompt: 'x'.repeat(2001) }, ['prompt'])).toBe(
      'Use at most 2,000 characters.',
    );
  });

  it('keeps messages written in the schema, as a sentence', () => {
    expect(
      describeIssue({ code: 'invalid_format', path: [], message: 'expected a date as YYYY-MM-DD' }),
    ).toBe('Expected a date as YYYY-MM-DD.');
  });

  it('finds nothing at a path that is fine', () => {
    expect(check({ ...menu, prompt: 'x'.repeat(2001) }, ['options'])).toBeNull();
  });
});

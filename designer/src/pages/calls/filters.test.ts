import { describe, expect, it } from 'vitest';
import { callListQuerySchema } from '@callbot/shared';
import { apiQuery, defaultFilters, readFilters, writeFilters } from './filters.ts';

describe('the calls filters in the URL', () => {
  it('round-trips every filter, the sort and the page', () => {
    const filters = {
      callbot: 'reception',
      version: 3,
      line: 'line-1',
      channel: 'whatsapp' as const,
      direction: 'inbound' as const,
      outcome: 'caller_hung_up',
      from: '2026-12-01',
      to: '2026-12-07',
      sort: 'duration' as const,
      order: 'asc' as const,
      cursor: 'abc',
    };
    expect(readFilters(writeFilters(filters))).toEqual(filters);
  });

  it('keeps a plain list’s URL empty, and drops values that do not read', () => {
    expect(writeFilters(defaultFilters)).toBe('');
    expect(
      readFilters('channel=fax&version=-2&outcome=maybe&from=yesterday&sort=caller&order=up'),
    ).toEqual(defaultFilters);
  });

  it('asks the server with instants the server’s own schema accepts, the last day included', () => {
    const q = apiQuery({ ...defaultFilters, from: '2026-12-01', to: '2026-12-01', cursor: 'c' });
    const parsed = callListQuerySchema.parse(Object.fromEntries(q));
    expect(Date.parse(parsed.to!) - Date.parse(parsed.from!)).toBe(86_400_000);
    expect(parsed.cursor).toBe('c');
    expect(apiQuery({ ...defaultFilters, cursor: 'c' }, false).has('cursor')).toBe(false);
  });
});

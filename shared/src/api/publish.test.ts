import { describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  lineRequestSchema,
  publishedSchema,
  publishRequestSchema,
  teamRequestSchema,
} from './publish.ts';

describe('the publish API contract', () => {
  it('refuses request fields it does not know, naming them, and bad values', () => {
    const unknown = lineRequestSchema.safeParse({ callbot: 'recepcao', version: 1, force: true });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toMatch(/force/);
    expect(lineRequestSchema.safeParse({ callbot: 'Recepção', version: 1 }).success).toBe(false);
    expect(publishRequestSchema.safeParse({ flow: {}, note: 'x'.repeat(501) }).success).toBe(false);
    expect(teamRequestSchema.safeParse({ target: 'vendas', agentsAvailable: -1 }).success).toBe(
      false,
    );
  });

  it('reads answers leniently: a newer server may add fields', () => {
    const published = publishedSchema.parse({
      callbot: 'recepcao',
      version: 2,
      fingerprint: 'abc',
      note: '',
      createdAt: '2026-12-07T12:00:00.000Z',
      diagnostics: [{ severity: 'warning', code: 'text.long', message: 'Long.' }],
      addedLater: true,
    });
    expect(published).not.toHaveProperty('addedLater');
    const refusal = apiErrorSchema.parse({
      error: 'R3.lineHasCallbot',
      message: 'Taken.',
      current: { number: '+551130000000', callbot: 'a', version: 1, assignedAt: 'now' },
    });
    expect(refusal.current?.callbot).toBe('a');
  });
});

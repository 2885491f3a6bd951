import { describe, expect, it } from 'vitest';
import {
  collectionKey,
  flowSaveRequestSchema,
  revisionConflictSchema,
  serverWorkspaceSettingsSchema,
  workspaceEventSchema,
} from './workspace.ts';

describe('the workspace API contract', () => {
  it('refuses a save without its base revision, or with a field it does not know, naming it', () => {
    const missing = flowSaveRequestSchema.safeParse({ doc: {} });
    expect(missing.error?.issues[0]?.path).toEqual(['baseRevision']);
    const unknown = flowSaveRequestSchema.safeParse({ baseRevision: 1, doc: {}, force: true });
    expect(unknown.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['force'] });
  });

  it('reads a revision conflict as the server sends it, a newer server’s fields ignored', () => {
    const body = {
      error: 'revision_conflict',
      message: 'Ana saved this flow (revision 3) since revision 2; nothing was written.',
      revision: 3,
      updatedBy: { name: 'Ana' },
      updatedAt: '2026-12-07T12:00:00.000Z',
      hint: 'added later',
    };
    expect(revisionConflictSchema.parse(body)).toEqual({
      error: 'revision_conflict',
      message: body.message,
      revision: 3,
      updatedBy: { name: 'Ana' },
      updatedAt: body.updatedAt,
    });
  });

  it('keeps the default callbot’s language among the ones it can speak', () => {
    const settings = { timeZone: 'America/Sao_Paulo', country: 'BR' };
    expect(
      serverWorkspaceSettingsSchema.safeParse({ ...settings, defaultCallbotLanguage: 'es' })
        .success,
    ).toBe(true);
    const wrong = serverWorkspaceSettingsSchema.safeParse({
      ...settings,
      defaultCallbotLanguage: 'fr',
    });
    expect(wrong.error?.issues[0]).toMatchObject({
      path: ['defaultCallbotLanguage'],
      message: 'expected pt-BR, es or en',
    });
  });

  it('reads the events of the changes stream, and knows a permission by its number', () => {
    const change = {
      type: 'change',
      table: 'teams',
      id: 'vendas',
      revision: 2,
      deleted: false,
      by: { id: 'u1', name: 'Ana' },
    };
    expect(workspaceEventSchema.parse(change)).toEqual(change);
    expect(workspaceEventSchema.safeParse({ ...change, table: 'users' }).success).toBe(false);
    expect(collectionKey('permissions')).toBe('number');
    expect(collectionKey('teams')).toBe('id');
  });
});

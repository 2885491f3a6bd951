/**
 * The workspace's prices (`/api/workspaces/:ws/prices`, contract in
 * `shared/src/api/records.ts`): viewers read them, editors replace them.
 * They are one of the workspace's settings, so a write takes the settings'
 * revision (`If-Match`) and leaves the other settings as they are.
 */
import { pricesRequestSchema } from '@callbot/shared';
import type { Member, WorkspaceRoute } from './routes.ts';
import { parseOr, type Change, type WorkspaceStore } from './store.ts';

export function priceRoutes(
  store: WorkspaceStore,
  tell: (ws: string, member: Member, changes: Change[]) => Promise<void>,
): WorkspaceRoute[] {
  const path = '/api/workspaces/:ws/prices';
  return [
    {
      method: 'GET',
      path,
      minRole: 'viewer',
      async handle({ ws }) {
        const { settings, revision } = await store.getSettings(ws);
        return { status: 200, body: { priceTable: settings.priceTable ?? null, revision } };
      },
    },
    {
      method: 'PUT',
      path,
      minRole: 'editor',
      async handle({ ws, body, member, baseRevision }) {
        const { priceTable } = parseOr(pricesRequestSchema, body, 'The prices');
        const { settings: current, revision: stored } = await store.getSettings(ws);
        const { priceTable: _old, ...rest } = current;
        // Without If-Match the write is made on the settings read just now (the others are kept).
        const { settings, revision, changes } = await store.putSettings(
          ws,
          priceTable === null ? rest : { ...rest, priceTable },
          { id: member.userId, name: member.name },
          baseRevision ?? stored,
        );
        await tell(ws, member, changes);
        return { status: 200, body: { priceTable: settings.priceTable ?? null, revision } };
      },
    },
  ];
}

import { examples } from '@callbot/runtime';
import type { WorkspaceRepository } from '../../persistence/index.ts';
import { createTestWorkspace } from '../../persistence/testing.ts';

/**
 * A workspace in an in-memory IndexedDB for stories: two teams (Recepção
 * the default), a named schedule used by the reception example, and the
 * example marked as a callbot.
 */
export async function storyWorkspace(): Promise<{
  workspace: WorkspaceRepository;
  scheduleId: string;
}> {
  const { workspace, db } = createTestWorkspace();
  await workspace.createTeam({ name: 'Recepção', agents: 3 });
  await workspace.createTeam({ name: 'Vendas', agents: 2 });
  const schedule = await workspace.createSchedule({
    name: 'Loja',
    timeZone: 'America/Sao_Paulo',
    weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
      day,
      start: '09:00',
      end: '18:00',
    })),
    holidays: [{ date: '2026-12-25', name: 'Natal' }],
  });
  const doc = structuredClone(examples.reception);
  doc.nodes = doc.nodes.map((n) =>
    n.kind === 'schedule' ? { ...n, data: { ...n.data, scheduleId: schedule.id } } : n,
  );
  await db.flows.add({
    id: 'reception',
    name: doc.settings.name,
    doc,
    revision: 1,
    createdAt: 1,
    updatedAt: 1,
    callbot: true,
  });
  return { workspace, scheduleId: schedule.id };
}

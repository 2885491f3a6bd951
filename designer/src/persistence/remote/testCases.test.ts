import { describe, expect, it, vi } from 'vitest';
import type { RemoteError } from './api.ts';
import { testCaseKey } from './keys.ts';
import { FakeWorkspaceServer, openBrowser } from './testing.ts';

const ana = { id: 'u-ana', name: 'Ana' };
const tina = { id: 'u-tina', name: 'Tina' };

const script = {
  call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
  steps: [],
};
const recorded = (name: string) => ({ name, script, transcript: [{ at: 0 }], flowRevision: 1 });

/** A flow Ana made and sent, and Tina's browser on the same workspace. */
async function flowOnServer() {
  const server = new FakeWorkspaceServer();
  const editor = openBrowser(server, ana);
  const flow = await editor.repo.create('Recepção');
  await editor.outbox.flush();
  const trainer = openBrowser(server, tina);
  await trainer.repo.list();
  return { server, editor, trainer, flow };
}

describe('test cases in a server workspace', () => {
  it('are saved on the server by a trainer and listed in another browser', async () => {
    const { server, editor, trainer, flow } = await flowOnServer();
    const saved = await trainer.repo.saveTestCase(flow.id, recorded('Fora do horário'));
    expect(saved.serverId).toBeDefined();
    expect([...(server.tests.get(flow.id)?.values() ?? [])]).toEqual([
      expect.objectContaining({ name: 'Fora do horário', updatedBy: tina }),
    ]);

    const listed = await editor.repo.listTestCases(flow.id);
    expect(listed.map((t) => [t.name, t.script, t.transcript])).toEqual([
      ['Fora do horário', script, [{ at: 0 }]],
    ]);
  });

  it('saved while an older list of them was on its way stay listed', async () => {
    const { server, trainer, flow } = await flowOnServer();
    let answer: (() => void) | null = null;
    server.beforeReadAnswer = () => new Promise<void>((resolve) => (answer = resolve));
    const listing = trainer.repo.listTestCases(flow.id);
    await vi.waitFor(() => expect(answer).not.toBeNull());
    server.beforeReadAnswer = () => Promise.resolve();
    // Saved on the server at once, while the list (read before) is still on its way.
    await trainer.repo.saveTestCase(flow.id, recorded('Fora do horário'));
    expect(server.tests.get(flow.id)?.size).toBe(1);
    answer!();
    expect((await listing).map((t) => t.name)).toEqual(['Fora do horário']);
    expect((await trainer.repo.listTestCases(flow.id)).map((t) => t.name)).toEqual([
      'Fora do horário',
    ]);
  });

  it('follow renames, re-recordings and deletions made in another browser', async () => {
    const { editor, trainer, flow } = await flowOnServer();
    const saved = await trainer.repo.saveTestCase(flow.id, recorded('Vendas'));
    const [mine] = await editor.repo.listTestCases(flow.id);

    expect(await trainer.repo.renameTestCase(saved.id, 'Vendas à noite')).toBe(true);
    await trainer.repo.rerecordTestCase(saved.id, { transcript: [{ at: 5 }], flowRevision: 2 });
    expect(await editor.repo.listTestCases(flow.id)).toEqual([
      expect.objectContaining({
        id: mine!.id,
        name: 'Vendas à noite',
        transcript: [{ at: 5 }],
        flowRevision: 2,
      }),
    ]);

    await trainer.repo.deleteTestCase(saved.id);
    expect(await editor.repo.listTestCases(flow.id)).toEqual([]);
  });

  it('saved while the server is unreachable wait in the outbox, stay listed, and are sent once it is back', async () => {
    const { server, editor, trainer, flow } = await flowOnServer();
    await trainer.repo.saveTestCase(flow.id, recorded('Um'));
    server.online = false;
    expect((await trainer.repo.listTestCases(flow.id)).map((t) => t.name)).toEqual(['Um']);

    // Kept, not refused: the outbox holds it ("offline — 1 change waiting").
    const kept = await trainer.repo.saveTestCase(flow.id, recorded('Dois'));
    await trainer.outbox.flush();
    expect(trainer.outbox.state).toMatchObject({ offline: true, waiting: 1 });
    expect((await trainer.repo.listTestCases(flow.id)).map((t) => t.name)).toEqual(['Um', 'Dois']);
    expect([...server.tests.get(flow.id)!.values()].map((t) => t.name)).toEqual(['Um']);

    // The server is back: the retry sends it, and the list, read from the server, keeps it.
    server.online = true;
    trainer.scheduler.runNext();
    await trainer.outbox.flush();
    expect(trainer.outbox.state).toMatchObject({ offline: false, waiting: 0 });
    expect(server.tests.get(flow.id)!.get(kept.serverId!)).toEqual(
      expect.objectContaining({ name: 'Dois', updatedBy: tina }),
    );
    expect((await editor.repo.listTestCases(flow.id)).map((t) => t.name)).toEqual(['Um', 'Dois']);
    expect((await trainer.repo.listTestCases(flow.id)).map((t) => t.name)).toEqual(['Um', 'Dois']);
  });

  it('renamed and deleted while the server is unreachable: a list read meanwhile keeps them as this browser has them', async () => {
    const { server, trainer, flow } = await flowOnServer();
    const one = await trainer.repo.saveTestCase(flow.id, recorded('Um'));
    const two = await trainer.repo.saveTestCase(flow.id, recorded('Dois'));
    server.online = false;
    expect(await trainer.repo.renameTestCase(one.id, 'Um à noite')).toBe(true);
    await trainer.repo.deleteTestCase(two.id);
    await trainer.outbox.flush();
    expect(trainer.outbox.state).toMatchObject({ offline: true, waiting: 2 });

    // The server answers lists again before the outbox's retry: the waiting changes are not undone.
    server.online = true;
    expect((await trainer.repo.listTestCases(flow.id)).map((t) => t.name)).toEqual(['Um à noite']);
    await trainer.outbox.flush();
    expect(trainer.outbox.state.waiting).toBe(0);
    expect([...server.tests.get(flow.id)!.values()].map((t) => t.name)).toEqual(['Um à noite']);
  });

  it('of a flow created while the server is unreachable are sent after the flow', async () => {
    const server = new FakeWorkspaceServer();
    const editor = openBrowser(server, ana);
    server.online = false;
    const flow = await editor.repo.create('Feita sem servidor');
    const saved = await editor.repo.saveTestCase(flow.id, recorded('Caso'));
    expect(editor.outbox.state).toMatchObject({ offline: true, waiting: 2 });

    server.online = true;
    await editor.outbox.flush();
    expect(editor.outbox.state).toMatchObject({ offline: false, waiting: 0, refused: [] });
    expect(server.tests.get(flow.id)!.get(saved.serverId!)).toEqual(
      expect.objectContaining({ name: 'Caso', flowId: flow.id }),
    );
  });

  it('saved offline and refused once the server is back (the name was taken meanwhile): said, and dropped on reload', async () => {
    const { server, editor, trainer, flow } = await flowOnServer();
    server.online = false;
    const mine = await trainer.repo.saveTestCase(flow.id, recorded('Vendas'));
    await trainer.outbox.flush();
    server.online = true;
    await editor.repo.saveTestCase(flow.id, recorded('Vendas'));

    await trainer.outbox.flush();
    const key = testCaseKey(mine.serverId!);
    expect(trainer.outbox.state.refused).toEqual([
      { flowId: key, message: 'This flow already has "Vendas".' },
    ]);
    expect(await trainer.workspace.sync.describe(key)).toEqual({
      collection: 'tests',
      name: 'Vendas',
    });

    await trainer.workspace.sync.reload(key);
    expect(trainer.outbox.state).toMatchObject({ waiting: 0, refused: [] });
    expect(await trainer.repo.listTestCases(flow.id)).toEqual([
      expect.not.objectContaining({ serverId: mine.serverId }),
    ]);
  });

  it('keeps the cache as the server has it when the server refuses a rename', async () => {
    const { server, trainer, flow } = await flowOnServer();
    const one = await trainer.repo.saveTestCase(flow.id, recorded('Um'));
    // Someone else took the name on the server meanwhile (this browser has not listed it yet).
    server.tests.get(flow.id)!.set('other', {
      ...recorded('Dois'),
      id: 'other',
      flowId: flow.id,
      updatedAt: '2026-12-07T15:00:00Z',
      updatedBy: ana,
    });
    const refused = await trainer.repo.renameTestCase(one.id, 'dois').catch((e: unknown) => e);
    expect((refused as RemoteError).kind).toBe('conflict');
    expect((await trainer.repo.listTestCases(flow.id)).map((t) => t.name).sort()).toEqual([
      'Dois',
      'Um',
    ]);
  });
});

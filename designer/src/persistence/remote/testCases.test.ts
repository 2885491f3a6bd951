import { describe, expect, it } from 'vitest';
import { RemoteError } from './api.ts';
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

  it('are read from the cache while the server is unreachable; a save then is refused and not kept', async () => {
    const { server, trainer, flow } = await flowOnServer();
    await trainer.repo.saveTestCase(flow.id, recorded('Um'));
    server.online = false;
    expect((await trainer.repo.listTestCases(flow.id)).map((t) => t.name)).toEqual(['Um']);

    const refused = await trainer.repo
      .saveTestCase(flow.id, recorded('Dois'))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RemoteError);
    expect((refused as RemoteError).kind).toBe('unreachable');
    expect((await trainer.repo.listTestCases(flow.id)).map((t) => t.name)).toEqual(['Um']);

    server.online = true;
    expect((await trainer.repo.listTestCases(flow.id)).map((t) => t.name)).toEqual(['Um']);
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

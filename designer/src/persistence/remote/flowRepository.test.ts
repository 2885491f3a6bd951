import { describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '@callbot/shared';
import { FakeWorkspaceServer, openBrowser } from './testing.ts';

const ana = { id: 'u-ana', name: 'Ana' };
const bruno = { id: 'u-bruno', name: 'Bruno' };

/** The flow document with one more message node. */
function withMessage(doc: FlowDocument, id: string, text: string): FlowDocument {
  return {
    ...doc,
    nodes: [...doc.nodes, { id, kind: 'message', data: { text }, connections: {} }],
  };
}

const texts = (doc: unknown) =>
  (doc as FlowDocument).nodes.flatMap((n) => (n.kind === 'message' ? [n.data.text] : []));

describe('the server-backed flow repository', () => {
  it('creates a flow on the server and reads it back in another browser', async () => {
    const server = new FakeWorkspaceServer();
    const first = openBrowser(server, ana);
    const flow = await first.repo.create('Recepção');
    await first.outbox.flush();
    expect(server.flows.get(flow.id)?.revision).toBe(1);

    const second = openBrowser(server, bruno);
    const listed = await second.repo.list();
    expect(listed.map((f) => f.name)).toEqual(['Recepção']);
    expect(listed[0]!.nodeCount).toBeGreaterThan(0);
    const opened = await second.repo.open(flow.id);
    expect(opened.doc.settings.name).toBe('Recepção');
  });

  it('keeps a flow created and saved while an older list of the flows was on its way', async () => {
    const server = new FakeWorkspaceServer();
    const page = openBrowser(server, ana);
    let answer: (() => void) | null = null;
    server.beforeReadAnswer = () => new Promise<void>((resolve) => (answer = resolve));
    const listing = page.repo.list();
    await vi.waitFor(() => expect(answer).not.toBeNull());
    server.beforeReadAnswer = () => Promise.resolve();
    // The user creates a flow meanwhile, and the server accepts it before the list arrives.
    const flow = await page.repo.create('Recepção');
    await page.outbox.flush();
    expect(server.flows.get(flow.id)?.revision).toBe(1);
    answer!();
    expect((await listing).map((f) => f.name)).toEqual(['Recepção']);
    expect((await page.repo.list()).map((f) => f.name)).toEqual(['Recepção']);
  });

  it('keeps a save accepted while an older copy of the flow was on its way', async () => {
    const server = new FakeWorkspaceServer();
    const page = openBrowser(server, ana);
    const flow = await page.repo.create('Recepção');
    await page.outbox.flush();
    const opened = await page.repo.open(flow.id);
    let answer: (() => void) | null = null;
    server.beforeReadAnswer = () => new Promise<void>((resolve) => (answer = resolve));
    const reading = page.repo.open(flow.id);
    await vi.waitFor(() => expect(answer).not.toBeNull());
    server.beforeReadAnswer = () => Promise.resolve();
    const edited = withMessage(opened.doc, 'm-new', 'Bem-vindo de novo');
    await page.repo.save(flow.id, edited, opened.revision);
    await page.outbox.flush();
    expect(server.flows.get(flow.id)?.revision).toBe(2);
    answer!();
    expect(texts((await reading).doc)).toContain('Bem-vindo de novo');
    expect(texts((await page.repo.open(flow.id)).doc)).toContain('Bem-vindo de novo');
  });

  it('keeps edits made offline across a reload and sends them, in order, when the server is back', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const a = await browser.repo.create('A');
    const b = await browser.repo.create('B');
    await browser.outbox.flush();
    expect(server.saves.map((s) => s.name)).toEqual(['A', 'B']);

    server.online = false;
    let openedA = await browser.repo.open(a.id);
    const revA = await browser.repo.save(
      a.id,
      withMessage(openedA.doc, 'm1', 'one'),
      openedA.revision,
    );
    const openedB = await browser.repo.open(b.id);
    await browser.repo.save(b.id, withMessage(openedB.doc, 'm1', 'bee'), openedB.revision);
    openedA = await browser.repo.open(a.id);
    await browser.repo.save(a.id, withMessage(openedA.doc, 'm2', 'two'), revA);
    await browser.outbox.flush();
    expect(browser.outbox.state).toMatchObject({ offline: true, waiting: 3 });
    // Tried again later (the first try, then the flush: 1 s, 2 s), with a growing wait.
    expect(browser.scheduler.pending()).toEqual([2000]);
    browser.scheduler.runNext();
    await vi.waitFor(() => expect(browser.scheduler.pending()).toEqual([4000]), { timeout: 5000 });
    expect(browser.outbox.state.offline).toBe(true);

    // The page is closed and opened again while the server is still away.
    browser.repo.close();
    const again = openBrowser(server, ana, browser.indexedDB);
    await again.outbox.flush();
    expect(again.outbox.state).toMatchObject({ offline: true, waiting: 3 });
    const listedOffline = await again.repo.list();
    expect(listedOffline.map((f) => f.name).sort()).toEqual(['A', 'B']);
    expect(texts((await again.repo.open(a.id)).doc)).toContain('two');

    // Back: everything is sent, A before B (A's first edit came first), each on the server's revision.
    server.online = true;
    again.scheduler.runNext();
    await again.outbox.flush();
    expect(again.outbox.state).toMatchObject({ offline: false, waiting: 0, conflicts: [] });
    expect(server.saves.slice(2)).toEqual([
      { id: a.id, name: 'A', baseRevision: 1 },
      { id: b.id, name: 'B', baseRevision: 1 },
    ]);
    expect(texts(server.flows.get(a.id)!.doc)).toEqual(expect.arrayContaining(['one', 'two']));
    expect(texts(server.flows.get(b.id)!.doc)).toEqual(expect.arrayContaining(['bee']));
  });

  it('never overwrites another person: a 409 names who and when, and "keep mine as a copy" keeps both', async () => {
    const server = new FakeWorkspaceServer();
    const anaBrowser = openBrowser(server, ana);
    const flow = await anaBrowser.repo.create('Vendas');
    await anaBrowser.outbox.flush();
    const brunoBrowser = openBrowser(server, bruno);
    const mine = await anaBrowser.repo.open(flow.id);
    const theirs = await brunoBrowser.repo.open(flow.id);

    await brunoBrowser.repo.save(
      flow.id,
      withMessage(theirs.doc, 'b', 'Bruno was here'),
      theirs.revision,
    );
    await brunoBrowser.outbox.flush();
    await anaBrowser.repo.save(flow.id, withMessage(mine.doc, 'a', 'Ana was here'), mine.revision);
    await anaBrowser.outbox.flush();

    expect(anaBrowser.outbox.state.conflicts).toEqual([
      { flowId: flow.id, by: 'Bruno', at: server.flows.get(flow.id)!.updatedAt, revision: 2 },
    ]);
    expect(texts(server.flows.get(flow.id)!.doc)).toContain('Bruno was here');
    expect(texts(server.flows.get(flow.id)!.doc)).not.toContain('Ana was here');

    const copy = await anaBrowser.repo.sync.keepMineAsCopy(flow.id);
    await anaBrowser.outbox.flush();
    expect(copy.name).toBe('Vendas (copy)');
    expect(anaBrowser.outbox.state).toMatchObject({ waiting: 0, conflicts: [] });
    expect(texts(server.flows.get(copy.id)!.doc)).toContain('Ana was here');
    expect(texts(server.flows.get(flow.id)!.doc)).toContain('Bruno was here');
    // The original is theirs again in this browser.
    expect(texts((await anaBrowser.repo.open(flow.id)).doc)).toContain('Bruno was here');
  });

  it('"reload theirs" drops the waiting save and opens the server\'s copy', async () => {
    const server = new FakeWorkspaceServer();
    const anaBrowser = openBrowser(server, ana);
    const flow = await anaBrowser.repo.create('Vendas');
    await anaBrowser.outbox.flush();
    const mine = await anaBrowser.repo.open(flow.id);
    server.saveAs(bruno, flow.id, withMessage(mine.doc, 'b', 'theirs'));
    await anaBrowser.repo.save(flow.id, withMessage(mine.doc, 'a', 'mine'), mine.revision);
    await anaBrowser.outbox.flush();
    expect(anaBrowser.outbox.state.conflicts).toHaveLength(1);

    await anaBrowser.repo.sync.reloadTheirs(flow.id);
    expect(anaBrowser.outbox.state).toMatchObject({ waiting: 0, conflicts: [] });
    const reopened = await anaBrowser.repo.open(flow.id);
    expect(texts(reopened.doc)).toEqual(['theirs']);
    // Saving on top of theirs now goes through.
    await anaBrowser.repo.save(flow.id, withMessage(reopened.doc, 'c', 'after'), reopened.revision);
    await anaBrowser.outbox.flush();
    expect(texts(server.flows.get(flow.id)!.doc)).toEqual(['theirs', 'after']);
  });

  it('says why the server refused a save, and sends the next one that reads', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const flow = await browser.repo.create('Vendas');
    await browser.outbox.flush();
    server.refuse = (doc) =>
      texts(doc).includes('bad') ? 'doc.nodes.1.data.text: too long' : null;
    const opened = await browser.repo.open(flow.id);
    const revision = await browser.repo.save(
      flow.id,
      withMessage(opened.doc, 'm', 'bad'),
      opened.revision,
    );
    await browser.outbox.flush();
    expect(browser.outbox.state.refused).toEqual([
      { flowId: flow.id, message: 'doc.nodes.1.data.text: too long' },
    ]);
    await browser.repo.save(flow.id, withMessage(opened.doc, 'm', 'good'), revision);
    await browser.outbox.flush();
    expect(browser.outbox.state).toMatchObject({ refused: [], waiting: 0 });
    expect(texts(server.flows.get(flow.id)!.doc)).toEqual(['good']);
  });

  it("tells of others' changes from the event stream, and lists them on the next read", async () => {
    const server = new FakeWorkspaceServer();
    const anaBrowser = openBrowser(server, ana);
    const flow = await anaBrowser.repo.create('Vendas');
    await anaBrowser.outbox.flush();
    const heard: (string | null)[] = [];
    anaBrowser.repo.sync.onFlowChanged((id) => heard.push(id));

    const doc = (await anaBrowser.repo.open(flow.id)).doc;
    const revision = server.saveAs(bruno, flow.id, {
      ...doc,
      settings: { ...doc.settings, name: 'Ventas' },
    });
    anaBrowser.repo.sync.receive({
      type: 'change',
      table: 'flows',
      id: flow.id,
      revision,
      deleted: false,
      by: bruno,
    });
    // This page's own change, echoed by the stream, is not news.
    anaBrowser.repo.sync.receive({
      type: 'change',
      table: 'flows',
      id: flow.id,
      revision,
      deleted: false,
      by: ana,
      client: anaBrowser.clientId,
    });
    expect(heard).toEqual([flow.id]);
    // Ana's change in another page is.
    anaBrowser.repo.sync.receive({
      type: 'change',
      table: 'flows',
      id: flow.id,
      revision,
      deleted: false,
      by: ana,
      client: 'u-ana-other-page',
    });
    expect(heard).toEqual([flow.id, flow.id]);
    expect((await anaBrowser.repo.list()).map((f) => f.name)).toEqual(['Ventas']);
  });

  it('shows who else has the flow open, leaving oneself out, and beats while it is open', () => {
    const server = new FakeWorkspaceServer();
    const anaBrowser = openBrowser(server, ana);
    const seen: string[][] = [];
    const stop = anaBrowser.repo.sync.watchPresence('f1', (editors) =>
      seen.push(editors.map((e) => e.name)),
    );
    anaBrowser.repo.sync.receive({ type: 'presence', flowId: 'f1', editors: [ana, bruno] });
    expect(seen).toContainEqual(['Bruno']);
    expect(anaBrowser.scheduler.pending()).toEqual([10_000]);
    stop();
    expect(anaBrowser.scheduler.pending()).toEqual([]);
  });
});

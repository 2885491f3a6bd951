import { describe, expect, it, vi } from 'vitest';
import { examplePriceTable, type Line } from '@callbot/shared';
import { recordKey } from './keys.ts';
import { FakeWorkspaceServer, openBrowser } from './testing.ts';

const ana = { id: 'u-ana', name: 'Ana' };
const bruno = { id: 'u-bruno', name: 'Bruno' };

const sipLine = (id: string, label: string): Line => ({
  id,
  kind: 'sip',
  label,
  host: 'pbx.example.com',
  port: 5060,
  transport: 'udp',
  username: 'bot',
  password: 'secret',
  createdAt: Date.parse('2026-12-07T15:00:00Z'),
});

const names = (listed: { items: { name: string }[] }) => listed.items.map((t) => t.name);

describe('the server-backed workspace repository', () => {
  it('writes teams to the server and another browser reads them there', async () => {
    const server = new FakeWorkspaceServer();
    const first = openBrowser(server, ana);
    const vendas = await first.workspace.createTeam({ name: 'Vendas', agents: 3 });
    await first.workspace.createTeam({ name: 'Suporte', agents: 1 });
    await first.outbox.flush();
    expect(server.writes).toEqual([
      `PUT teams/${vendas.id}`,
      expect.stringMatching(/^PUT teams\//),
    ]);

    const second = openBrowser(server, bruno);
    const listed = await second.workspace.listTeams();
    expect(names(listed)).toEqual(['Suporte', 'Vendas']);
    expect(listed.items.find((t) => t.name === 'Vendas')?.isDefault).toBe(true);

    await second.workspace.updateTeam(vendas.id, { name: 'Ventas' });
    await second.outbox.flush();
    expect(names(await first.workspace.listTeams())).toEqual(['Suporte', 'Ventas']);
  });

  it('keeps a team created and a team renamed while an older list of the teams was on its way', async () => {
    const server = new FakeWorkspaceServer();
    const page = openBrowser(server, ana);
    const vendas = await page.workspace.createTeam({ name: 'Vendas', agents: 3 });
    await page.outbox.flush();
    // The page asks for the teams; the server's answer is read now and arrives late.
    let answer: (() => void) | null = null;
    server.beforeReadAnswer = () => new Promise<void>((resolve) => (answer = resolve));
    const listing = page.workspace.listTeams();
    await vi.waitFor(() => expect(answer).not.toBeNull());
    server.beforeReadAnswer = () => Promise.resolve();
    // Meanwhile the user creates one team and renames the other, and the server accepts both.
    const financeiro = await page.workspace.createTeam({ name: 'Financeiro', agents: 1 });
    await page.workspace.updateTeam(vendas.id, { name: 'Comercial' });
    await page.outbox.flush();
    expect(page.outbox.state).toMatchObject({ waiting: 0, refused: [], conflicts: [] });
    answer!();
    // The late answer knows neither change: this browser's copies stay.
    expect(names(await listing)).toEqual(['Comercial', 'Financeiro']);
    expect(names(await page.workspace.listTeams())).toEqual(['Comercial', 'Financeiro']);
    expect(server.records.get('teams')!.get(financeiro.id)?.record).toMatchObject({
      name: 'Financeiro',
    });
  });

  it('keeps changes made offline, says how many wait, and sends them in order once back', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const schedule = await browser.workspace.createSchedule({
      name: 'Comercial',
      timeZone: 'America/Sao_Paulo',
      weekly: [],
      holidays: [],
    });
    await browser.outbox.flush();

    server.online = false;
    await browser.workspace.saveSchedule({ ...schedule, name: 'Comercial (verão)' });
    await browser.workspace.putLine(sipLine('l1', 'PBX'));
    await browser.outbox.flush();
    expect(browser.outbox.state).toMatchObject({ offline: true, waiting: 2 });
    // The page reads the cache meanwhile: the user's changes are there.
    expect(names(await browser.workspace.listSchedules())).toEqual(['Comercial (verão)']);
    expect((await browser.workspace.listLines()).items.map((l) => l.id)).toEqual(['l1']);

    server.online = true;
    await browser.outbox.flush();
    expect(browser.outbox.state).toMatchObject({ offline: false, waiting: 0 });
    expect(server.writes.slice(1)).toEqual([`PUT schedules/${schedule.id}`, 'PUT lines/l1']);
    expect(server.records.get('schedules')!.get(schedule.id)?.record).toMatchObject({
      name: 'Comercial (verão)',
    });
  });

  it('keeps another person’s change of other fields, and stops on a change of the same field', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const team = await browser.workspace.createTeam({ name: 'Vendas', agents: 3 });
    await browser.outbox.flush();

    // Bruno sets the agents; Ana renames: both kept.
    server.putAs(bruno, 'teams', { ...team, agents: 7 });
    await browser.workspace.updateTeam(team.id, { name: 'Ventas' });
    await browser.outbox.flush();
    expect(server.records.get('teams')!.get(team.id)?.record).toMatchObject({
      name: 'Ventas',
      agents: 7,
    });

    // Bruno renames it again; Ana, not having read it, renames it too: a conflict, nothing written.
    server.putAs(bruno, 'teams', { ...team, name: 'Comercial', agents: 7 });
    await browser.workspace.updateTeam(team.id, { name: 'Atendimento' });
    await browser.outbox.flush();
    const key = recordKey('teams', team.id);
    expect(browser.outbox.state.conflicts).toEqual([
      { flowId: key, by: 'Bruno', at: expect.any(String) as string, revision: 4 },
    ]);
    expect(server.records.get('teams')!.get(team.id)?.record).toMatchObject({ name: 'Comercial' });

    // Ana keeps hers: her field wins, Bruno's agents stay.
    await browser.workspace.sync.keepMine(key);
    await browser.outbox.flush();
    expect(browser.outbox.state.conflicts).toEqual([]);
    expect(server.records.get('teams')!.get(team.id)?.record).toMatchObject({
      name: 'Atendimento',
      agents: 7,
    });
  });

  it('does not ask the server for a record made here before it was sent', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const team = await browser.workspace.createTeam({ name: 'Vendas', agents: 3 });
    const schedule = await browser.workspace.createSchedule({
      name: 'Comercial',
      timeZone: 'America/Sao_Paulo',
      weekly: [],
      holidays: [],
    });
    await browser.workspace.putCustomer({ id: 'c1', number: '+5511912340005', createdAt: 1 });
    await browser.outbox.flush();
    expect(server.writes).toEqual([
      `PUT teams/${team.id}`,
      `PUT schedules/${schedule.id}`,
      'PUT customers/c1',
    ]);
    expect(server.reads).toEqual([]);
    expect(browser.outbox.state).toMatchObject({ waiting: 0, refused: [], conflicts: [] });
    // A change of a record the server has reads its copy first (to keep others' fields).
    await browser.workspace.updateTeam(team.id, { agents: 4 });
    await browser.outbox.flush();
    expect(server.reads).toEqual([`GET teams/${team.id}`]);
    // Made and deleted before it was sent (offline meanwhile): nothing to ask nor send.
    server.online = false;
    const gone = await browser.workspace.createTeam({ name: 'Efêmera', agents: 1 });
    await browser.workspace.deleteTeam(gone.id);
    await browser.outbox.flush();
    server.online = true;
    await browser.outbox.flush();
    expect(browser.outbox.state).toMatchObject({ waiting: 0, refused: [], conflicts: [] });
    expect(server.reads).toEqual([`GET teams/${team.id}`]);
    expect(server.writes).not.toContain(`PUT teams/${gone.id}`);
  });

  it('still stops on a new record the server already has (an answer lost on the way)', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    server.online = false;
    const team = await browser.workspace.createTeam({ name: 'Vendas', agents: 3 });
    await browser.outbox.flush();
    server.putAs(ana, 'teams', team);
    server.online = true;
    await browser.outbox.flush();
    expect(browser.outbox.state.conflicts).toMatchObject([{ flowId: recordKey('teams', team.id) }]);
    expect(server.reads).toEqual([]);
  });

  it('says which customer has the number when another browser added it first', async () => {
    const server = new FakeWorkspaceServer();
    const ana1 = openBrowser(server, ana);
    const bruno1 = openBrowser(server, bruno);
    await ana1.workspace.putCustomer({
      id: 'alma',
      number: '+5511912340005',
      name: 'Alma',
      createdAt: 1,
    });
    await bruno1.workspace.putCustomer({ id: 'other', number: '+5511912340005', createdAt: 2 });
    await ana1.outbox.flush();
    await bruno1.outbox.flush();
    expect(bruno1.outbox.state.refused).toMatchObject([
      {
        flowId: recordKey('customers', 'other'),
        existing: { id: 'alma', name: 'Alma' },
        takenField: 'number',
      },
    ]);
    expect([...server.records.get('customers')!.keys()]).toEqual(['alma']);
    // Taking the server's copy drops it here, without asking the server for what it never had.
    const reads = server.reads.length;
    await bruno1.workspace.sync.reload(recordKey('customers', 'other'));
    expect(server.reads).toHaveLength(reads);
    expect((await bruno1.workspace.listCustomers()).items.map((c) => c.id)).toEqual(['alma']);
    expect(bruno1.outbox.state).toMatchObject({ waiting: 0, refused: [] });
  });

  it('reloads the server’s copy when the user takes theirs', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const team = await browser.workspace.createTeam({ name: 'Vendas', agents: 3 });
    await browser.outbox.flush();
    server.putAs(bruno, 'teams', { ...team, name: 'Comercial' });
    await browser.workspace.updateTeam(team.id, { name: 'Atendimento' });
    await browser.outbox.flush();
    const key = recordKey('teams', team.id);
    expect(await browser.workspace.sync.describe(key)).toEqual({
      collection: 'teams',
      name: 'Atendimento',
    });

    await browser.workspace.sync.reload(key);
    expect(browser.outbox.state).toMatchObject({ conflicts: [], waiting: 0 });
    expect(names(await browser.workspace.listTeams())).toEqual(['Comercial']);
  });

  it('sends a line’s callbot through its own route, and its other fields with the record', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    await browser.workspace.putLine(sipLine('l1', 'PBX'));
    await browser.outbox.flush();
    await browser.workspace.putLine({ ...sipLine('l1', 'PBX Centro'), callbotId: 'recepcao' });
    await browser.outbox.flush();
    expect(server.writes).toEqual(['PUT lines/l1', 'PUT lines/l1', 'PUT lines/l1/callbot']);
    expect(server.records.get('lines')!.get('l1')?.record).toMatchObject({
      label: 'PBX Centro',
      callbotId: 'recepcao',
    });
    // The revision the callbot route made is the next base: no false conflict.
    await browser.workspace.deleteLine('l1');
    await browser.outbox.flush();
    expect(browser.outbox.state.conflicts).toEqual([]);
    expect(server.records.get('lines')!.has('l1')).toBe(false);
  });

  it('sends the settings the user changed on the server’s, keeping the default team and the callbot’s language', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    await browser.workspace.readSettings();
    await browser.workspace.createTeam({ name: 'Vendas', agents: 3 });
    // The server mirrors the default team into the settings: their revision moves.
    server.settings = {
      ...server.settings,
      record: {
        ...server.settings.record,
        defaultTeamId: 'elsewhere',
        defaultCallbotLanguage: 'es',
      },
      revision: server.settings.revision + 1,
    };
    await browser.workspace.updateSettings({ timeZone: 'America/Manaus' });
    await browser.outbox.flush();
    expect(browser.outbox.state.conflicts).toEqual([]);
    expect(server.settings.record).toMatchObject({
      timeZone: 'America/Manaus',
      defaultTeamId: 'elsewhere',
      defaultCallbotLanguage: 'es',
    });
    expect(await browser.workspace.sync.readServerSettings()).toEqual({
      name: 'Loja',
      defaultCallbotLanguage: 'es',
    });
  });

  it('sends a new price table alone through the prices route, and back to the example figures', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    await browser.workspace.readSettings();
    const mine = { ...examplePriceTable, label: 'Tabela da Loja', example: false };
    await browser.workspace.updateSettings({ priceTable: mine });
    await browser.outbox.flush();
    expect(server.settings.record.priceTable).toMatchObject({ label: 'Tabela da Loja' });
    await browser.workspace.updateSettings({ priceTable: undefined });
    await browser.outbox.flush();
    expect(server.writes).toEqual(['PUT prices', 'PUT prices']);
    expect(server.settings.record).not.toHaveProperty('priceTable');
    expect(browser.outbox.state).toMatchObject({ waiting: 0, conflicts: [], refused: [] });
  });

  it('tells its pages which table someone else changed, and not of its own saves', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const told: (string | undefined)[] = [];
    browser.workspace.subscribe((changed) => told.push(changed));
    const change = (table: 'lines' | 'teams' | 'tests', client?: string) =>
      browser.workspace.sync.receive({
        type: 'change',
        table,
        id: 'l9',
        revision: 1,
        deleted: false,
        by: bruno,
        ...(client !== undefined && { client }),
      });
    change('lines', 'u-bruno-page');
    browser.workspace.sync.receive({ type: 'presence', flowId: 'f', editors: [] });
    // This page's own save, echoed by the stream: nothing to read again.
    change('teams', browser.clientId);
    // A test case is the flow's, not the workspace pages'.
    change('tests');
    // Ana's other page saved: this one reads again.
    change('teams', 'u-ana-page-elsewhere');
    // Everything was replaced: every page reads again.
    browser.workspace.sync.receive({ type: 'import', by: bruno });
    expect(told).toEqual(['lines', 'teams', undefined]);
    server.putAs(bruno, 'lines', sipLine('l9', 'Nova'));
    expect((await browser.workspace.listLines()).items).toMatchObject([
      { id: 'l9', label: 'Nova' },
    ]);
  });
});

describe('the month-to-date volume (R21)', () => {
  it('asks the server, and counts the cached attempts while the server is unreachable', async () => {
    const server = new FakeWorkspaceServer();
    server.usage.set('/usage/whatsapp/outbound/BR', {
      calls: 1_000,
      minutes: 2_400,
      timeZone: 'America/Sao_Paulo',
    });
    const browser = openBrowser(server, ana);
    const query = { channel: 'whatsapp', direction: 'outbound', country: 'BR' } as const;
    expect(await browser.workspace.monthToDate(query)).toEqual({ calls: 1_000, minutes: 2_400 });
    expect(server.requests).toEqual(['GET /usage/whatsapp/outbound/BR']);

    server.online = false;
    await browser.workspace.addCallAttempt({
      id: 'a1',
      number: '+5511911111111',
      at: Date.parse('2026-12-07T14:00:00Z'),
      outcome: 'unanswered',
    });
    expect(await browser.workspace.monthToDate(query)).toEqual({ calls: 1, minutes: 0 });
  });

  it('passes a refusal on instead of guessing a volume', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    await expect(
      browser.workspace.monthToDate({ channel: 'line', direction: 'inbound', country: 'US' }),
    ).rejects.toThrow('Not played by the fake.');
  });
});

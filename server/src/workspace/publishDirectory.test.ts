import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileFlow } from '@callbot/shared';
import { examples, machineFingerprint } from '@callbot/runtime';
import { createAccountStore } from '../accounts.ts';
import { openPglite, type Database } from '../db.ts';
import { createStore } from '../store.ts';
import { createHub, inProcessBus } from './events.ts';
import { createPublishDirectory } from './publishDirectory.ts';
import { createPublishStore } from './publishStore.ts';
import { createWorkspaceStore } from './store.ts';

const now = () => Date.parse('2026-12-07T12:00:00Z');
const NUMBER = '+551130001000';
let db: Database;
let ws: string;
const by = { id: 'u1', name: 'Ana' };

beforeAll(async () => {
  db = await openPglite();
  await createStore(db);
  const made = await createAccountStore(db).setup({
    email: 'ana@example.com',
    name: 'Ana',
    passwordHash: 'unused',
    workspaceName: 'Loja',
    at: now(),
  });
  ws = made!.workspaceId;
}, 60_000);

afterAll(() => db.close());

it('reads what a call needs once, and again only after a workspace event says it changed', async () => {
  const workspace = createWorkspaceStore(db, now);
  const published = createPublishStore(db, now);
  // Two instances on one bus: the one that writes tells, the other's cache hears it.
  const bus = inProcessBus();
  const reads: string[] = [];
  const counted = {
    ...published,
    linesByNumber: (number: string) => {
      reads.push(`lines ${number}`);
      return published.linesByNumber(number);
    },
    snapshot: (id: string) => {
      reads.push(`snapshot`);
      return published.snapshot(id);
    },
  };
  const directory = createPublishDirectory({ published: counted, hub: createHub(bus, now) });
  const writer = createHub(bus, now);

  await workspace.putRecord(
    ws,
    'teams',
    'recepcao',
    { id: 'recepcao', name: 'Recepção', agents: 1, isDefault: true },
    by,
  );
  await workspace.putRecord(
    ws,
    'lines',
    'fixa',
    {
      id: 'fixa',
      kind: 'purchased',
      country: 'BR',
      number: NUMBER,
      status: 'active',
      requestedAt: now(),
      orderId: 'o',
      createdAt: now(),
    },
    by,
  );
  expect(await directory.resolve(NUMBER, 'line')).toMatchObject({
    ws,
    enabled: true,
    ref: { workspace: ws, defaultTeam: 'recepcao' },
  });
  expect(await directory.resolve('+551199999999', 'line')).toBeNull();
  await directory.resolve(NUMBER, 'line');
  await directory.context(ws);
  expect(reads).toEqual([`lines ${NUMBER}`, 'snapshot', 'lines +551199999999']);

  // Published and assigned: the next call hears it once the events are told.
  const doc = { ...examples.reception };
  await workspace.saveFlow(ws, 'recepcao', { baseRevision: 0, doc, callbot: true }, by);
  await workspace.assignLine(ws, 'fixa', { callbotId: 'recepcao', replace: false }, by);
  const version = await published.publish(
    ws,
    'recepcao',
    { doc, fingerprint: machineFingerprint(compileFlow(doc).machine!), note: '' },
    by,
  );
  // Not told yet: the cached answer stands (no read).
  expect((await directory.resolve(NUMBER, 'line'))?.ref).toEqual({
    workspace: ws,
    defaultTeam: 'recepcao',
  });
  const event = { type: 'change', deleted: false, by } as const;
  await writer.publish(ws, { ...event, table: 'lines', id: 'fixa', revision: 2 });
  await writer.publish(ws, {
    ...event,
    table: 'versions',
    id: 'published-1',
    flowId: 'recepcao',
    revision: 1,
  });
  expect((await directory.resolve(NUMBER, 'line'))?.ref).toEqual({
    workspace: ws,
    callbot: 'recepcao',
    version: version.version,
  });
  // Presence changes nothing.
  reads.length = 0;
  await writer.publish(ws, { type: 'presence', flowId: 'recepcao', editors: [] });
  await directory.resolve(NUMBER, 'line');
  expect(reads).toEqual([]);
  directory.close();
}, 60_000);

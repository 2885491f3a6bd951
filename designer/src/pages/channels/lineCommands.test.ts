import { describe, expect, it } from 'vitest';
import type { FlowDocument, Line } from '@callbot/shared';
import { sandboxTimings } from '../../provider/sandbox/handlers.ts';
import { ProviderError } from '../../provider/index.ts';
import {
  addSipLine,
  assignLineCallbot,
  buyNumber,
  createWhatsAppLine,
  deleteLine,
  setWhatsAppCalls,
  syncOrder,
  unassignLineCallbot,
  type SipForm,
} from './lineCommands.ts';
import { channelsFixture } from './testing.tsx';

// With the sandbox's default seed: Brazil's first number is sold normally, the
// third is taken by someone else when ordered, the fifth's order fails.
const FREE = '+553132500906';
const TAKEN = '+553131992900';
const FAILS = '+551138455899';

const sipForm: SipForm = {
  label: 'PABX São Paulo',
  host: 'pbx.example.com',
  port: 5060,
  transport: 'udp',
  username: 'loja',
  password: 'segredo',
  number: '',
  declared: false,
};

async function lines(f: ReturnType<typeof channelsFixture>) {
  return (await f.workspace.listLines()).items;
}

describe('phone lines', () => {
  it('R4: a number chosen in a country is ordered and kept as a purchased line, requested', async () => {
    const f = channelsFixture();
    const line = await buyNumber(f.deps, { country: 'BR', number: FREE });
    expect(line).toMatchObject({
      kind: 'purchased',
      number: FREE,
      country: 'BR',
      status: 'requested',
    });
    expect(await lines(f)).toEqual([line]);
  });

  it('R4: a number taken meanwhile (409) is refused and nothing is kept', async () => {
    const f = channelsFixture();
    const error = await buyNumber(f.deps, { country: 'BR', number: TAKEN }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe('number_taken');
    expect(await lines(f)).toEqual([]);
  });

  it('R7: the line follows its order requested → in process → active, and cannot be deleted before', async () => {
    const f = channelsFixture();
    const line = await buyNumber(f.deps, { country: 'BR', number: FREE });
    expect(await deleteLine(f.deps, line)).toMatchObject({ ok: false, code: 'R7.requestPending' });

    f.advance(sandboxTimings.orderInProcessAfterMs);
    const inProcess = await syncOrder(f.deps, line.id);
    expect(inProcess?.line.status).toBe('in_process');
    expect(await deleteLine(f.deps, inProcess!.line)).toMatchObject({
      ok: false,
      code: 'R7.requestPending',
    });
    expect(await lines(f)).toHaveLength(1);

    f.advance(sandboxTimings.orderDoneAfterMs);
    const active = await syncOrder(f.deps, line.id);
    expect(active?.line.status).toBe('active');
    expect((await lines(f))[0]).toMatchObject({ status: 'active' });
  });

  it('R7: an order that jumps from requested to active goes through in process', async () => {
    const f = channelsFixture();
    const line = await buyNumber(f.deps, { country: 'BR', number: FREE });
    f.advance(sandboxTimings.orderDoneAfterMs);
    expect((await syncOrder(f.deps, line.id))?.line.status).toBe('active');
  });

  it('R7: a failed order says why and can be deleted without the provider', async () => {
    const f = channelsFixture();
    const line = await buyNumber(f.deps, { country: 'BR', number: FAILS });
    f.advance(sandboxTimings.orderDoneAfterMs);
    const failed = await syncOrder(f.deps, line.id);
    expect(failed).toMatchObject({
      line: { status: 'failed' },
      failureReason: 'regulatory_rejected',
    });
    expect(await deleteLine(f.deps, failed!.line)).toEqual({ ok: true });
    expect(await lines(f)).toEqual([]);
  });

  it('R7: deleting an active number releases it at the provider first', async () => {
    const f = channelsFixture();
    const line = await buyNumber(f.deps, { country: 'BR', number: FREE });
    f.advance(sandboxTimings.orderDoneAfterMs);
    const active = (await syncOrder(f.deps, line.id))!.line;
    expect(await deleteLine(f.deps, active)).toEqual({ ok: true });
    expect(await lines(f)).toEqual([]);
    // Released: the provider no longer holds it, so a second release is refused.
    await expect(f.services.provider.releaseNumber(FREE)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('R7: when the provider fails to release the number, the line is kept', async () => {
    const f = channelsFixture();
    const line = await buyNumber(f.deps, { country: 'BR', number: FREE });
    f.advance(sandboxTimings.orderDoneAfterMs);
    const active = (await syncOrder(f.deps, line.id))!.line;
    await f.services.provider.releaseNumber(FREE); // released behind the designer's back
    await expect(deleteLine(f.deps, active)).rejects.toMatchObject({ code: 'not_found' });
    expect(await lines(f)).toHaveLength(1);
  });
});

describe('callbot assignment', () => {
  it('R3: assigning a second callbot to a line is refused unless replacing, never doubled', async () => {
    const f = channelsFixture();
    const line = await buyNumber(f.deps, { country: 'BR', number: FREE });
    expect(await assignLineCallbot(f.deps, line.id, 'reception')).toMatchObject({ ok: true });
    expect(await assignLineCallbot(f.deps, line.id, 'sales')).toMatchObject({
      ok: false,
      code: 'R3.lineHasCallbot',
      currentCallbotId: 'reception',
    });
    expect((await lines(f))[0]?.callbotId).toBe('reception');
    expect(await assignLineCallbot(f.deps, line.id, 'sales', true)).toMatchObject({
      ok: true,
      replaced: 'reception',
    });
    expect((await lines(f))[0]?.callbotId).toBe('sales');
  });
});

describe('SIP lines', () => {
  it('R19: a personal mobile number is refused with the reason, and nothing is kept', async () => {
    const f = channelsFixture();
    const result = await addSipLine(f.deps, { ...sipForm, number: '+5511987654321' });
    expect(result).toMatchObject({ ok: false, code: 'R19.personalMobile' });
    expect(await lines(f)).toEqual([]);
  });

  it('R19: a PBX on a fixed number is connected, its password kept with it', async () => {
    const f = channelsFixture();
    const result = await addSipLine(f.deps, { ...sipForm, number: '+55 11 3003-4000' });
    expect(result).toMatchObject({ ok: true, line: { kind: 'sip', number: '+551130034000' } });
    expect((await lines(f))[0]).toMatchObject({ password: 'segredo', host: 'pbx.example.com' });
  });
});

describe('WhatsApp lines', () => {
  it('R1: a personal WhatsApp number is refused by the verification and nothing is kept', async () => {
    const f = channelsFixture();
    await expect(createWhatsAppLine(f.deps, { number: '+551130030001' })).rejects.toMatchObject({
      code: 'verification_refused',
      reason: 'personal_account',
    });
    expect(await lines(f)).toEqual([]);
  });

  it('R8: a WhatsApp Business number with calling becomes a WhatsApp line, calls off', async () => {
    const f = channelsFixture();
    const result = await createWhatsAppLine(f.deps, { number: '+551130030004' });
    expect(result).toMatchObject({
      ok: true,
      line: { kind: 'whatsapp', calling: true, callsEnabled: false },
    });
  });

  it('R6: the number is also the voice line only when an existing SIP line answers on it', async () => {
    const f = channelsFixture();
    const sip = await addSipLine(f.deps, { ...sipForm, number: '+551130030004' });
    const other = await addSipLine(f.deps, { ...sipForm, number: '+551130030005' });
    if (!sip.ok || !other.ok) throw new Error('the SIP lines were refused');
    expect(
      await createWhatsAppLine(f.deps, { number: '+551130030004', voiceLineId: other.line.id }),
    ).toMatchObject({ ok: false, code: 'R6.differentNumber' });
    expect(await lines(f)).toHaveLength(2);
    expect(
      await createWhatsAppLine(f.deps, { number: '+551130030004', voiceLineId: sip.line.id }),
    ).toMatchObject({ ok: true, line: { voiceLineId: sip.line.id } });
  });

  it('R6: a Brazilian mobile WhatsApp Business number is also the voice line once declared, with one callbot', async () => {
    const f = channelsFixture();
    const mobile = '+5511912345674';
    const created = await createWhatsAppLine(f.deps, { number: mobile });
    if (!created.ok) throw new Error('refused');
    const flow = await f.repo.create('Recepção');
    await f.workspace.setCallbot(flow.id, true);
    await assignLineCallbot(f.deps, created.line.id, flow.id);
    // Not declared: the business is asked to say what the number is.
    expect(await addSipLine(f.deps, { ...sipForm, number: mobile })).toMatchObject({
      ok: false,
      code: 'R19.declarationNeeded',
    });
    const sip = await addSipLine(f.deps, { ...sipForm, number: mobile, declared: true });
    expect(sip).toMatchObject({
      ok: true,
      line: { callbotId: flow.id, numberDeclared: 'business' },
    });
    const whatsapp = (await lines(f)).find((l) => l.kind === 'whatsapp');
    expect(whatsapp).toMatchObject({ voiceLineId: sip.ok ? sip.line.id : '', callbotId: flow.id });
    // A mobile that is not a WhatsApp Business number of the workspace stays refused, declared or not.
    expect(
      await addSipLine(f.deps, { ...sipForm, number: '+5511987654321', declared: true }),
    ).toMatchObject({ ok: false, code: 'R19.personalMobile' });
  });

  it('R2: calls are enabled only once the line’s callbot checks a schedule and transfers to a team with agents', async () => {
    const f = channelsFixture();
    const created = await createWhatsAppLine(f.deps, { number: '+551130030004' });
    if (!created.ok) throw new Error('refused');
    const lineId = created.line.id;
    const refused = await setWhatsAppCalls(f.deps, { lineId, teams: [], callbots: [] }, true);
    expect(refused).toMatchObject({
      ok: false,
      code: 'R2.checklistIncomplete',
      missing: ['receptionCallbot', 'openingHours', 'teamWithAgents'],
    });
    expect((await lines(f))[0]).toMatchObject({ callsEnabled: false });

    await f.workspace.createTeam({ name: 'Atendimento', agents: 2 });
    const flow = await f.repo.create('Recepção');
    await assignLineCallbot(f.deps, lineId, flow.id);
    const fresh = (await f.repo.open(flow.id)).doc;
    const teams = (await f.workspace.listTeams()).items;
    // A fresh flow (greeting → hang-up) is not a reception callbot.
    expect(
      await setWhatsAppCalls(
        f.deps,
        { lineId, teams, callbots: [{ id: flow.id, callbot: true, doc: fresh }] },
        true,
      ),
    ).toMatchObject({ ok: false, missing: ['receptionCallbot', 'openingHours', 'teamWithAgents'] });
    const doc: FlowDocument = {
      ...fresh,
      nodes: [
        { ...fresh.nodes[0]!, connections: { next: 'hours' } },
        {
          id: 'hours',
          kind: 'schedule',
          data: { weekly: [{ day: 'mon', start: '09:00', end: '18:00' }], holidays: [] },
          connections: { open: 'transfer' },
        },
        { id: 'transfer', kind: 'transfer', data: { team: 'Atendimento' }, connections: {} },
      ] as FlowDocument['nodes'],
    };
    expect(
      await setWhatsAppCalls(
        f.deps,
        { lineId, teams, callbots: [{ id: flow.id, callbot: true, doc }] },
        true,
      ),
    ).toEqual({ ok: true });
    expect((await lines(f))[0]).toMatchObject({ callsEnabled: true });
  });

  it('R2: taking the callbot off the line turns its calls off, saying why', async () => {
    const f = channelsFixture();
    const created = await createWhatsAppLine(f.deps, { number: '+551130030004' });
    if (!created.ok) throw new Error('refused');
    const flow = await f.repo.create('Recepção');
    await assignLineCallbot(f.deps, created.line.id, flow.id);
    await f.workspace.putLine({ ...(await lines(f))[0]!, callsEnabled: true } as Line);
    await unassignLineCallbot(f.deps, created.line.id);
    expect((await lines(f))[0]).toMatchObject({
      callsEnabled: false,
      callsTurnedOff: { missing: ['receptionCallbot', 'openingHours', 'teamWithAgents'] },
    });
  });
});

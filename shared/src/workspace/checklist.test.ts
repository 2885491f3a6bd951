import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from '../document/schema.ts';
import { flow } from '../test/harness.ts';
import {
  canEnableWhatsAppCalls,
  linesToTurnOff,
  whatsappCallingChecklist,
  type ChecklistInput,
} from './checklist.ts';
import type { WhatsAppLine } from './schema.ts';

const node = (
  id: string,
  kind: FlowNode['kind'],
  data: unknown,
  connections: Record<string, string> = {},
) => ({ id, kind, data, connections }) as FlowNode;

const weekdays = [{ day: 'mon' as const, start: '09:00', end: '18:00' }];

/** greeting → schedule (open → transfer to `team`, closed → goodbye). */
const reception = (team = 'Suporte', weekly = weekdays): FlowDocument =>
  flow([
    node('g', 'greeting', { text: 'Olá' }, { next: 'h' }),
    node('h', 'schedule', { weekly, holidays: [] }, { open: 't', closed: 'bye' }),
    node('t', 'transfer', { team }, { noAgents: 'bye', failed: 'bye' }),
    node('bye', 'hangup', { text: 'Tchau' }),
  ]);

const line: WhatsAppLine = {
  id: 'w',
  kind: 'whatsapp',
  number: '+551130000000',
  displayName: 'Loja',
  business: true,
  calling: true,
  callsEnabled: false,
  callbotId: 'recepcao',
  createdAt: 0,
};

const complete: ChecklistInput = {
  line,
  teams: [{ id: 'suporte', name: 'Suporte', agents: 2, isDefault: true }],
  reception: { id: 'recepcao', callbot: true, doc: reception() },
};

const missing = (input: ChecklistInput) =>
  whatsappCallingChecklist(input)
    .filter((i) => !i.done)
    .map((i) => i.id);

describe('the WhatsApp calling checklist (R2)', () => {
  it("R2: enabling is allowed once the line's callbot checks a schedule and transfers to a team with agents", () => {
    expect(missing(complete)).toEqual([]);
    expect(canEnableWhatsAppCalls(complete)).toEqual({ ok: true });
  });

  it('R2: a line without a callbot is refused, listing every missing item', () => {
    const result = canEnableWhatsAppCalls({
      ...complete,
      line: { ...line, callbotId: undefined },
      reception: undefined,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'R2.checklistIncomplete',
      missing: ['receptionCallbot', 'openingHours', 'teamWithAgents'],
    });
    expect(result.ok === false && result.message).toContain('no callbot answers this line');
  });

  it('R2: a greeting → hang-up flow is not a reception callbot', () => {
    const hello = flow([
      node('g', 'greeting', { text: 'Olá' }, { next: 'bye' }),
      node('bye', 'hangup', { text: 'Tchau' }),
    ]);
    expect(
      missing({ ...complete, reception: { id: 'recepcao', callbot: true, doc: hello } }),
    ).toEqual(['receptionCallbot', 'openingHours', 'teamWithAgents']);
  });

  it('R2: schedules and teams the reception callbot does not use do not count', () => {
    // The workspace has a team with agents, but the callbot transfers to one without.
    const teams = [
      { id: 'suporte', name: 'Suporte', agents: 2, isDefault: true },
      { id: 'vendas', name: 'Vendas', agents: 0, isDefault: false },
    ];
    const toSales = {
      ...complete,
      teams,
      reception: { id: 'recepcao', callbot: true, doc: reception('Vendas') },
    };
    expect(missing(toSales)).toEqual(['teamWithAgents']);
    expect(whatsappCallingChecklist(toSales)[2]!.params).toEqual({ teams: 'Vendas' });
    // A team that does not exist.
    const toNobody = {
      ...complete,
      reception: { id: 'recepcao', callbot: true, doc: reception('Financeiro') },
    };
    expect(missing(toNobody)).toEqual(['teamWithAgents']);
    // A schedule with no hours.
    const closed = {
      ...complete,
      reception: { id: 'recepcao', callbot: true, doc: reception('Suporte', []) },
    };
    expect(missing(closed)).toEqual(['openingHours']);
  });

  it('R2: nodes a call cannot reach from the greeting do not count', () => {
    const doc = flow([
      node('g', 'greeting', { text: 'Olá' }, { next: 'bye' }),
      node('bye', 'hangup', { text: 'Tchau' }),
      node('h', 'schedule', { weekly: weekdays, holidays: [] }, { open: 't' }),
      node('t', 'transfer', { team: 'Suporte' }),
    ]);
    expect(missing({ ...complete, reception: { id: 'recepcao', callbot: true, doc } })).toEqual([
      'receptionCallbot',
      'openingHours',
      'teamWithAgents',
    ]);
  });

  it("R2: the callbot must be this line's and marked as a callbot", () => {
    expect(missing({ ...complete, line: { ...line, callbotId: 'outro' } })).toContain(
      'receptionCallbot',
    );
    expect(
      missing({ ...complete, reception: { ...complete.reception!, callbot: false } }),
    ).toContain('receptionCallbot');
  });

  it('R1: calls cannot be enabled when the number has no WhatsApp calling feature', () => {
    expect(
      canEnableWhatsAppCalls({ ...complete, line: { ...line, calling: false } }),
    ).toMatchObject({
      ok: false,
      code: 'R1.callingOff',
    });
  });

  it('R2: taking the callbot off a line with calls enabled turns its calls off, saying why', () => {
    const enabled = { ...line, callsEnabled: true };
    const off = linesToTurnOff([enabled], complete.teams, () => undefined, 1000);
    expect(off).toHaveLength(1);
    expect(off[0]!.line).toMatchObject({
      callsEnabled: false,
      callsTurnedOff: { at: 1000, missing: ['receptionCallbot', 'openingHours', 'teamWithAgents'] },
    });
    expect(off[0]!.off.message).toContain('were turned off');
    // Nothing happens to a line whose checklist still holds, nor to one with calls off.
    expect(linesToTurnOff([enabled], complete.teams, () => complete.reception, 1000)).toEqual([]);
    expect(linesToTurnOff([line], complete.teams, () => undefined, 1000)).toEqual([]);
  });
});

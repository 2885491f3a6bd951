import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../document/schema.ts';
import { flow } from '../test/harness.ts';
import {
  canEnableWhatsAppCalls,
  whatsappCallingChecklist,
  type ChecklistInput,
} from './checklist.ts';

const greeting: FlowNode = { id: 'g', kind: 'greeting', data: { text: 'Olá' }, connections: {} };
const hoursNode = (weekly: { day: 'mon'; start: string; end: string }[]): FlowNode => ({
  id: 'h',
  kind: 'schedule',
  data: { weekly, holidays: [] },
  connections: {},
});

const complete: ChecklistInput = {
  line: {
    id: 'w',
    kind: 'whatsapp',
    number: '+551130000000',
    displayName: 'Loja',
    business: true,
    calling: true,
    callsEnabled: false,
    callbotId: 'recepcao',
    createdAt: 0,
  },
  teams: [{ id: 'suporte', name: 'Suporte', agents: 2, isDefault: true }],
  schedules: [
    {
      id: 'comercial',
      name: 'Comercial',
      timeZone: 'America/Sao_Paulo',
      weekly: [{ day: 'mon', start: '09:00', end: '18:00' }],
      holidays: [],
    },
  ],
  defaultTeamId: 'suporte',
  callbots: [{ id: 'recepcao', doc: flow([greeting]) }],
};

const missing = (input: ChecklistInput) =>
  whatsappCallingChecklist(input)
    .filter((i) => !i.done)
    .map((i) => i.id);

describe('the WhatsApp calling checklist', () => {
  it('R2: enabling WhatsApp calls is allowed once hours, teams and a reception callbot are set', () => {
    expect(missing(complete)).toEqual([]);
    expect(canEnableWhatsAppCalls(complete)).toEqual({ ok: true });
  });

  it('R2: enabling WhatsApp calls on an empty workspace is refused, listing every missing item', () => {
    const empty: ChecklistInput = {
      line: { ...complete.line, callbotId: undefined },
      teams: [],
      schedules: [],
      callbots: [],
    };
    const result = canEnableWhatsAppCalls(empty);
    expect(result).toMatchObject({
      ok: false,
      code: 'R2.checklistIncomplete',
      missing: ['openingHours', 'teamWithAgents', 'defaultTeam', 'receptionCallbot'],
    });
    expect(result.ok === false && result.message).toContain('Opening hours');
  });

  it('R2: a schedule without hours does not count, one in the reception callbot does', () => {
    const noHours = {
      ...complete,
      schedules: [{ ...complete.schedules[0]!, weekly: [] }],
    };
    expect(missing(noHours)).toEqual(['openingHours']);
    const inCallbot = {
      ...noHours,
      callbots: [
        {
          id: 'recepcao',
          doc: flow([greeting, hoursNode([{ day: 'mon', start: '08:00', end: '12:00' }])]),
        },
      ],
    };
    expect(missing(inCallbot)).toEqual([]);
    const emptyNodeInCallbot = {
      ...noHours,
      callbots: [{ id: 'recepcao', doc: flow([greeting, hoursNode([])]) }],
    };
    expect(missing(emptyNodeInCallbot)).toEqual(['openingHours']);
  });

  it('R2: teams need agents and a default team', () => {
    expect(missing({ ...complete, teams: [{ ...complete.teams[0]!, agents: 0 }] })).toEqual([
      'teamWithAgents',
    ]);
    expect(
      missing({
        ...complete,
        defaultTeamId: undefined,
        teams: [{ ...complete.teams[0]!, isDefault: false }],
      }),
    ).toEqual(['defaultTeam']);
  });

  it('R2: the reception callbot must be a callbot assigned to this line', () => {
    expect(missing({ ...complete, callbots: [] })).toEqual(['receptionCallbot']);
    expect(missing({ ...complete, line: { ...complete.line, callbotId: 'outro' } })).toEqual([
      'receptionCallbot',
    ]);
  });

  it('R1: calls cannot be enabled when the number has no WhatsApp calling feature', () => {
    expect(
      canEnableWhatsAppCalls({ ...complete, line: { ...complete.line, calling: false } }),
    ).toMatchObject({
      ok: false,
      code: 'R1.callingOff',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { defaultPermissionLimits } from '../whatsapp/schema.ts';
import {
  lineSchema,
  namedScheduleSchema,
  teamSchema,
  WORKSPACE_FILE_FORMAT,
  workspaceFileSchema,
  type WorkspaceFile,
} from './schema.ts';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

const file = (over: Partial<WorkspaceFile> = {}): WorkspaceFile => ({
  format: WORKSPACE_FILE_FORMAT,
  exportedAt: 1_790_000_000_000,
  settings: { timeZone: 'America/Sao_Paulo', country: 'BR', defaultTeamId: 'suporte' },
  teams: [{ id: 'suporte', name: 'Suporte', agents: 3, isDefault: true }],
  schedules: [
    {
      id: 'comercial',
      name: 'Horário comercial',
      timeZone: 'America/Sao_Paulo',
      weekly: [{ day: 'mon', start: '09:00', end: '18:00' }],
      holidays: [],
    },
  ],
  lines: [
    {
      id: 'l1',
      kind: 'purchased',
      country: 'BR',
      number: '+551130000000',
      status: 'active',
      requestedAt: 1,
      orderId: 'ord-1',
      createdAt: 1,
      callbotId: 'recepcao',
    },
  ],
  callbots: [{ flowId: 'recepcao' }],
  flows: [{ id: 'recepcao', name: 'Recepção', callbot: true, doc: {} }],
  customers: [{ id: 'c1', number: '+5511912345678', createdAt: 1 }],
  permissions: [
    { number: '+5511912345678', state: 'always', updatedAt: 2, unansweredInRow: 0, requests: [1] },
  ],
  attempts: [{ id: 'a1', number: '+5511912345678', at: 3, outcome: 'answered' }],
  bots: [{ id: 'vendas-ia', name: 'Vendas IA' }],
  ...over,
});

describe('workspace schemas', () => {
  it('accepts a consistent workspace file', () => {
    expect(messages(workspaceFileSchema.safeParse(file()))).toEqual([]);
  });

  it('reads a file written before there were bots, with no bots', () => {
    const { bots: _none, ...older } = file();
    const result = workspaceFileSchema.safeParse(older);
    expect(result.success && result.data.bots).toEqual([]);
  });

  it('refuses a bot listed twice or without a name, naming the field', () => {
    const f = file({
      bots: [
        { id: 'vendas-ia', name: 'Vendas IA' },
        { id: 'vendas-ia', name: 'Outra' },
        { id: 'sem-nome', name: ' ' },
      ],
    });
    expect(messages(workspaceFileSchema.safeParse(f))).toEqual([
      'bots.2.name: a bot needs a name',
      'bots.1: the bot "vendas-ia" is listed twice',
    ]);
  });

  it('refuses two teams, bots or schedules with the same name (case and spaces do not count), naming the field', () => {
    const hours = { timeZone: 'UTC', weekly: [], holidays: [] };
    const f = file({
      schedules: [
        { id: 'comercial', name: 'Comercial', ...hours },
        { id: 'comercial2', name: 'comercial', ...hours },
      ],
      teams: [
        { id: 'suporte', name: 'Vendas', agents: 1, isDefault: true },
        { id: 'b', name: 'vendas ', agents: 1, isDefault: false },
        { id: 'c', name: 'Vendás', agents: 1, isDefault: false },
      ],
      bots: [
        { id: 'x', name: 'Atendimento' },
        { id: 'y', name: 'ATENDIMENTO' },
      ],
    });
    expect(messages(workspaceFileSchema.safeParse(f))).toEqual([
      'teams.1.name: the team "vendas" has the same name as "Vendas" (suporte)',
      'bots.1.name: the bot "ATENDIMENTO" has the same name as "Atendimento" (x)',
      'schedules.1.name: the schedule "comercial" has the same name as "Comercial" (comercial)',
    ]);
  });

  it('accepts the FAQ limits as workspace settings', () => {
    const f = file({
      settings: { timeZone: 'UTC', country: 'BR', whatsappLimits: defaultPermissionLimits },
    });
    expect(workspaceFileSchema.safeParse(f).success).toBe(true);
  });

  it('refuses a team with negative agents or no name, naming the field', () => {
    expect(
      messages(teamSchema.safeParse({ id: 't', name: ' ', agents: -1, isDefault: false })),
    ).toEqual(['name: a team needs a name', 'agents: the number of agents cannot be negative']);
  });

  it('refuses a named schedule in an unknown time zone', () => {
    const r = namedScheduleSchema.safeParse({
      id: 's',
      name: 'S',
      timeZone: 'Mars/Olympus',
      weekly: [],
      holidays: [],
    });
    expect(messages(r)).toEqual(['timeZone: expected a time zone such as America/Sao_Paulo']);
  });

  it('refuses a number that is not E.164 and unknown fields', () => {
    const r = lineSchema.safeParse({
      id: 'l',
      kind: 'sip',
      label: 'PBX',
      host: 'pbx.example.com',
      port: 5060,
      transport: 'tls',
      username: 'u',
      password: 'p',
      number: '011 3000-0000',
      createdAt: 0,
      extra: 1,
    });
    expect(messages(r)).toEqual([
      'number: expected a phone number in international format: + then the country code and the number, digits only, e.g. +551130000000',
      ': Unrecognized key: "extra"',
    ]);
  });

  it('R1: a WhatsApp line must be a Business number, and calls need the calling feature', () => {
    const base = {
      id: 'w',
      kind: 'whatsapp',
      number: '+5511912345678',
      displayName: 'Loja',
      calling: false,
      callsEnabled: true,
      createdAt: 0,
    };
    expect(messages(lineSchema.safeParse({ ...base, business: false }))).toContain(
      'business: only WhatsApp Business numbers can take calls (R1)',
    );
    expect(messages(lineSchema.safeParse({ ...base, business: true }))).toEqual([
      'callsEnabled: calls cannot be enabled on a number whose WhatsApp calling feature is off (R1)',
    ]);
  });

  it('refuses a SIP port out of range and an unknown transport', () => {
    const r = lineSchema.safeParse({
      id: 'l',
      kind: 'sip',
      label: 'PBX',
      host: '10.0.0.1',
      port: 70000,
      transport: 'ws',
      username: 'u',
      password: 'p',
      createdAt: 0,
    });
    expect(messages(r)).toEqual([
      'port: a port is between 1 and 65535',
      'transport: the transport is udp, tcp or tls',
    ]);
  });

  it('refuses a file whose references do not hold', () => {
    const f = file({
      teams: [
        { id: 'a', name: 'A', agents: 1, isDefault: true },
        { id: 'a', name: 'B', agents: 1, isDefault: true },
      ],
      callbots: [{ flowId: 'nao-existe' }],
    });
    expect(messages(workspaceFileSchema.safeParse(f))).toEqual([
      'teams.1: the team "a" is listed twice',
      'teams.1.isDefault: only one team can be the default team',
      'settings.defaultTeamId: the default team "suporte" must be a team of the file marked as the default',
      'callbots.0.flowId: the callbot "nao-existe" is not a flow of the file marked as a callbot',
    ]);
  });

  it('refuses a line whose callbot is a flow not marked as a callbot', () => {
    const f = file({
      flows: [{ id: 'recepcao', name: 'Recepção', callbot: false, doc: {} }],
      callbots: [],
    });
    expect(messages(workspaceFileSchema.safeParse(f))).toEqual([
      'lines.0.callbotId: the line\'s callbot "recepcao" is not a callbot of the file',
    ]);
  });

  it('refuses a temporary permission without expiry', () => {
    const f = file({
      permissions: [
        {
          number: '+5511912345678',
          state: 'temporary',
          updatedAt: 2,
          unansweredInRow: 0,
          requests: [],
        },
      ],
    });
    expect(messages(workspaceFileSchema.safeParse(f))).toEqual([
      'permissions.0.expiresAt: a temporary permission has an expiry, and only a temporary one',
    ]);
  });

  it('refuses another file format', () => {
    expect(messages(workspaceFileSchema.safeParse(file({ format: 'x' as never })))).toEqual([
      'format: expected a workspace file (callbot-workspace/1)',
    ]);
  });
});

describe('a workspace file read from JSON', () => {
  it('refuses a __proto__ key instead of reading it', () => {
    const text = JSON.stringify(file()).replace('{', '{"__proto__":{"polluted":true},');
    const result = workspaceFileSchema.safeParse(JSON.parse(text));
    expect(messages(result)).toEqual([': Unrecognized key: "__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

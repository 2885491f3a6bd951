import { describe, expect, it } from 'vitest';
import { createFlow } from '../document/create.ts';
import { fieldProblemSchema, importRefusalSchema } from '../api/workspace.ts';
import { customerSchema } from '../whatsapp/schema.ts';
import { fieldMessage, fieldMessages } from './fieldMessages.ts';
import { checkWorkspaceValue, fieldProblems } from './file.ts';
import { lineSchema, teamSchema, WORKSPACE_FILE_FORMAT } from './schema.ts';

/** The problems of a value its schema refuses. */
function refused(schema: { safeParse(value: unknown): { error?: unknown } }, value: unknown) {
  const { error } = schema.safeParse(value);
  if (error === undefined) throw new Error('the value was accepted');
  return fieldProblems(error as Parameters<typeof fieldProblems>[0]);
}

const sipLine = {
  id: 'pbx',
  kind: 'sip',
  createdAt: 0,
  label: 'PBX',
  host: 'pbx.example.com',
  port: 5060,
  transport: 'udp',
  username: 'bot',
  password: 'secret',
};

describe('fieldProblems', () => {
  it('gives a message of the table its code, the English words as they were', () => {
    expect(refused(teamSchema, { id: 't', name: 'Vendas', agents: -1, isDefault: false })).toEqual([
      {
        path: 'agents',
        message: 'the number of agents cannot be negative',
        code: 'agentsNegative',
      },
    ]);
    expect(refused(lineSchema, { ...sipLine, port: 70000, transport: 'sctp' })).toEqual([
      { path: 'port', message: 'a port is between 1 and 65535', code: 'portRange' },
      { path: 'transport', message: 'the transport is udp, tcp or tls', code: 'transport' },
    ]);
  });

  it('gives a name its record’s code and its limit as a param', () => {
    expect(refused(teamSchema, { id: 't', name: '  ', agents: 1, isDefault: false })).toEqual([
      { path: 'name', message: 'a team needs a name', code: 'teamNameRequired' },
    ]);
    expect(refused(lineSchema, { ...sipLine, label: 'x'.repeat(121) })).toEqual([
      {
        path: 'label',
        message: 'a SIP line name has at most 120 characters',
        code: 'sipLineNameTooLong',
        params: { max: 120 },
      },
    ]);
  });

  it('gives a phone number’s problem its code and the number as a param', () => {
    const customer = { id: 'c', number: '+55 11 3000-0000', createdAt: 0 };
    expect(refused(customerSchema, customer)[0]).toMatchObject({
      path: 'number',
      code: 'phoneFormat',
    });
    expect(refused(customerSchema, { ...customer, number: '+5511' })).toEqual([
      {
        path: 'number',
        message: '+5511 is too short for a phone number of its country',
        code: 'phoneTooShort',
        params: { number: '+5511' },
      },
    ]);
  });

  it('codes the problems of a workspace file’s records together, under their path', () => {
    const team = { id: 'vendas', name: 'Vendas', agents: 2, isDefault: true };
    const checked = checkWorkspaceValue({
      format: WORKSPACE_FILE_FORMAT,
      exportedAt: 0,
      settings: { timeZone: 'America/Sao_Paulo', country: 'BR' },
      teams: [team, { ...team, id: 'VENDAS ', isDefault: false }],
      schedules: [],
      lines: [],
      callbots: [],
      flows: [{ id: 'f', name: 'Recepção', callbot: false, doc: createFlow('Recepção') }],
      customers: [],
      permissions: [],
      attempts: [],
    });
    expect(!checked.ok && checked.problems).toEqual([
      {
        path: 'teams[1].name',
        message: 'the team "Vendas" has the same name as "Vendas" (vendas)',
        code: 'teamSameName',
        params: { name: 'Vendas', first: 'Vendas', firstId: 'vendas' },
      },
    ]);
  });

  it('leaves zod’s own words uncoded, under their path', () => {
    expect(refused(teamSchema, { id: 't', name: 'Vendas', agents: 2, isDefault: 'yes' })).toEqual([
      { path: 'isDefault', message: 'Invalid input: expected boolean, received string' },
    ]);
  });

  it('writes a template’s params into the English words', () => {
    expect(fieldMessage('phoneNotE164', { number: '+55011', e164: '+5511' })).toBe(
      '+55011 is not in E.164: write it as +5511',
    );
    expect(fieldMessages.fileFormat).toContain(WORKSPACE_FILE_FORMAT);
  });
});

describe('fieldProblemSchema', () => {
  it('reads an answer without codes, and drops a code it does not know', () => {
    const refusal = importRefusalSchema.parse({
      error: 'invalid_workspace_file',
      message: 'teams[0].agents: the number of agents cannot be negative',
      problems: [
        { path: 'teams[0].agents', message: 'old server' },
        { path: 'teams[0].name', message: 'newer server', code: 'teamNameSoon', params: { x: 1 } },
      ],
    });
    expect(refusal.problems).toEqual([
      { path: 'teams[0].agents', message: 'old server' },
      { path: 'teams[0].name', message: 'newer server', params: { x: 1 } },
    ]);
    expect(
      fieldProblemSchema.parse({
        path: 'name',
        message: 'm',
        code: 'teamNameTooLong',
        params: { max: 80 },
      }),
    ).toEqual({ path: 'name', message: 'm', code: 'teamNameTooLong', params: { max: 80 } });
  });
});

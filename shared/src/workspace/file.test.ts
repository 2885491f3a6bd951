import { describe, expect, it } from 'vitest';
import { createFlow } from '../document/create.ts';
import { checkWorkspaceFile, checkWorkspaceValue } from './file.ts';
import { WORKSPACE_FILE_FORMAT } from './schema.ts';

const file = () => ({
  format: WORKSPACE_FILE_FORMAT,
  exportedAt: Date.parse('2026-12-07T12:00:00Z'),
  settings: { timeZone: 'America/Sao_Paulo', country: 'BR', defaultTeamId: 'vendas' },
  teams: [{ id: 'vendas', name: 'Vendas', agents: 2, isDefault: true }],
  schedules: [],
  lines: [],
  callbots: [{ flowId: 'recepcao' }],
  flows: [{ id: 'recepcao', name: 'Recepção', callbot: true, doc: createFlow('Recepção') }],
  customers: [],
  permissions: [],
  attempts: [],
});

describe('checkWorkspaceFile', () => {
  it('reads a file into fresh records and flows, with its counts', () => {
    const raw = file();
    const checked = checkWorkspaceFile(JSON.stringify(raw));
    expect(checked.ok && checked.counts).toMatchObject({ flows: 1, callbots: 1, teams: 1 });
    expect(checked.ok && checked.docs[0]!.settings.name).toBe('Recepção');
    const again = checkWorkspaceValue(raw);
    expect(again.ok && again.file.teams[0]).not.toBe(raw.teams[0]);
  });

  it('names the record, the field and why, for a record and for a flow', () => {
    const badTeam = {
      ...file(),
      teams: [{ id: 'vendas', name: 'Vendas', agents: -2, isDefault: true }],
    };
    expect(checkWorkspaceValue(badTeam)).toEqual({
      ok: false,
      problems: [
        {
          path: 'teams[0].agents',
          message: 'the number of agents cannot be negative',
          code: 'agentsNegative',
        },
      ],
    });
    const raw = file();
    const doc = { ...raw.flows[0]!.doc, settings: { ...raw.flows[0]!.doc.settings, name: '' } };
    const badFlow = checkWorkspaceValue({ ...raw, flows: [{ ...raw.flows[0]!, doc }] });
    expect(!badFlow.ok && badFlow.problems[0]!.path).toMatch(/^flows\[0\]\.doc\.settings/);
  });

  it('refuses text that is not JSON, and JSON that is not a workspace file', () => {
    const notJson = checkWorkspaceFile('{oops');
    expect(!notJson.ok && notJson.problems).toHaveLength(1);
    expect(!notJson.ok && notJson.problems[0]!.message).toMatch(/^the file is not JSON/);
    const notWorkspace = checkWorkspaceFile(JSON.stringify(createFlow('x')));
    expect(notWorkspace.ok).toBe(false);
    expect(!notWorkspace.ok && notWorkspace.problems.map((p) => p.path)).toContain('format');
  });
});

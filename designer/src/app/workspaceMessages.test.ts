import { afterEach, describe, expect, it } from 'vitest';
import { importRefusalSchema } from '@callbot/shared';
import { i18n } from '../i18n/index.ts';
import { WorkspaceRefusal } from '../persistence/workspaceErrors.ts';
import { createTestWorkspace, refusal } from '../persistence/testing.ts';
import type { DesignerDb } from '../persistence/db.ts';
import { brokenRecordMessage, fieldProblemMessage, workspaceMessage } from './workspaceMessages.ts';

const opened: DesignerDb[] = [];
afterEach(async () => {
  opened.splice(0).forEach((db) => db.close());
  await i18n.changeLanguage('en');
});

function setup() {
  const made = createTestWorkspace();
  opened.push(made.db);
  return made;
}

describe('workspaceMessage of a record its schema refuses', () => {
  it('says a team with negative agents in the page’s language, without the field’s path', async () => {
    const { workspace } = setup();
    const team = await workspace.createTeam({ name: 'Vendas', agents: 2 });
    const refused = await refusal(workspace.updateTeam(team.id, { agents: -1 }));
    expect(workspaceMessage(refused)).toBe('Not saved: the number of agents cannot be negative');
    await i18n.changeLanguage('pt-BR');
    expect(workspaceMessage(refused)).toBe('Não salvo: o número de agentes não pode ser negativo');
    await i18n.changeLanguage('es');
    expect(workspaceMessage(refused)).toBe(
      'No guardado: el número de agentes no puede ser negativo',
    );
    // The error's own message stays in the schema's English words, for logs.
    expect(refused.message).toBe(
      'The team cannot be saved: agents: the number of agents cannot be negative.',
    );
  });

  it('says a name’s limit with its figure, and every problem of the record', async () => {
    const { workspace } = setup();
    const refused = await refusal(workspace.createTeam({ name: 'x'.repeat(81), agents: -3 }));
    await i18n.changeLanguage('pt-BR');
    expect(workspaceMessage(refused)).toBe(
      'Não salvo: o nome da equipe tem no máximo 80 caracteres; o número de agentes não pode ser negativo',
    );
    await i18n.changeLanguage('es');
    expect(workspaceMessage(refused)).toBe(
      'No guardado: el nombre del equipo tiene como máximo 80 caracteres; el número de agentes no puede ser negativo',
    );
  });

  it('keeps an uncoded problem as path: message, in any language', async () => {
    const refused = new WorkspaceRefusal('invalid', 'The line: callbotId: not a callbot.', {
      problems: [{ path: 'callbotId', message: 'not a callbot of this workspace' }],
    });
    await i18n.changeLanguage('pt-BR');
    expect(workspaceMessage(refused)).toBe('Não salvo: callbotId: not a callbot of this workspace');
    expect(fieldProblemMessage({ path: '', message: 'the file is not JSON' })).toBe(
      'the file is not JSON',
    );
  });

  it('says the problems of a server’s answer by their codes, and an older answer’s as written', async () => {
    const answer = importRefusalSchema.parse({
      error: 'invalid_workspace_file',
      message: 'teams[0].name: a team needs a name',
      problems: [
        { path: 'teams[0].name', message: 'a team needs a name', code: 'teamNameRequired' },
        {
          path: 'lines[1].number',
          message: '+5511 is too short for a phone number of its country',
          code: 'phoneTooShort',
          params: { number: '+5511' },
        },
        { path: 'teams[1].agents', message: 'the number of agents cannot be negative' },
      ],
    });
    await i18n.changeLanguage('es');
    expect(answer.problems.map(fieldProblemMessage)).toEqual([
      'el equipo necesita un nombre',
      '+5511 es demasiado corto para un número de teléfono de su país',
      'teams[1].agents: the number of agents cannot be negative',
    ]);
  });
});

describe('brokenRecordMessage', () => {
  it('says why a stored team does not read, in the page’s language', async () => {
    const { workspace, db } = setup();
    await db.teams.put({ id: 'broken', name: 'Quebrada', agents: 'many', isDefault: false });
    const [broken] = (await workspace.listTeams()).broken;
    await i18n.changeLanguage('pt-BR');
    expect(brokenRecordMessage(broken!)).toBe(
      'Um registro guardado (broken) não pode ser lido e fica de fora: o número de agentes é um número inteiro',
    );
    await i18n.changeLanguage('es');
    expect(brokenRecordMessage(broken!)).toBe(
      'Un registro guardado (broken) no se puede leer y queda fuera: el número de agentes es un número entero',
    );
  });
});

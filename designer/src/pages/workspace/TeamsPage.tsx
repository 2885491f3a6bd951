import { useState, type FormEvent } from 'react';
import { Pencil, Plus, Trash2, Users } from 'lucide-react';
import { Button, IconButton } from '../../ui/Button.tsx';
import { useTranslation } from 'react-i18next';
import type { Team } from '@callbot/shared';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useTeams, useWorkspace } from '../../app/WorkspaceContext.tsx';
import { BrokenRecords } from './BrokenRecords.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { ActionsCell, DataTable, EmptyTable } from '../../ui/Table.tsx';
import { EditOnly, ReadOnlyFields } from '../../account/ReadOnly.tsx';

/**
 * Teams (equipes de atendimento): create, rename, set the agents available,
 * choose the one default team (R9: the default callbot transfers to it),
 * delete with confirmation. A trainer or a viewer sees them read-only.
 */
export function TeamsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const teams = useTeams();
  const [problem, setProblem] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  // The default chosen, shown at once until the stored teams catch up (or the change fails).
  const [choosing, setChoosing] = useState<string | null>(null);

  const attempt = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(workspaceMessage(error));
    }
  };

  const [newName, setNewName] = useState('');
  const [newAgents, setNewAgents] = useState('1');
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void attempt(async () => {
      await workspace.createTeam({ name: newName, agents: Number(newAgents) });
      setNewName('');
      setNewAgents('1');
    });
  };

  const list = teams.value?.items ?? [];
  if (choosing !== null && list.some((t) => t.id === choosing && t.isDefault)) setChoosing(null);
  const isDefault = (team: Team) => (choosing === null ? team.isDefault : team.id === choosing);
  const others = (team: Team) => list.length > 1 && team.isDefault;

  return (
    <div className="workspace-page">
      <h1>{t('workspace.teams.title')}</h1>
      <p className="workspace-page__lead">{t('workspace.teams.lead')}</p>
      <ReadOnlyFields>
        <EditOnly>
          <form className="workspace-page__new" onSubmit={create}>
            <label>
              {t('workspace.teams.name')}
              <input
                name="name"
                maxLength={80}
                required
                value={newName}
                onChange={(e) => setNewName(e.target.value)}
              />
            </label>
            <label>
              {t('workspace.teams.agents')}
              <input
                name="agents"
                type="number"
                min={0}
                step={1}
                required
                value={newAgents}
                onChange={(e) => setNewAgents(e.target.value)}
              />
            </label>
            <Button type="submit" variant="primary" icon={<Plus />}>
              {t('workspace.teams.create')}
            </Button>
          </form>
        </EditOnly>

        {(problem ?? teams.error) && (
          <p role="alert" className="workspace-page__problem">
            {problem ?? teams.error}
          </p>
        )}
        <BrokenRecords records={teams.value?.broken ?? []} />

        {teams.value === null ? (
          <p>{t('common.loading')}</p>
        ) : list.length === 0 ? (
          <EmptyTable icon={<Users size={20} />} title={t('workspace.teams.empty')} />
        ) : (
          <DataTable
            caption={t('workspace.teams.title')}
            columns={[
              t('workspace.teams.name'),
              t('workspace.teams.agents'),
              t('workspace.teams.default'),
            ]}
            actionsLabel={t('workspace.actions')}
          >
            {list.map((team) => (
              <tr key={team.id}>
                <th scope="row">
                  {renaming === team.id ? (
                    <NameForm
                      name={team.name}
                      label={t('workspace.teams.newNameOf', { name: team.name })}
                      onDone={(name) => {
                        setRenaming(null);
                        if (name && name !== team.name)
                          void attempt(() => workspace.updateTeam(team.id, { name }));
                      }}
                    />
                  ) : (
                    team.name
                  )}
                </th>
                <td>
                  <AgentsField
                    team={team}
                    onChange={(agents) =>
                      void attempt(() => workspace.updateTeam(team.id, { agents }))
                    }
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="default-team"
                    checked={isDefault(team)}
                    aria-label={t('workspace.teams.defaultOf', { name: team.name })}
                    onChange={() => {
                      setChoosing(team.id);
                      void attempt(async () => {
                        try {
                          await workspace.setDefaultTeam(team.id);
                        } catch (error) {
                          setChoosing(null);
                          throw error;
                        }
                      });
                    }}
                  />
                  {isDefault(team) && (
                    <span className="workspace-badge">{t('workspace.teams.default')}</span>
                  )}
                </td>
                <ActionsCell>
                  <EditOnly>
                    <IconButton
                      icon={<Pencil />}
                      onClick={() => setRenaming(team.id)}
                      label={t('workspace.teams.renameOf', { name: team.name })}
                      tooltip={t('workspace.rename')}
                    />
                    <IconButton
                      icon={<Trash2 />}
                      onClick={() =>
                        others(team)
                          ? setProblem(t('workspace.refusal.defaultTeam'))
                          : setDeleting(team)
                      }
                      label={t('workspace.teams.deleteOf', { name: team.name })}
                      tooltip={t('workspace.delete')}
                    />
                  </EditOnly>
                </ActionsCell>
              </tr>
            ))}
          </DataTable>
        )}

        {deleting && (
          <ConfirmDialog
            title={t('workspace.teams.deleteTitle', { name: deleting.name })}
            body={t('workspace.teams.deleteBody')}
            confirm={t('workspace.delete')}
            onClose={(confirmed) => {
              const team = deleting;
              setDeleting(null);
              if (confirmed) void attempt(() => workspace.deleteTeam(team.id));
            }}
          />
        )}
      </ReadOnlyFields>
    </div>
  );
}

/** The agents available: saved when the field is left or Enter pressed, if it is a whole number. */
function AgentsField({ team, onChange }: { team: Team; onChange: (agents: number) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(team.agents));
  const [seen, setSeen] = useState(team.agents);
  if (seen !== team.agents) {
    setSeen(team.agents);
    // Another change of the team shows here, unless the user is typing another number.
    if (value === String(seen)) setValue(String(team.agents));
  }
  const commit = (input: HTMLInputElement) => {
    if (value.trim() === '') return setValue(String(team.agents));
    // A negative or fractional count is said at the field (in the page's words), not sent.
    if (!input.checkValidity()) return void input.reportValidity();
    const agents = Number(value);
    if (agents !== team.agents) onChange(agents);
  };
  return (
    <input
      type="number"
      min={0}
      step={1}
      className="workspace-table__number"
      aria-label={t('workspace.teams.agentsOf', { name: team.name })}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={(e) => commit(e.currentTarget)}
      onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget)}
    />
  );
}

/** A name typed in place: Enter saves, Escape gives up. */
export function NameForm({
  name,
  label,
  onDone,
}: {
  name: string;
  label: string;
  onDone: (name: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="workspace-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get('name');
        onDone(typeof value === 'string' && value.trim() ? value.trim() : null);
      }}
    >
      <label>
        <span className="visually-hidden">{label}</span>
        <input
          name="name"
          defaultValue={name}
          maxLength={80}
          autoFocus
          onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
        />
      </label>
      <Button type="submit" variant="primary" size="sm">
        {t('workspace.saveName')}
      </Button>
    </form>
  );
}

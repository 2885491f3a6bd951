import { roles, type Role } from '@callbot/shared';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link2, LogOut, Trash2, X } from 'lucide-react';
import { useDateTimeFormat } from '../i18n/useDateTimeFormat.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Badge } from '../ui/Badge.tsx';
import { Button, IconButton } from '../ui/Button.tsx';
import { Select } from '../ui/Field.tsx';
import { useAccount, useCurrentWorkspace } from './AccountContext.tsx';
import { BrowserOnlyNote } from './BrowserOnlyNote.tsx';
import type { InvitationCreated, Member, Members } from './client.ts';
import { CopyField } from './CopyField.tsx';
import { accountMessage } from './messages.ts';
import './account.css';
import { ActionsCell, DataTable } from '../ui/Table.tsx';

/** Most allowed first, as people read a list of roles. */
const rolesDown = [...roles].reverse();

/**
 * The workspace's members. An owner invites by link (with a role), sees and
 * revokes pending invitations, changes roles and removes members; the others
 * see the list, and may leave.
 */
export function MembersPage() {
  const current = useCurrentWorkspace();
  if (!current) return <BrowserOnlyNote />;
  return <Membership key={current.workspace.id} />;
}

function Membership() {
  const { t } = useTranslation();
  const account = useAccount();
  const { user, workspace } = useCurrentWorkspace()!;
  const dateFormat = useDateTimeFormat();
  const owner = workspace.role === 'owner';
  const [list, setList] = useState<Members | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [inviteRole, setInviteRole] = useState<Role>('editor');
  const [invited, setInvited] = useState<InvitationCreated | null>(null);

  const load = useCallback(
    () =>
      account
        .run((client) => client.members(workspace.id))
        .then(setList, (error: unknown) => {
          setProblem(accountMessage(error));
        }),
    [account, workspace.id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  /** Runs a change, then reads the list again (and the session, when it is the user's own). */
  const attempt = async (change: () => Promise<unknown>, own = false) => {
    setProblem(null);
    try {
      await account.run(change);
      if (own) await account.refresh();
      await load();
    } catch (error) {
      setProblem(accountMessage(error));
    }
  };

  const invite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void attempt(async () => {
      setInvited(await account.client.invite(workspace.id, inviteRole));
    });
  };

  const roleName = (role: Role) => t(`account.roles.${role}`);
  return (
    <div className="workspace-page">
      <h1>{t('nav.members')}</h1>
      <p className="workspace-page__lead">
        {t('account.members.lead', { workspace: workspace.name })}
      </p>
      {!owner && <p className="account-card__hint">{t('account.members.readOnly')}</p>}
      {problem && (
        <p role="alert" className="workspace-page__problem">
          {problem}
        </p>
      )}

      {list === null ? (
        !problem && <p>{t('common.loading')}</p>
      ) : (
        <DataTable
          caption={t('nav.members')}
          columns={[
            t('account.members.name'),
            t('account.members.email'),
            t('account.members.role'),
          ]}
          actionsLabel={t('workspace.actions')}
        >
          {list.members.map((member) => {
            const self = member.userId === user.id;
            return (
              <tr key={member.userId}>
                <th scope="row">
                  {member.name}{' '}
                  {self && <span className="account-you">{t('account.members.you')}</span>}
                </th>
                <td>{member.email}</td>
                <td>
                  {owner ? (
                    <select
                      className="ui-select account-role-select"
                      aria-label={t('account.members.roleOf', { name: member.name })}
                      value={member.role}
                      onChange={(e) => {
                        const role = e.target.value as Role;
                        void attempt(
                          () => account.client.changeRole(workspace.id, member.userId, role),
                          self,
                        );
                      }}
                    >
                      {rolesDown.map((role) => (
                        <option key={role} value={role}>
                          {roleName(role)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <Badge tone={member.role === 'owner' ? 'accent' : 'neutral'}>
                      {roleName(member.role)}
                    </Badge>
                  )}
                </td>
                {/* An empty flex cell would lose its height: plain when it holds nothing. */}
                <ActionsCell>
                  {self ? (
                    <IconButton
                      icon={<LogOut />}
                      label={t('account.members.leave')}
                      onClick={() => setRemoving(member)}
                    />
                  ) : (
                    owner && (
                      <IconButton
                        icon={<Trash2 />}
                        label={t('account.members.removeOf', { name: member.name })}
                        onClick={() => setRemoving(member)}
                      />
                    )
                  )}
                </ActionsCell>
              </tr>
            );
          })}
        </DataTable>
      )}

      {owner && (
        <section className="account-section" aria-labelledby="invite-title">
          <h2 id="invite-title">{t('account.members.invite')}</h2>
          <p className="account-card__hint">{t('account.members.inviteLead')}</p>
          <form className="account-inline-form" onSubmit={invite}>
            <Select
              label={t('account.members.inviteRole')}
              value={inviteRole}
              onChange={(e) => setInviteRole(e.target.value as Role)}
            >
              {rolesDown.map((role) => (
                <option key={role} value={role}>
                  {`${roleName(role)} — ${t(`account.roleHints.${role}`)}`}
                </option>
              ))}
            </Select>
            <Button type="submit" variant="primary" icon={<Link2 />}>
              {t('account.members.createLink')}
            </Button>
          </form>
          {invited && (
            <CopyField
              key={invited.id}
              label={t('account.members.link')}
              value={invited.link}
              copyLabel={t('account.members.copy')}
              hint={t('account.members.linkHint', {
                date: dateFormat.format(new Date(invited.expiresAt)),
              })}
            />
          )}

          <h2>{t('account.members.pending')}</h2>
          {list && list.invitations.length === 0 ? (
            <p>{t('account.members.noPending')}</p>
          ) : (
            <DataTable
              caption={t('account.members.pending')}
              columns={[
                t('account.members.role'),
                t('account.members.createdAt'),
                t('account.members.expiresAt'),
              ]}
              actionsLabel={t('workspace.actions')}
            >
              {list?.invitations.map((invitation) => {
                const created = dateFormat.format(new Date(invitation.createdAt));
                return (
                  <tr key={invitation.id}>
                    <th scope="row">
                      {t('account.members.invitedAs', { role: roleName(invitation.role) })}
                    </th>
                    <td>
                      {created} · {invitation.createdBy}
                    </td>
                    <td>{dateFormat.format(new Date(invitation.expiresAt))}</td>
                    <ActionsCell>
                      <IconButton
                        icon={<X />}
                        label={t('account.members.revokeOf', {
                          role: roleName(invitation.role),
                          date: created,
                        })}
                        tooltip={t('account.members.revoke')}
                        onClick={() =>
                          void attempt(async () => {
                            await account.client.revokeInvitation(workspace.id, invitation.id);
                            if (invited?.id === invitation.id) setInvited(null);
                          })
                        }
                      />
                    </ActionsCell>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </section>
      )}

      {removing && (
        <ConfirmDialog
          title={
            removing.userId === user.id
              ? t('account.members.leaveTitle', { workspace: workspace.name })
              : t('account.members.removeTitle', { name: removing.name, workspace: workspace.name })
          }
          body={
            removing.userId === user.id
              ? t('account.members.leaveBody')
              : t('account.members.removeBody')
          }
          confirm={
            removing.userId === user.id ? t('account.members.leave') : t('account.members.remove')
          }
          onClose={(confirmed) => {
            const member = removing;
            setRemoving(null);
            if (confirmed) {
              void attempt(
                () => account.client.removeMember(workspace.id, member.userId),
                member.userId === user.id,
              );
            }
          }}
        />
      )}
    </div>
  );
}

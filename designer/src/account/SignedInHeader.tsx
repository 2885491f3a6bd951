import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Building2, ChevronDown, KeyRound, LogOut, Plus, Users } from 'lucide-react';
import { membersHref, tokensHref } from '../app/route.ts';
import { LanguageMenu } from '../ui/LanguageMenu.tsx';
import { buttonClass } from '../ui/Button.tsx';
import { Menu, MenuItem, MenuRadioGroup, MenuSeparator } from '../ui/Menu.tsx';
import { useAccount, useAccountState } from './AccountContext.tsx';
import { CreateWorkspaceDialog } from './CreateWorkspaceForm.tsx';
import './account.css';

/** "OD" for Olga Dono: the account button's face. */
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');

/**
 * The header's end for a signed-in user: the compact language menu, the
 * workspace with the user's role in it (a chooser when there are several),
 * and the account menu. Loaded only on a callbot server.
 */
export function SignedInHeader() {
  const { t } = useTranslation();
  const account = useAccount();
  const state = useAccountState();
  const [creating, setCreating] = useState(false);
  if (state.status !== 'signedIn') return null;
  const workspace = state.workspaces.find((w) => w.id === state.workspaceId);
  const role = workspace ? t(`account.roles.${workspace.role}`) : '';
  const workspaceFace = workspace && (
    <>
      <Building2 aria-hidden="true" size={14} />
      <span className="account-menu__name">{workspace.name}</span>
      <span className="account-role">{role}</span>
    </>
  );
  return (
    <>
      <LanguageMenu />
      {workspace && state.workspaces.length > 1 ? (
        <Menu
          label={t('account.workspace.chooser')}
          trigger={
            <button
              type="button"
              className={`${buttonClass('ghost', 'sm')} account-workspace`}
              aria-label={`${t('account.workspace.chooser')}: ${workspace.name} (${role})`}
            >
              {workspaceFace}
              <ChevronDown aria-hidden="true" size={14} />
            </button>
          }
        >
          <MenuRadioGroup
            label={t('account.workspace.chooser')}
            value={workspace.id}
            onChange={(id) => account.chooseWorkspace(id)}
            options={state.workspaces.map((w) => ({
              value: w.id,
              label: `${w.name} · ${t(`account.roles.${w.role}`)}`,
            }))}
          />
        </Menu>
      ) : (
        workspace && <span className="account-workspace">{workspaceFace}</span>
      )}
      <Menu
        trigger={
          <button
            type="button"
            className="account-avatar"
            aria-label={t('account.menu.label', { name: state.user.name })}
            title={state.user.name}
          >
            {initials(state.user.name)}
          </button>
        }
      >
        <div className="account-menu__who">
          <strong>{state.user.name}</strong>
          <span>{state.user.email}</span>
          {workspace && <span>{t('account.menu.role', { role, workspace: workspace.name })}</span>}
        </div>
        <MenuSeparator />
        <MenuItem icon={<Users />} onSelect={() => (window.location.hash = membersHref)}>
          {t('nav.members')}
        </MenuItem>
        <MenuItem icon={<KeyRound />} onSelect={() => (window.location.hash = tokensHref)}>
          {t('nav.tokens')}
        </MenuItem>
        <MenuItem icon={<Plus />} onSelect={() => setCreating(true)}>
          {t('account.menu.createWorkspace')}
        </MenuItem>
        <MenuSeparator />
        <MenuItem icon={<LogOut />} onSelect={() => void account.signOut()}>
          {t('account.menu.signOut')}
        </MenuItem>
      </Menu>
      {creating && <CreateWorkspaceDialog onClose={() => setCreating(false)} />}
    </>
  );
}

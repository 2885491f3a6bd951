import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Building2,
  ChevronDown,
  HardDrive,
  KeyRound,
  LogOut,
  Plus,
  UserRound,
  Users,
} from 'lucide-react';
import { membersHref, tokensHref } from '../app/route.ts';
import { Button } from '../ui/Button.tsx';
import { Menu, MenuItem, MenuRadioGroup, MenuSeparator } from '../ui/Menu.tsx';
import { Tooltip } from '../ui/Tooltip.tsx';
import { useAccount, useAccountState } from './AccountContext.tsx';
import { CreateWorkspaceDialog } from './CreateWorkspaceForm.tsx';
import './account.css';

/**
 * The header's account corner: "Browser only" when no server serves the
 * designer; signed in, the workspace (a chooser when there are several) and
 * the account menu.
 */
export function AccountHeader() {
  const state = useAccountState();
  if (state.status === 'signedIn') return <SignedIn />;
  return <BrowserOnlyLabel />;
}

/** Says, quietly, that nothing here reaches a server; the tooltip says what follows. */
export function BrowserOnlyLabel() {
  const { t } = useTranslation();
  return (
    <Tooltip content={<span className="account-tooltip">{t('account.browserOnlyHint')}</span>}>
      {/* Focusable, so the explanation is reached from the keyboard too. */}
      <span className="account-local" tabIndex={0}>
        <HardDrive aria-hidden="true" size={14} />
        {t('account.browserOnly')}
        <span className="visually-hidden">: {t('account.browserOnlyHint')}</span>
      </span>
    </Tooltip>
  );
}

function SignedIn() {
  const { t } = useTranslation();
  const account = useAccount();
  const state = useAccountState();
  const [creating, setCreating] = useState(false);
  if (state.status !== 'signedIn') return null;
  const workspace = state.workspaces.find((w) => w.id === state.workspaceId);
  const role = workspace ? t(`account.roles.${workspace.role}`) : '';
  return (
    <>
      {workspace && state.workspaces.length > 1 ? (
        <Menu
          label={t('account.workspace.chooser')}
          trigger={
            <Button
              variant="ghost"
              size="sm"
              icon={<Building2 />}
              aria-label={`${t('account.workspace.chooser')}: ${workspace.name}`}
            >
              <span className="account-menu__name">{workspace.name}</span>
              <ChevronDown aria-hidden="true" size={14} />
            </Button>
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
        workspace && (
          <span className="account-workspace-name">
            <Building2 aria-hidden="true" size={14} />
            {workspace.name}
          </span>
        )
      )}
      <Menu
        trigger={
          <Button
            variant="ghost"
            size="sm"
            icon={<UserRound />}
            aria-label={t('account.menu.label', { name: state.user.name })}
          >
            <span className="account-menu__name">{state.user.name}</span>
            {workspace && <span className="account-role">{role}</span>}
          </Button>
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

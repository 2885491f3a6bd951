import { useTranslation } from 'react-i18next';
import { LogOut } from 'lucide-react';
import { Button } from '../ui/Button.tsx';
import { useAccount } from './AccountContext.tsx';
import { AccountScreen } from './AccountScreen.tsx';
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx';

/** Signed in but a member of no workspace (never invited, or removed): create one, or sign out. */
export function NoWorkspacePage() {
  const { t } = useTranslation();
  const account = useAccount();
  return (
    <AccountScreen title={t('account.workspace.noneTitle')}>
      <p className="account-card__lead" role="status">
        {t('account.workspace.noneLead')}
      </p>
      <CreateWorkspaceForm />
      <div className="account-card__footer">
        <Button variant="ghost" icon={<LogOut />} onClick={() => void account.signOut()}>
          {t('account.menu.signOut')}
        </Button>
      </div>
    </AccountScreen>
  );
}

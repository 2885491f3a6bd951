import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LogIn } from 'lucide-react';
import { Button } from '../ui/Button.tsx';
import { EmailField, PasswordField } from './CredentialFields.tsx';
import { useAccount } from './AccountContext.tsx';
import { AccountScreen, FormProblem } from './AccountScreen.tsx';
import { accountMessage } from './messages.ts';

/**
 * Sign-in with email and password. `notice`: why this page is shown (the
 * session ended, or a setup link was opened on a server already set up).
 */
export function SignInPage({
  notice,
  onSignedIn,
}: {
  notice?: 'ended' | 'setupDone' | undefined;
  onSignedIn?: () => void;
}) {
  const { t } = useTranslation();
  const account = useAccount();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      account.adopt(await account.client.login(email, password));
      onSignedIn?.();
    } catch (error) {
      setProblem(accountMessage(error, 'signIn'));
      setBusy(false);
    }
  };

  return (
    <AccountScreen title={t('account.signIn.title')}>
      <p className="account-card__lead">
        {t('account.signIn.lead')}
        {/* The address on its own line: a long host never reflows the sentence. */}
        <span className="account-card__host">{window.location.host}</span>
      </p>
      {notice && (
        <p role="status" className="account-notice">
          {notice === 'ended' ? t('account.errors.signedOut') : t('account.signIn.setupDone')}
        </p>
      )}
      <form className="account-form" onSubmit={(e) => void submit(e)}>
        <EmailField value={email} onChange={(e) => setEmail(e.target.value)} />
        <PasswordField
          kind="current"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormProblem>{problem}</FormProblem>
        <Button type="submit" variant="primary" icon={<LogIn />} disabled={busy}>
          {t('account.signIn.submit')}
        </Button>
      </form>
    </AccountScreen>
  );
}

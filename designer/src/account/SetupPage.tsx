import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Rocket } from 'lucide-react';
import { Button } from '../ui/Button.tsx';
import { TextField } from '../ui/Field.tsx';
import { EmailField, PasswordField } from './CredentialFields.tsx';
import { useAccount } from './AccountContext.tsx';
import { AccountScreen, FormProblem } from './AccountScreen.tsx';
import { accountMessage } from './messages.ts';

/**
 * The first visit to a new server: the owner account and the first
 * workspace, allowed by the one-time token of the link the server printed on
 * its console (`/setup?token=…`). Without the link, the token can be pasted.
 */
export function SetupPage({ token, onDone }: { token: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  const [fields, setFields] = useState({
    setupToken: token ?? '',
    email: '',
    name: '',
    password: '',
    workspaceName: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof typeof fields) => ({
    value: fields[key],
    onChange: (e: { target: { value: string } }) =>
      setFields((f) => ({ ...f, [key]: e.target.value })),
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await account.client.setup(fields);
      onDone();
      account.adopt(session);
    } catch (error) {
      setProblem(accountMessage(error, 'setup'));
      setBusy(false);
    }
  };

  return (
    <AccountScreen title={t('account.setup.title')}>
      <p className="account-card__lead">{t('account.setup.lead')}</p>
      <form className="account-form" onSubmit={(e) => void submit(e)}>
        {token === null && (
          <TextField
            label={t('account.setup.token')}
            hint={t('account.setup.noToken')}
            required
            autoComplete="off"
            {...field('setupToken')}
          />
        )}
        <TextField
          label={t('account.name')}
          autoComplete="name"
          required
          maxLength={100}
          {...field('name')}
        />
        <EmailField {...field('email')} />
        <PasswordField kind="new" {...field('password')} />
        <TextField
          label={t('account.workspaceName')}
          required
          maxLength={100}
          {...field('workspaceName')}
        />
        <FormProblem>{problem}</FormProblem>
        <Button type="submit" variant="primary" icon={<Rocket />} disabled={busy}>
          {t('account.setup.submit')}
        </Button>
      </form>
    </AccountScreen>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LogIn, UserPlus } from 'lucide-react';
import { useDateTimeFormat } from '../i18n/useDateTimeFormat.ts';
import { Button } from '../ui/Button.tsx';
import { TextField } from '../ui/Field.tsx';
import { EmailField, PasswordField } from './CredentialFields.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { useAccount, useAccountState } from './AccountContext.tsx';
import { AccountScreen, FormProblem } from './AccountScreen.tsx';
import { AccountApiError, type InvitationPreview, type Session } from './client.ts';
import { accountMessage } from './messages.ts';

/**
 * An invitation link (`/invite?token=…`): the workspace and the role it
 * gives; a signed-in user joins with one click, anyone else creates an
 * account (or signs in to theirs) and joins. `onDone` leaves the link's address.
 */
export function InvitationPage({ token, onDone }: { token: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  const state = useAccountState();
  const dateFormat = useDateTimeFormat();
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [failure, setProblem] = useState<string | null>(null);
  // A link without its token is as good as an unknown one.
  const problem =
    token === null
      ? accountMessage(new AccountApiError('notFound', '', 404), 'invitation')
      : failure;
  const [member, setMember] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (token === null) return;
    let live = true;
    account.client.invitation(token).then(
      (found) => live && setPreview(found),
      (error: unknown) => live && setProblem(accountMessage(error, 'invitation')),
    );
    return () => {
      live = false;
    };
  }, [account, token]);

  /** Joins, then opens the workspace joined (the one the session did not list before). */
  const join = async (
    accept: () => Promise<Session>,
    before = new Set(state.status === 'signedIn' ? state.workspaces.map((w) => w.id) : []),
  ) => {
    setBusy(true);
    setProblem(null);
    try {
      const session = await accept();
      const joined = session.workspaces.find((w) => !before.has(w.id));
      onDone();
      account.adopt(session, joined?.id);
    } catch (error) {
      if (error instanceof AccountApiError && error.kind === 'alreadyMember') setMember(true);
      else setProblem(accountMessage(error, 'invitation'));
      setBusy(false);
    }
  };

  /** Signs in first (the page then shows the signed-in user), then joins. */
  const signInAndJoin = async (email: string, password: string) => {
    if (token === null) return;
    setBusy(true);
    setProblem(null);
    let session: Session;
    try {
      session = await account.client.login(email, password);
    } catch (error) {
      setProblem(accountMessage(error, 'signIn'));
      setBusy(false);
      return;
    }
    account.adopt(session);
    await join(
      () => account.client.acceptInvitation(token),
      new Set(session.workspaces.map((w) => w.id)),
    );
  };

  const workspace = preview?.workspaceName ?? '';
  return (
    <AccountScreen title={t('account.invitation.title')}>
      {preview === null && problem === null && <p>{t('account.invitation.loading')}</p>}
      {preview && (
        <>
          <p className="account-card__lead">
            {t('account.invitation.invited', {
              workspace,
              role: t(`account.roles.${preview.role}`),
            })}
          </p>
          <p className="account-card__hint">
            {t('account.invitation.expires', {
              date: dateFormat.format(new Date(preview.expiresAt)),
            })}
          </p>
        </>
      )}
      {member ? (
        <>
          <p role="status">{t('account.invitation.alreadyMember', { workspace })}</p>
          <Button variant="primary" onClick={onDone}>
            {t('account.invitation.open', { workspace })}
          </Button>
        </>
      ) : (
        <>
          <FormProblem>{problem}</FormProblem>
          {preview && token !== null && state.status === 'signedIn' && (
            <div className="account-form">
              <p>
                {t('account.invitation.signedInAs', {
                  name: state.user.name,
                  email: state.user.email,
                })}
              </p>
              <Button
                variant="primary"
                icon={<UserPlus />}
                disabled={busy}
                onClick={() => void join(() => account.client.acceptInvitation(token))}
              >
                {t('account.invitation.join', { workspace })}
              </Button>
            </div>
          )}
          {preview && token !== null && state.status === 'signedOut' && (
            <Tabs
              label={t('account.invitation.choice')}
              tabs={[
                {
                  id: 'new',
                  label: t('account.invitation.newAccount'),
                  content: (
                    <NewAccountForm
                      busy={busy}
                      onSubmit={(fields) =>
                        void join(() => account.client.acceptInvitation(token, fields))
                      }
                    />
                  ),
                },
                {
                  id: 'existing',
                  label: t('account.invitation.haveAccount'),
                  content: (
                    <ExistingAccountForm
                      busy={busy}
                      onSubmit={({ email, password }) => void signInAndJoin(email, password)}
                    />
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </AccountScreen>
  );
}

function NewAccountForm({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (fields: { name: string; email: string; password: string }) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({ name, email, password });
  };
  return (
    <form className="account-form" onSubmit={submit}>
      <TextField
        label={t('account.name')}
        autoComplete="name"
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <EmailField value={email} onChange={(e) => setEmail(e.target.value)} />
      <PasswordField kind="new" value={password} onChange={(e) => setPassword(e.target.value)} />
      <Button type="submit" variant="primary" icon={<UserPlus />} disabled={busy}>
        {t('account.invitation.createAndJoin')}
      </Button>
    </form>
  );
}

function ExistingAccountForm({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (fields: { email: string; password: string }) => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({ email, password });
  };
  return (
    <form className="account-form" onSubmit={submit}>
      <EmailField value={email} onChange={(e) => setEmail(e.target.value)} />
      <PasswordField
        kind="current"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" variant="primary" icon={<LogIn />} disabled={busy}>
        {t('account.invitation.signInAndJoin')}
      </Button>
    </form>
  );
}

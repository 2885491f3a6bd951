import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyRound, Trash2 } from 'lucide-react';
import { useDateTimeFormat } from '../i18n/useDateTimeFormat.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Button, IconButton } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { TextField } from '../ui/Field.tsx';
import { useAccount, useCurrentWorkspace } from './AccountContext.tsx';
import { BrowserOnlyNote } from './BrowserOnlyNote.tsx';
import type { ApiTokenCreated, ApiTokenSummary } from './client.ts';
import { CopyField } from './CopyField.tsx';
import { accountMessage } from './messages.ts';
import './account.css';
import { ActionsCell, DataTable, EmptyTable } from '../ui/Table.tsx';

/**
 * The user's API tokens in the workspace, for scripts and CI: created with a
 * name, the secret shown once in a dialog to copy, listed with when each was
 * created and last used, revoked.
 */
export function TokensPage() {
  const current = useCurrentWorkspace();
  if (!current) return <BrowserOnlyNote />;
  return <Tokens key={current.workspace.id} />;
}

function Tokens() {
  const { t } = useTranslation();
  const account = useAccount();
  const { workspace } = useCurrentWorkspace()!;
  const dateFormat = useDateTimeFormat();
  const [tokens, setTokens] = useState<ApiTokenSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenSummary | null>(null);

  const load = useCallback(
    () =>
      account
        .run((client) => client.tokens(workspace.id))
        .then(setTokens, (error: unknown) => {
          setProblem(accountMessage(error));
        }),
    [account, workspace.id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const attempt = async (change: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await account.run(change);
      await load();
    } catch (error) {
      setProblem(accountMessage(error));
    }
  };

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void attempt(async () => {
      setCreated(await account.client.createToken(workspace.id, name));
      setName('');
    });
  };

  return (
    <div className="workspace-page">
      <h1>{t('nav.tokens')}</h1>
      <p className="workspace-page__lead">
        {t('account.tokens.lead', { workspace: workspace.name })}
      </p>
      <form className="account-inline-form" onSubmit={create}>
        <TextField
          label={t('account.tokens.name')}
          placeholder={t('account.tokens.namePlaceholder')}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" variant="primary" icon={<KeyRound />}>
          {t('account.tokens.create')}
        </Button>
      </form>
      {problem && (
        <p role="alert" className="workspace-page__problem">
          {problem}
        </p>
      )}

      {tokens === null ? (
        !problem && <p>{t('common.loading')}</p>
      ) : tokens.length === 0 ? (
        <EmptyTable icon={<KeyRound size={20} />} title={t('account.tokens.empty')} />
      ) : (
        <DataTable
          caption={t('nav.tokens')}
          columns={[
            t('account.tokens.name'),
            t('account.tokens.created'),
            t('account.tokens.lastUsed'),
          ]}
          actionsLabel={t('workspace.actions')}
        >
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>{dateFormat.format(new Date(token.createdAt))}</td>
              <td>
                {token.lastUsedAt === null
                  ? t('account.tokens.never')
                  : dateFormat.format(new Date(token.lastUsedAt))}
              </td>
              <ActionsCell>
                <IconButton
                  icon={<Trash2 />}
                  label={t('account.tokens.revokeOf', { name: token.name })}
                  tooltip={t('account.tokens.revoke')}
                  onClick={() => setRevoking(token)}
                />
              </ActionsCell>
            </tr>
          ))}
        </DataTable>
      )}

      {created && (
        <Dialog
          label={t('account.tokens.createdTitle', { name: created.name })}
          onClose={() => setCreated(null)}
        >
          <p>{t('account.tokens.createdBody')}</p>
          <CopyField
            label={t('account.tokens.token')}
            value={created.token}
            copyLabel={t('account.tokens.copy')}
          />
        </Dialog>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('account.tokens.revokeTitle', { name: revoking.name })}
          body={t('account.tokens.revokeBody')}
          confirm={t('account.tokens.revoke')}
          onClose={(confirmed) => {
            const token = revoking;
            setRevoking(null);
            if (confirmed) {
              void attempt(() => account.client.revokeToken(workspace.id, token.id));
            }
          }}
        />
      )}
    </div>
  );
}

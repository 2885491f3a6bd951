import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus } from 'lucide-react';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { TextField } from '../ui/Field.tsx';
import { useAccount } from './AccountContext.tsx';
import { FormProblem } from './AccountScreen.tsx';
import { accountMessage } from './messages.ts';

/** A new workspace, the user its owner; chosen once created. */
export function CreateWorkspaceForm({ onCreated }: { onCreated?: () => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const workspace = await account.run((client) => client.createWorkspace(name));
      onCreated?.();
      account.addWorkspace(workspace);
    } catch (error) {
      setProblem(accountMessage(error));
      setBusy(false);
    }
  };
  return (
    <form className="account-form" onSubmit={(e) => void submit(e)}>
      <TextField
        label={t('account.workspaceName')}
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <FormProblem>{problem}</FormProblem>
      <Button type="submit" variant="primary" icon={<Plus />} disabled={busy}>
        {t('account.workspace.create')}
      </Button>
    </form>
  );
}

export function CreateWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog label={t('account.workspace.createTitle')} size="sm" onClose={onClose}>
      <p className="account-card__hint">{t('account.workspace.createLead')}</p>
      <CreateWorkspaceForm onCreated={onClose} />
    </Dialog>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Upload } from 'lucide-react';
import type { CheckedWorkspaceFile, FieldProblem } from '@callbot/shared';
import { fieldProblemReason } from '../../app/workspaceMessages.ts';
import { useCurrentWorkspace } from '../../account/AccountContext.tsx';
import { countWords } from '../../i18n/counts.ts';
import { useSync } from '../../remote/useSync.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorMessage } from '../../ui/errorMessage.ts';
import { JsonFileButton } from '../../ui/JsonFileButton.tsx';
import { readFileText } from '../../ui/readFile.ts';

type Step =
  | { kind: 'idle' }
  | {
      kind: 'confirm';
      fileName: string;
      value: unknown;
      checked: CheckedWorkspaceFile & { ok: true };
    }
  | { kind: 'importing' }
  | { kind: 'refused'; fileName: string; problems: FieldProblem[] }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

/**
 * "Moving in", for an owner of a server workspace: a `callbot-workspace/1`
 * file exported from browser-only mode is checked whole in the page first (a
 * refusal lists record, field and why), what it holds is shown, and only once
 * confirmed is it sent to the server, which checks it again and replaces the
 * workspace in one transaction (its refusal is listed the same way).
 * Nothing for other roles, or in browser-only mode (the top navigation
 * imports there).
 */
export function MoveIn({ onMovedIn }: { onMovedIn: () => void }) {
  const { t } = useTranslation();
  const sync = useSync();
  const current = useCurrentWorkspace();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  if (!sync || current?.workspace.role !== 'owner') return null;

  const pick = async (file: File) => {
    try {
      const text = await readFileText(file);
      // The workspace file's schemas load with the first file picked.
      const { checkWorkspaceFile } = await import('../../persistence/workspaceFile.ts');
      const checked = checkWorkspaceFile(text);
      setStep(
        checked.ok
          ? { kind: 'confirm', fileName: file.name, value: JSON.parse(text), checked }
          : { kind: 'refused', fileName: file.name, problems: checked.problems },
      );
    } catch (error) {
      setStep({ kind: 'failed', message: errorMessage(error, String(error)) });
    }
  };

  const moveIn = async (
    fileName: string,
    value: unknown,
    checked: CheckedWorkspaceFile & { ok: true },
  ) => {
    setStep({ kind: 'importing' });
    try {
      await sync.moveIn(value);
      setStep({
        kind: 'done',
        message: t('workspace.file.imported', countWords(t, checked.counts)),
      });
      onMovedIn();
    } catch (error) {
      // The server's refusal (a `RemoteError`, not imported here: the client stays off the first screen).
      const problems = (error as { problems?: FieldProblem[] } | null)?.problems;
      if (problems) {
        setStep({ kind: 'refused', fileName, problems });
        return;
      }
      setStep({ kind: 'failed', message: errorMessage(error, String(error)) });
    }
  };

  const close = () => setStep({ kind: 'idle' });
  return (
    <>
      <JsonFileButton
        icon={<Upload />}
        label={t('wsflows.moveIn.button')}
        pickerLabel={t('wsflows.moveIn.pick')}
        onFile={(file) => void pick(file)}
      />
      {step.kind === 'confirm' && (
        <Dialog label={t('wsflows.moveIn.confirmTitle')} onClose={close}>
          <h2>{t('wsflows.moveIn.confirmTitle')}</h2>
          <p>
            {t('wsflows.moveIn.confirmBody', {
              file: step.fileName,
              workspace: current.workspace.name,
            })}
          </p>
          <p>{t('workspace.file.contents', countWords(t, step.checked.counts))}</p>
          <Button variant="ghost" onClick={close}>
            {t('wsflows.moveIn.cancel')}
          </Button>
          <Button
            variant="danger"
            onClick={() => void moveIn(step.fileName, step.value, step.checked)}
          >
            {t('wsflows.moveIn.replace')}
          </Button>
        </Dialog>
      )}
      {step.kind === 'importing' && <p role="status">{t('wsflows.moveIn.importing')}</p>}
      {step.kind === 'refused' && (
        <Dialog label={t('workspace.file.refusedTitle')} onClose={close}>
          <h2>{t('workspace.file.refusedTitle')}</h2>
          <p>{t('workspace.file.refusedBody', { file: step.fileName })}</p>
          <ul>
            {step.problems.slice(0, 50).map((p, i) => (
              <li key={i}>
                {p.path && <code>{p.path}</code>} {fieldProblemReason(p)}
              </li>
            ))}
          </ul>
        </Dialog>
      )}
      {(step.kind === 'done' || step.kind === 'failed') && (
        <p role={step.kind === 'failed' ? 'alert' : 'status'} className="library__moved-in">
          {step.message}
          <Button size="sm" variant="ghost" onClick={close}>
            {t('workspace.dismiss')}
          </Button>
        </p>
      )}
    </>
  );
}

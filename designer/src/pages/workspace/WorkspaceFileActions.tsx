import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../../checking/download.ts';
import type { CheckedWorkspaceFile } from '../../persistence/index.ts';
import type { FieldProblem } from '../../persistence/workspaceErrors.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Download, Ellipsis, Upload } from 'lucide-react';
import { Button, IconButton } from '../../ui/Button.tsx';
import { JsonFileInput } from '../../ui/JsonFileButton.tsx';
import { Menu, MenuItem, MenuSeparator } from '../../ui/Menu.tsx';
import { ThemeChoices } from '../../ui/ThemeMenu.tsx';
import { readFileText } from '../../ui/readFile.ts';
import { useWorkspace } from '../../app/WorkspaceContext.tsx';
import { fieldProblemReason, workspaceMessage } from '../../app/workspaceMessages.ts';
import { countWords } from '../../i18n/counts.ts';
import { EditOnly } from '../../account/ReadOnly.tsx';

type Step =
  | { kind: 'idle' }
  | {
      kind: 'confirm';
      fileName: string;
      text: string;
      checked: CheckedWorkspaceFile & { ok: true };
    }
  | { kind: 'refused'; fileName: string; problems: FieldProblem[] }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

/**
 * The workspace pages' less used actions, in one "More actions" menu (so the
 * header stays one row): export the whole workspace as one file, import one,
 * and the theme. An imported file is checked entirely first (a refusal lists
 * which record, which field and why, and nothing changes), then the user
 * confirms that it replaces the workspace. A trainer or a viewer exports it
 * (they may read it all) but is offered no import.
 */
export function WorkspaceFileActions({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const picker = useRef<HTMLInputElement>(null);

  const exportFile = async () => {
    try {
      const exported = await workspace.exportWorkspace();
      downloadBlob(new Blob([exported.text], { type: 'application/json' }), exported.fileName);
      setStep(
        exported.skipped.length > 0
          ? {
              kind: 'failed',
              message: t('workspace.file.exportedSkipping', {
                count: exported.skipped.length,
                records: exported.skipped.map((r) => `${r.table} ${r.key}`).join(', '),
              }),
            }
          : { kind: 'idle' },
      );
    } catch (error) {
      setStep({ kind: 'failed', message: workspaceMessage(error) });
    }
  };

  const pick = async (file: File) => {
    try {
      const text = await readFileText(file);
      // The workspace's schemas load with the first file picked, not with every page's header.
      const { checkWorkspaceFile } = await import('../../persistence/workspaceFile.ts');
      const checked = checkWorkspaceFile(text);
      setStep(
        checked.ok
          ? { kind: 'confirm', fileName: file.name, text, checked }
          : { kind: 'refused', fileName: file.name, problems: checked.problems },
      );
    } catch (error) {
      setStep({ kind: 'failed', message: workspaceMessage(error) });
    }
  };

  const replace = async (text: string) => {
    try {
      const result = await workspace.importWorkspace(text);
      if (!result.ok) {
        setStep({ kind: 'refused', fileName: '', problems: result.problems });
        return;
      }
      setStep({
        kind: 'done',
        message: t('workspace.file.imported', countWords(t, result.counts)),
      });
      onImported();
    } catch (error) {
      setStep({ kind: 'failed', message: workspaceMessage(error) });
    }
  };

  return (
    <div className="topnav__file">
      <Menu
        label={t('shell.moreActions')}
        trigger={<IconButton label={t('shell.moreActions')} icon={<Ellipsis />} />}
      >
        <MenuItem icon={<Download />} onSelect={() => void exportFile()}>
          {t('workspace.file.export')}
        </MenuItem>
        <EditOnly>
          <MenuItem icon={<Upload />} onSelect={() => picker.current?.click()}>
            {t('workspace.file.import')}
          </MenuItem>
        </EditOnly>
        <MenuSeparator />
        <ThemeChoices />
      </Menu>
      <EditOnly>
        <JsonFileInput
          ref={picker}
          pickerLabel={t('workspace.file.pick')}
          onFile={(file) => void pick(file)}
        />
      </EditOnly>
      {step.kind === 'confirm' && (
        <Dialog label={t('workspace.file.confirmTitle')} onClose={() => setStep({ kind: 'idle' })}>
          <h2>{t('workspace.file.confirmTitle')}</h2>
          <p>{t('workspace.file.confirmBody', { file: step.fileName })}</p>
          <p>{t('workspace.file.contents', countWords(t, step.checked.counts))}</p>
          <Button variant="danger" onClick={() => void replace(step.text)}>
            {t('workspace.file.replace')}
          </Button>
        </Dialog>
      )}
      {step.kind === 'refused' && (
        <Dialog label={t('workspace.file.refusedTitle')} onClose={() => setStep({ kind: 'idle' })}>
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
        <p role={step.kind === 'failed' ? 'alert' : 'status'} className="topnav__message">
          {step.message}
          <Button size="sm" variant="ghost" onClick={() => setStep({ kind: 'idle' })}>
            {t('workspace.dismiss')}
          </Button>
        </p>
      )}
    </div>
  );
}

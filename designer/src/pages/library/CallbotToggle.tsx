import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/WorkspaceContext.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';

/**
 * Marks a flow as a callbot (lines can then be assigned to it) or not; a
 * flow no longer a callbot leaves its lines to the default callbot (R9).
 */
export function CallbotToggle({
  flowId,
  name,
  callbot,
  readOnly = false,
  onChanged,
}: {
  flowId: string;
  name: string;
  /** `undefined` while the workspace is being read. */
  callbot: boolean | undefined;
  /** Shown, not changeable (a trainer or a viewer). */
  readOnly?: boolean;
  /** Called once the change is stored, so the page reads the mark anew. */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [problem, setProblem] = useState<string | null>(null);
  // Shown at once, until the stored mark catches up (or the change fails).
  const [pending, setPending] = useState<boolean | null>(null);
  if (pending !== null && pending === callbot) setPending(null);
  return (
    <label className="callbot-toggle" title={problem ?? undefined}>
      <input
        type="checkbox"
        checked={pending ?? callbot === true}
        disabled={callbot === undefined || readOnly}
        aria-label={t('workspace.callbot.of', { name })}
        aria-invalid={problem !== null}
        onChange={(e) => {
          const wanted = e.target.checked;
          setProblem(null);
          setPending(wanted);
          workspace.setCallbot(flowId, wanted).then(onChanged, (error: unknown) => {
            setPending(null);
            setProblem(workspaceMessage(error));
          });
        }}
      />
      {t('workspace.callbot.label')}
      {problem && (
        <span role="alert" className="visually-hidden">
          {problem}
        </span>
      )}
    </label>
  );
}

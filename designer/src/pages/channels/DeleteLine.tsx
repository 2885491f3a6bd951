import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canDeleteLine, type Line } from '@callbot/shared';
import { ProviderError } from '../../provider/index.ts';
import { providerErrorMessage } from '../../provider/messages.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { lineName, useLineDeps } from './data.ts';
import { deleteLine } from './lineCommands.ts';
import { EditOnly } from '../../account/ReadOnly.tsx';

/**
 * Deletes a line after confirmation (R7): disabled, with the reason, while
 * its purchase is requested or in process; an active number is released at
 * the provider first, and a provider failure keeps the line. Not offered to a
 * trainer or a viewer.
 */
export function DeleteLine({ line }: { line: Line }) {
  const { t } = useTranslation();
  const deps = useLineDeps();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = lineName(line);
  const verdict = canDeleteLine(line);
  const reasonId = `delete-reason-${line.id}`;

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteLine(deps, line);
    } catch (e) {
      setError(e instanceof ProviderError ? providerErrorMessage(e, t) : workspaceMessage(e));
      setBusy(false);
    }
  };

  return (
    <EditOnly>
      <div className="delete-line">
        <button
          type="button"
          disabled={!verdict.ok || busy}
          aria-describedby={verdict.ok ? undefined : reasonId}
          onClick={() => setConfirming(true)}
        >
          {t('channels.delete.button', { line: name })}
        </button>
        {!verdict.ok && (
          <span id={reasonId} className="delete-line__reason">
            {t(
              `channels.delete.pending.${line.kind === 'purchased' && line.status === 'in_process' ? 'in_process' : 'requested'}`,
            )}
          </span>
        )}
        {error && <p role="alert">{error}</p>}
        {confirming && (
          <Dialog
            label={t('channels.delete.title', { line: name })}
            onClose={() => setConfirming(false)}
          >
            <p>
              {line.kind === 'purchased' && line.status === 'active'
                ? t('channels.delete.releases', { line: name })
                : t('channels.delete.confirm', { line: name })}
            </p>
            <div className="dialog__actions">
              <button
                type="button"
                onClick={() => {
                  setConfirming(false);
                  void remove();
                }}
              >
                {t('channels.delete.yes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('channels.cancel')}
              </button>
            </div>
          </Dialog>
        )}
      </div>
    </EditOnly>
  );
}

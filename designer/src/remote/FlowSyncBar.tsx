import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channelHref, flowHref } from '../app/route.ts';
import { formatPhone } from '../forms/phone.ts';
import { useDateTimeFormat } from '../i18n/useDateTimeFormat.ts';
import { Button } from '../ui/Button.tsx';
import { errorMessage } from '../ui/errorMessage.ts';
import { useFlowChanges, useOutboxState, useSync } from './useSync.ts';
import './remote.css';

/**
 * The open flow's state on the server, under the editor's header: offline
 * with the changes waiting; a conflict with who changed it and when, and the
 * choice (reload theirs, or keep mine as a copy); a refusal; a save that
 * turned WhatsApp calls off on the lines the flow answers (R2), until
 * dismissed. It reopens the
 * flow when someone else changed it and nothing of this editor waits.
 * Nothing in browser-only mode.
 */
export function FlowSyncBar({
  flowId,
  idle,
  flush,
  reopen,
}: {
  flowId: string;
  /** Nothing of this editor waits to be saved. */
  idle: boolean;
  flush: () => Promise<unknown>;
  reopen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const sync = useSync();
  const outbox = useOutboxState();
  const timeFormat = useDateTimeFormat();
  const [problem, setProblem] = useState<string | null>(null);
  const conflict = outbox.conflicts.find((c) => c.flowId === flowId);
  const refused = outbox.refused.find((r) => r.flowId === flowId);
  const turnedOff = outbox.callsTurnedOff.find((c) => c.flowId === flowId);

  useFlowChanges((changed) => {
    if ((changed === null || changed === flowId) && idle && !conflict && outbox.waiting === 0)
      reopen();
  });

  if (!sync) return null;

  const choose = async (choice: 'theirs' | 'copy') => {
    setProblem(null);
    try {
      await flush();
      if (choice === 'theirs') {
        await sync.reloadTheirs(flowId);
        reopen();
      } else {
        const copy = await sync.keepMineAsCopy(flowId);
        window.location.hash = flowHref(copy.id);
      }
    } catch (error) {
      setProblem(errorMessage(error, ''));
    }
  };

  return (
    <>
      {outbox.offline && outbox.waiting > 0 && (
        <p className="sync-bar sync-bar--offline" role="status">
          <strong>{t('remote.waiting', { count: outbox.waiting })}</strong> {t('remote.waitingWhy')}
        </p>
      )}
      {conflict && (
        <div className="sync-bar sync-bar--conflict" role="alert">
          <p>
            {t('remote.conflict', {
              name: conflict.by,
              time: timeFormat.format(Date.parse(conflict.at)),
            })}
          </p>
          <Button onClick={() => void choose('theirs')}>{t('remote.reloadTheirs')}</Button>
          <Button variant="primary" onClick={() => void choose('copy')}>
            {t('remote.keepMine')}
          </Button>
        </div>
      )}
      {refused && (
        <p className="sync-bar sync-bar--conflict" role="alert">
          {t('remote.refused', { why: refused.message })}
        </p>
      )}
      {turnedOff && (
        <div className="sync-bar sync-bar--conflict" role="alert">
          <p>
            {t('remote.callsTurnedOff', {
              numbers: turnedOff.lines.map((line) => formatPhone(line.number)).join(', '),
              missing: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
                [...new Set(turnedOff.lines.flatMap((line) => line.missing))].map((item) =>
                  t(`remote.missing.${item}`),
                ),
              ),
            })}
          </p>
          <a href={channelHref('whatsapp')}>{t('remote.openLines')}</a>
          <Button onClick={() => sync.outbox.dismissCallsTurnedOff(flowId)}>
            {t('remote.dismiss')}
          </Button>
        </div>
      )}
      {problem && (
        <p className="sync-bar sync-bar--conflict" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answeringCallbot, type Line } from '@callbot/shared';
import { teamsHref } from '../../app/route.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useWorkspace } from '../../app/WorkspaceContext.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { lineName, useAnsweringContext, useLineDeps } from './data.ts';
import { assignLineCallbot, unassignLineCallbot } from './lineCommands.ts';
import { EditOnly } from '../../account/ReadOnly.tsx';

/** The id of a line's callbot picker, so the WhatsApp checklist can lead there. */
export const callbotPickerId = (lineId: string) => `callbot-${lineId}`;

/**
 * Who answers a line (R9) and its callbot assignment (R3): one callbot per
 * line; choosing another asks to replace it, never adds a second. Without
 * any callbot yet, a flow can be marked as one here.
 */
export function LineCallbot({ line }: { line: Line }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { now } = useLineDeps();
  const { callbots, flows, defaultTeam } = useAnsweringContext();
  const [chosen, setChosen] = useState('');
  const [replacing, setReplacing] = useState<{ current: string; next: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = lineName(line);
  const nameOf = (id: string) => flows.find((f) => f.id === id)?.name ?? id;

  const answering = answeringCallbot(line, {
    callbots: callbots.map((c) => c.id),
    ...(defaultTeam && { defaultTeamId: defaultTeam.id }),
  });
  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((e: unknown) => setError(workspaceMessage(e)));
  };
  const assign = (callbotId: string, replace: boolean) =>
    run(async () => {
      const result = await assignLineCallbot({ workspace }, line.id, callbotId, replace);
      if (!result.ok && result.code === 'R3.lineHasCallbot') {
        setReplacing({ current: result.currentCallbotId ?? '', next: callbotId });
      } else if (!result.ok) setError(t('channels.callbot.lineGone'));
      else setChosen('');
    });
  // The picker starts on the line's own callbot (what a read-only page shows), else the first.
  const assigned = callbots.some((c) => c.id === line.callbotId) ? line.callbotId : undefined;
  const pick = chosen || assigned || callbots[0]?.id || flows[0]?.id || '';

  return (
    <div className="line-callbot">
      <p className="line-callbot__answering">
        {answering.kind === 'assigned' ? (
          t('channels.callbot.assigned', { callbot: nameOf(answering.callbotId) })
        ) : defaultTeam ? (
          t('channels.callbot.defaultTeam', { team: defaultTeam.name })
        ) : (
          <>
            {t('channels.callbot.defaultNoTeam')}{' '}
            <a href={teamsHref}>{t('channels.callbot.setDefaultTeam')}</a>
          </>
        )}
      </p>
      {callbots.length > 0 ? (
        <div className="line-callbot__controls">
          <label>
            {t('channels.callbot.pick', { line: name })}
            <select
              id={callbotPickerId(line.id)}
              value={pick}
              onChange={(e) => setChosen(e.target.value)}
            >
              {callbots.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <EditOnly>
            <button type="button" onClick={() => assign(pick, false)}>
              {t('channels.callbot.assign', { line: name })}
            </button>
            {line.callbotId !== undefined && (
              <button
                type="button"
                onClick={() => run(() => unassignLineCallbot({ workspace, now }, line.id))}
              >
                {t('channels.callbot.unassign', { line: name })}
              </button>
            )}
          </EditOnly>
        </div>
      ) : flows.length > 0 ? (
        <div className="line-callbot__controls">
          <p>{t('channels.callbot.noCallbots')}</p>
          <label>
            {t('channels.callbot.markPick', { line: name })}
            <select
              id={callbotPickerId(line.id)}
              value={pick}
              onChange={(e) => setChosen(e.target.value)}
            >
              {flows.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <EditOnly>
            <button type="button" onClick={() => run(() => workspace.setCallbot(pick, true))}>
              {t('channels.callbot.mark')}
            </button>
          </EditOnly>
        </div>
      ) : (
        <p>{t('channels.callbot.noFlows')}</p>
      )}
      {error && <p role="alert">{error}</p>}
      {replacing && (
        <Dialog label={t('channels.callbot.replaceTitle')} onClose={() => setReplacing(null)}>
          <p role="alert">
            {t('channels.callbot.refused', {
              line: name,
              current: nameOf(replacing.current),
              next: nameOf(replacing.next),
            })}
          </p>
          <div className="dialog__actions">
            <button
              type="button"
              onClick={() => {
                assign(replacing.next, true);
                setReplacing(null);
              }}
            >
              {t('channels.callbot.replace', { next: nameOf(replacing.next) })}
            </button>
            <button type="button" onClick={() => setReplacing(null)}>
              {t('channels.callbot.keep', { current: nameOf(replacing.current) })}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { changeTables, type ChangeTable } from '@callbot/shared';
import type { Translate } from '../i18n/index.ts';
import { useWorkspace } from '../app/WorkspaceContext.tsx';
import { useDateTimeFormat } from '../i18n/useDateTimeFormat.ts';
import { parseRecordKey } from '../persistence/remote/keys.ts';
import type { OutboxState } from '../persistence/remote/outbox.ts';
import { workspaceSyncOf } from '../persistence/remote/sync.ts';
import type { RemoteWorkspaceSync } from '../persistence/remote/workspaceRepository.ts';
import { Button } from '../ui/Button.tsx';
import { errorMessage } from '../ui/errorMessage.ts';
import './remote.css';

const noSubscribe = () => () => {};

const isChangeTable = (name: string): name is ChangeTable =>
  (changeTables as readonly string[]).includes(name);

/**
 * How the bar names a record of `table` ("the team “Vendas”", "the bot “Humano”") in the UI
 * language: every table of the event contract has its words (`wspages.sync.what`); a key of no
 * known table is named as the settings are.
 */
export const recordWord = (t: Translate, table: string, name: string): string =>
  t(`wspages.sync.what.${isChangeTable(table) ? table : 'settings'}`, { name });
const noOutbox: OutboxState = {
  waiting: 0,
  offline: false,
  conflicts: [],
  refused: [],
  callsTurnedOff: [],
};

/** The names of the records a list of keys names, as this browser has them. */
function useDescribed(sync: RemoteWorkspaceSync | null, keys: string[]) {
  const [names, setNames] = useState<ReadonlyMap<string, { collection: string; name: string }>>(
    new Map(),
  );
  const wanted = keys.join('\n');
  useEffect(() => {
    if (!sync) return;
    let live = true;
    void Promise.all(
      wanted
        .split('\n')
        .filter(Boolean)
        .map(async (key) => {
          return [key, await sync.describe(key)] as const;
        }),
    ).then((pairs) => live && setNames(new Map(pairs)));
    return () => {
      live = false;
    };
  }, [sync, wanted]);
  return names;
}

/**
 * Under the workspace pages' navigation, in server mode: "offline — N
 * changes waiting"; a record someone else changed in the same fields, with
 * who and when and the choice (reload theirs, or keep mine); a change the
 * server refused, with why. Nothing in browser-only mode.
 */
export function WorkspaceSyncBar() {
  const { t } = useTranslation();
  const sync = workspaceSyncOf(useWorkspace());
  const outbox = useSyncExternalStore(
    sync ? (listener) => sync.outbox.subscribe(listener) : noSubscribe,
    () => sync?.outbox.state ?? noOutbox,
  );
  const timeFormat = useDateTimeFormat();
  const [problem, setProblem] = useState<string | null>(null);
  const conflicts = outbox.conflicts.filter((c) => parseRecordKey(c.flowId));
  const refused = outbox.refused.filter((r) => parseRecordKey(r.flowId));
  const names = useDescribed(
    sync,
    [...conflicts, ...refused].map((c) => c.flowId),
  );
  if (!sync) return null;

  const what = (key: string) => {
    const described = names.get(key);
    const collection = described?.collection ?? parseRecordKey(key)?.collection ?? 'settings';
    return recordWord(t, collection, described?.name ?? '');
  };
  const choose = async (key: string, choice: 'reload' | 'keepMine') => {
    setProblem(null);
    try {
      await sync[choice](key);
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
      {conflicts.map((conflict) => (
        <div key={conflict.flowId} className="sync-bar sync-bar--conflict" role="alert">
          <p>
            {t('wspages.sync.conflict', {
              name: conflict.by,
              what: what(conflict.flowId),
              time: timeFormat.format(Date.parse(conflict.at)),
            })}
          </p>
          <Button onClick={() => void choose(conflict.flowId, 'reload')}>
            {t('wspages.sync.reload')}
          </Button>
          <Button variant="primary" onClick={() => void choose(conflict.flowId, 'keepMine')}>
            {t('wspages.sync.keepMine')}
          </Button>
        </div>
      ))}
      {refused.map((refusal) => (
        <div key={refusal.flowId} className="sync-bar sync-bar--conflict" role="alert">
          <p>
            {t('wspages.sync.refused', {
              what: what(refusal.flowId),
              // A name clash the server caught (two browsers at once) in the page's words.
              why: refusal.existing
                ? t(
                    refusal.takenField === 'number'
                      ? 'wspages.sync.numberTaken'
                      : 'wspages.sync.nameTaken',
                    { existing: refusal.existing.name },
                  )
                : refusal.message,
            })}
          </p>
          <Button onClick={() => void choose(refusal.flowId, 'reload')}>
            {t('wspages.sync.reload')}
          </Button>
        </div>
      ))}
      {problem && (
        <p className="sync-bar sync-bar--conflict" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

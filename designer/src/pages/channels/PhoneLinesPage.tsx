import { PhoneCall } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchasedLine } from '@callbot/shared';
import { providerErrorMessage } from '../../provider/messages.ts';
import { useChannelServices } from './services.tsx';
import { BuyNumber } from './BuyNumber.tsx';
import { DeleteLine } from './DeleteLine.tsx';
import { LineCallbot } from './LineCallbot.tsx';
import { lineName, useLineDeps, useLines } from './data.ts';
import { syncOrder } from './lineCommands.ts';
import { formatPhone } from '../../forms/phone.ts';
import { EditOnly } from '../../account/ReadOnly.tsx';
import { EmptyTable } from '../../ui/Table.tsx';

const pending = (line: PurchasedLine) =>
  line.status === 'requested' || line.status === 'in_process';

/**
 * Follows the provider's orders of the purchased lines while the page is
 * open (R7): pending ones are polled until active or failed; a failed one is
 * asked once for its reason. Returns the failure reasons by line id, and the
 * last polling error.
 */
function useOrderProgress(lines: PurchasedLine[]) {
  const deps = useLineDeps();
  const { wait, pollMs } = useChannelServices();
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const watched = lines
    .filter((l) => pending(l) || (l.status === 'failed' && !(l.id in reasons)))
    .map((l) => l.id)
    .join(' ');

  useEffect(() => {
    if (!watched) return;
    let live = true;
    void (async () => {
      let ids = watched.split(' ');
      while (live && ids.length > 0) {
        const still: string[] = [];
        for (const id of ids) {
          try {
            const synced = await syncOrder(deps, id);
            if (!live) return;
            setError(null);
            if (synced?.failureReason) {
              const reason = synced.failureReason;
              setReasons((r) => ({ ...r, [id]: reason }));
            }
            if (synced && pending(synced.line)) still.push(id);
          } catch (e) {
            if (!live) return;
            setError(providerErrorMessage(e, t));
            still.push(id);
          }
        }
        ids = still;
        if (ids.length > 0) await wait(pollMs);
      }
    })();
    return () => {
      live = false;
    };
  }, [watched, deps, wait, pollMs, t]);
  return { reasons, error };
}

/** Whether the order of `number` is still pending (or not listed yet): once active or failed, the line says so itself. */
export function orderPending(number: string | null, lines: readonly PurchasedLine[]): boolean {
  if (number === null) return false;
  const line = lines.find((l) => l.number === number);
  return line === undefined || pending(line);
}

/** Channels & integrations > Channels > Phone lines (R4, R5, R7). */
export function PhoneLinesPage() {
  const { t } = useTranslation();
  const lines = useLines();
  const [buying, setBuying] = useState(false);
  /** The number just ordered: "request received" is said while its order is pending, not after. */
  const [ordered, setOrdered] = useState<string | null>(null);
  const purchased = (lines.value?.items ?? []).filter(
    (l): l is PurchasedLine => l.kind === 'purchased',
  );
  const { reasons, error } = useOrderProgress(purchased);
  const inProgress = purchased.some(pending);

  return (
    <section className="channel-page" aria-labelledby="phone-lines-title">
      <h2 id="phone-lines-title">{t('channels.phone.title')}</h2>
      <p>{t('channels.phone.callsOnlyNote')}</p>
      {buying ? (
        <BuyNumber
          onCancel={() => setBuying(false)}
          onBought={(number) => {
            setBuying(false);
            setOrdered(number);
          }}
        />
      ) : (
        <EditOnly>
          <button type="button" onClick={() => setBuying(true)}>
            {t('channels.buy.open')}
          </button>
        </EditOnly>
      )}
      <p role="status">
        {orderPending(ordered, purchased)
          ? t('channels.buy.ordered', { number: formatPhone(ordered ?? '') })
          : ''}
      </p>
      {error && <p role="alert">{error}</p>}
      {lines.error && <p role="alert">{lines.error}</p>}
      {lines.value === null ? (
        <p>{t('channels.loading')}</p>
      ) : purchased.length === 0 ? (
        <EmptyTable icon={<PhoneCall size={20} />} title={t('channels.phone.none')} />
      ) : (
        <ul className="line-list" aria-label={t('channels.phone.list')} aria-busy={inProgress}>
          {purchased.map((line) => (
            <li key={line.id} className="line-card" aria-label={lineName(line)}>
              <div className="line-card__head">
                <strong>{lineName(line)}</strong>
                <span className={`line-status line-status--${line.status}`}>
                  {t(`channels.status.${line.status}`)}
                  {line.status === 'failed' && reasons[line.id] && (
                    <>
                      {': '}
                      {reasons[line.id] === 'regulatory_rejected'
                        ? t('channels.status.regulatoryRejected')
                        : t('channels.status.reason', { reason: reasons[line.id] })}
                    </>
                  )}
                </span>
                <span className="line-badge">{t('channels.phone.callsOnly')}</span>
              </div>
              <LineCallbot line={line} />
              <DeleteLine line={line} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import {
  examplePriceTable,
  type BillingChannel,
  type MonthToDate,
  type PriceTable,
} from '@callbot/shared';
import { formattingLocale } from '../../i18n/index.ts';
import { describeTier, estimateOrNull, formatMoney } from './callCost.ts';
import './callCost.css';

/**
 * The estimated cost of a call (R20, R21): the amount, the billed minutes and
 * the tier each minute is priced at, in the call's own country and channel,
 * with the workspace's month-to-date volume (volume tiers count the month's
 * calls). Until a workspace has its own table, the example table's figures
 * are used, and the panel says they are examples.
 */
export function CallCost({
  channel,
  direction,
  durationMs,
  table = examplePriceTable,
  country = table.defaultCountry,
  monthToDate,
}: {
  channel: BillingChannel;
  direction: 'inbound' | 'outbound';
  durationMs: number;
  table?: PriceTable;
  country?: string;
  /** The month's calls so far in this country and channel (WhatsApp calls by the business have volume tiers). */
  monthToDate?: MonthToDate;
}) {
  const {
    t,
    i18n: { language },
  } = useTranslation();
  const locale = formattingLocale(language);
  const cost = estimateOrNull(table, {
    country,
    channel,
    direction,
    durationMs: Math.max(0, durationMs),
    ...(monthToDate && { monthToDate }),
  });

  return (
    <section className="call-cost" aria-label={t('cost.title')}>
      <h3 className="call-cost__title">{t('cost.title')}</h3>
      {cost === null ? (
        <p role="alert">{t('cost.noPrices', { country })}</p>
      ) : (
        <>
          <p className="call-cost__amount">
            <output aria-label={t('cost.amount')}>
              {formatMoney(cost.amount, cost.currency, locale)}
            </output>{' '}
            <span>{t('cost.billedMinutes', { count: cost.billedMinutes })}</span>
          </p>
          <ul className="call-cost__parts" aria-label={t('cost.tiers')}>
            {cost.parts.map((part, i) => (
              <li key={i}>
                {part.rule === 'free'
                  ? describeTier(part, t, locale)
                  : t('cost.part', {
                      tier: describeTier(part, t, locale),
                      minutes: part.minutes,
                      rate: formatMoney(part.perMinute, cost.currency, locale),
                    })}
              </li>
            ))}
          </ul>
          {monthToDate && (
            <p className="call-cost__note">
              {t('rules.monthToDate', {
                count: monthToDate.calls,
                minutes: monthToDate.minutes,
                country,
              })}
            </p>
          )}
          <p className="call-cost__note">{t('cost.rounding')}</p>
          <p className="call-cost__table">
            {cost.example ? (
              <strong className="call-cost__example">{t('cost.example')}</strong>
            ) : (
              cost.tableLabel
            )}
          </p>
        </>
      )}
    </section>
  );
}

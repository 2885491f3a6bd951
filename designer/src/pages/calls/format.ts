import { formatMoney } from '../../simulator/cost/callCost.ts';
import type { CallCostFigure } from '@callbot/shared';

/** A call's length as `m:ss` (`h:mm:ss` past an hour). */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A call's cost in its currency, in the UI's locale. */
export const formatCost = (cost: CallCostFigure, locale: string): string =>
  formatMoney(cost.amount, cost.currency, locale);

/** A share (0..1) as a whole percentage; an em dash where there is none. */
export const formatRate = (rate: number | null, locale: string): string =>
  rate === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);

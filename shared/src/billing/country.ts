import { countryOfNumber } from '../workspace/numbers.ts';
import type { CallDirection, PriceTable } from './priceTable.ts';

/** The numbers of a call as the provider reports them (E.164, or `whatsapp:`/`sip:` forms). */
export interface CallNumbers {
  direction: CallDirection;
  /** Who called: the customer when they call (`inbound`), the business's line when it calls. */
  from: string;
  /** Who was called: the business's line (`inbound`), or the customer (`outbound`). */
  to: string;
}

/** A number with a `whatsapp:`/`sip:`/`tel:` scheme and a SIP host left out: `sip:+551130001000@pbx` → `+551130001000`. */
function bareNumber(number: string): string {
  return number.replace(/^(whatsapp|sip|sips|tel):/i, '').replace(/@.*$/, '');
}

/**
 * The country a call is priced in (R20, R21: prices are per country): the
 * country of the customer's number (the caller's when the customer calls,
 * the number called when the business calls); when that number does not
 * read, the workspace's country when the table prices it; else the table's
 * default. A number of a country the table has no prices for stays that
 * country: the call has no price there, rather than another country's.
 *
 * @example
 * pricingCountry(table, { direction: 'inbound', from: '+525512345678', to: '+551130001000' }, 'BR') // 'MX'
 */
export function pricingCountry(
  table: PriceTable,
  call: CallNumbers,
  workspaceCountry?: string,
): string {
  const customer = call.direction === 'inbound' ? call.from : call.to;
  const own = countryOfNumber(bareNumber(customer));
  if (own !== undefined) return own;
  if (workspaceCountry !== undefined && Object.hasOwn(table.countries, workspaceCountry)) {
    return workspaceCountry;
  }
  return table.defaultCountry;
}

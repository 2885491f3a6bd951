/**
 * `GET /api/workspaces/:ws/usage/:channel/:direction/:country` (R21): the
 * workspace's month-to-date volume of calls at one price (one country,
 * channel and direction), which volume tiers are counted in. Written once
 * for the server that answers and the designer that asks.
 */
import { z } from 'zod';
import { billingChannels, callDirections } from '../billing/priceTable.ts';

/** The route's parameters. */
export const usageQuerySchema = z.strictObject({
  channel: z.enum(billingChannels, 'the channel is line, whatsapp or sip'),
  direction: z.enum(callDirections, 'the direction is inbound or outbound'),
  country: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as BR'),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

/**
 * The answer: the month's calls so far and their billed minutes (a
 * `MonthToDate`), the month counted in the workspace's `timeZone`.
 */
export const usageAnswerSchema = z.strictObject({
  calls: z.int().nonnegative(),
  minutes: z.int().nonnegative(),
  timeZone: z.string(),
});
export type UsageAnswer = z.infer<typeof usageAnswerSchema>;

/** The route's path after `/api/workspaces/:ws`. */
export const usagePath = ({ channel, direction, country }: UsageQuery): string =>
  `/usage/${channel}/${direction}/${encodeURIComponent(country)}`;

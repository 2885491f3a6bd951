/**
 * Revisions of the workspace's records (teams, schedules, lines, customers,
 * permissions, attempts), its settings and its prices, written once for the
 * server and the designer.
 *
 * Every record has a revision that grows by one on each write. A write (PUT
 * or DELETE) may say which revision it was made on with the `If-Match`
 * header ({@link ifMatch}; 0: "it did not exist"); when the stored revision
 * is another, nothing is written and the answer is 409
 * `revisionConflictSchema` (who changed it, when, its revision now). Without
 * the header the write is made on whatever is stored (scripts, the import).
 */
import { z } from 'zod';
import { priceTableSchema } from '../billing/priceTable.ts';

/** The request header a write names its base revision in. */
export const IF_MATCH_HEADER = 'if-match';

/** The `If-Match` value of a base revision: `"3"`. */
export const ifMatch = (revision: number): string => `"${revision}"`;

/**
 * The base revision an `If-Match` value names: a number (quoted or not),
 * `undefined` when there is no header, or an error message.
 */
export function parseIfMatch(value: string | string[] | undefined): number | undefined | string {
  if (value === undefined) return undefined;
  const text = (Array.isArray(value) ? value.join(',') : value).trim();
  const match = /^(?:W\/)?"?(\d{1,10})"?$/.exec(text);
  if (!match) return 'If-Match: expected a revision number, e.g. "3"';
  return Number(match[1]);
}

/** Each record's revision in a collection's list (`GET /api/workspaces/:ws/teams` ...), by its key. */
export const recordRevisionsSchema = z.array(z.object({ id: z.string(), revision: z.int() }));
export type RecordRevisions = z.infer<typeof recordRevisionsSchema>;

/** `GET /api/workspaces/:ws/:collection/:id` and the answer to a PUT of one record. */
export const recordAnswerSchema = z.object({ record: z.unknown(), revision: z.int() });

// ----------------------------------------------------------------- prices

/**
 * `GET /api/workspaces/:ws/prices` (viewer): the workspace's own price
 * table, or null while the example table applies. `revision` is the
 * settings' (the prices are one of the workspace's settings).
 */
export const pricesAnswerSchema = z.object({
  priceTable: priceTableSchema.nullable(),
  revision: z.int(),
});
export type PricesAnswer = z.infer<typeof pricesAnswerSchema>;

/**
 * `PUT /api/workspaces/:ws/prices` (editor): replaces the price table (null
 * goes back to the example), leaving the other settings as they are. With
 * `If-Match`, refused with 409 when the settings changed since.
 */
export const pricesRequestSchema = z.strictObject({ priceTable: priceTableSchema.nullable() });
export type PricesRequest = z.infer<typeof pricesRequestSchema>;

import { z } from 'zod';
import { fieldMessages } from '../workspace/fieldMessages.ts';
import { e164Schema, entityIdSchema, instantSchema } from '../workspace/fields.ts';

/**
 * The limits of outbound WhatsApp calls, as configuration. The defaults are
 * the FAQ's (R14): a temporary permission lasts 6 days and allows 5 calls or
 * call attempts per calendar day. The platform rules published for WhatsApp
 * calling are off by default.
 */
export const permissionLimitsSchema = z.strictObject({
  /** How long a temporary permission lasts, in days from its acceptance (R14). */
  temporaryDays: z.int().min(1, fieldMessages.temporaryDaysMin).max(365),
  /** Calls or call attempts allowed per calendar day and customer number, whatever the permission (R14, R15). */
  callsPerDay: z.int().min(1, fieldMessages.callsPerDayMin).max(1000),
  platformRules: z.strictObject({
    enabled: z.boolean(),
    /** Permission requests allowed per customer number in any 24 hours. */
    requestsPer24h: z.int().min(1).max(100),
    /** Permission requests allowed per customer number in any 7 days. */
    requestsPer7d: z.int().min(1).max(100),
    /** Unanswered calls in a row after which the permission is revoked. */
    revokeAfterUnanswered: z.int().min(1).max(100),
  }),
});
export type PermissionLimits = z.infer<typeof permissionLimitsSchema>;

/** The FAQ's figures (R14), with the platform rules off. */
export const defaultPermissionLimits: PermissionLimits = {
  temporaryDays: 6,
  callsPerDay: 5,
  platformRules: {
    enabled: false,
    requestsPer24h: 1,
    requestsPer7d: 2,
    revokeAfterUnanswered: 4,
  },
};

/** A customer the business may call on WhatsApp, known by number (R14). */
export const customerSchema = z.strictObject({
  id: entityIdSchema,
  /** The customer's WhatsApp number, E.164. */
  number: e164Schema,
  name: z.string().trim().max(120, fieldMessages.customerNameTooLong).optional(),
  createdAt: instantSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const permissionStates = ['none', 'requested', 'temporary', 'always', 'revoked'] as const;
export type PermissionState = (typeof permissionStates)[number];

/**
 * The call permission (opt-in) of one customer number (R13, R14). It belongs
 * to the number, not to a conversation. `requests` keeps when invitations
 * were sent, for the platform's request limits.
 */
export const callPermissionSchema = z
  .strictObject({
    /** The customer number the permission belongs to, E.164. */
    number: e164Schema,
    state: z.enum(permissionStates),
    /** When a temporary permission ends (epoch ms); only on `temporary`. */
    expiresAt: instantSchema.optional(),
    /** Who revoked it; only on `revoked`. */
    revokedBy: z.enum(['customer', 'platform']).optional(),
    /** When the state last changed (epoch ms). */
    updatedAt: instantSchema,
    /** When invitation templates were sent (epoch ms), oldest first; the latest 50 are kept. */
    requests: z.array(instantSchema).max(50),
    /** Calls in a row the customer did not answer, for the platform's revocation rule. */
    unansweredInRow: z.int().min(0).max(100_000),
  })
  .superRefine((p, ctx) => {
    if ((p.state === 'temporary') !== (p.expiresAt !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: fieldMessages.permissionExpiry,
      });
    }
    if ((p.state === 'revoked') !== (p.revokedBy !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['revokedBy'],
        message: fieldMessages.permissionRevokedBy,
      });
    }
  });
export type CallPermission = z.infer<typeof callPermissionSchema>;

/** One outbound call placed to a customer: answered or not, it counts toward the day's limit (R14). */
export const callAttemptSchema = z.strictObject({
  id: entityIdSchema,
  number: e164Schema,
  /** When the call was placed (epoch ms). */
  at: instantSchema,
  outcome: z.enum(['answered', 'unanswered']),
});
export type CallAttempt = z.infer<typeof callAttemptSchema>;

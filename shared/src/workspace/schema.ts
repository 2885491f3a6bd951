import { z } from 'zod';
import { priceTableSchema } from '../billing/priceTable.ts';
import { holidaySchema, weeklyRangeSchema } from '../schedules/schema.ts';
import { addFieldIssue, fieldMessages } from './fieldMessages.ts';
import { nameKey } from './names.ts';
import {
  callAttemptSchema,
  callPermissionSchema,
  customerSchema,
  permissionLimitsSchema,
} from '../whatsapp/schema.ts';
import {
  countrySchema,
  e164Schema,
  entityIdSchema,
  instantSchema,
  nameSchema,
  timeZoneSchema,
} from './fields.ts';

/** Where a fallback bot takes a call: a `sip:` address (dialled) or an http(s) TwiML URL (redirected to). */
export const botTargetSchema = z
  .string()
  .max(500)
  .regex(/^(sip:|https?:\/\/)/, fieldMessages.botTarget);

/** A team (equipe de atendimento) of human agents calls can be transferred to. */
export const teamSchema = z.strictObject({
  id: entityIdSchema,
  name: nameSchema('team'),
  /** How many agents answer for the team; 0 is allowed while it is being set up. */
  agents: z.int(fieldMessages.agentsWhole).min(0, fieldMessages.agentsNegative).max(100_000),
  /** The team the default callbot transfers to (R9); at most one team is the default. */
  isDefault: z.boolean(),
});
export type Team = z.infer<typeof teamSchema>;

/**
 * A bot (bot de contingência) of the workspace a fallback-bot node hands the
 * call to: named once here and chosen in the flows, which name it.
 */
export const botSchema = z.strictObject({
  id: entityIdSchema,
  name: nameSchema('bot'),
  /** Where a handoff to the bot goes on a call; without it such a call hangs up. */
  target: botTargetSchema.optional(),
});
export type Bot = z.infer<typeof botSchema>;

/** Opening hours (horários de atendimento) with a name, reusable by schedule nodes. */
export const namedScheduleSchema = z.strictObject({
  id: entityIdSchema,
  name: nameSchema('schedule'),
  timeZone: timeZoneSchema,
  weekly: z.array(weeklyRangeSchema).max(7 * 48),
  holidays: z.array(holidaySchema).max(1000),
});
export type NamedSchedule = z.infer<typeof namedScheduleSchema>;

/** What every line has. `callbotId` is the flow that answers it (R3: at most one). */
const lineBase = {
  id: entityIdSchema,
  callbotId: entityIdSchema.optional(),
  createdAt: instantSchema,
};

/** The states of a number purchase request (R7). */
export const purchaseStatuses = ['requested', 'in_process', 'active', 'failed'] as const;
export type PurchaseStatus = (typeof purchaseStatuses)[number];

/** A number bought through the platform: voice calls only (R4, R5). */
export const purchasedLineSchema = z.strictObject({
  ...lineBase,
  kind: z.literal('purchased'),
  country: countrySchema,
  number: e164Schema,
  status: z.enum(purchaseStatuses),
  requestedAt: instantSchema,
  /** The provider's id of the purchase order. */
  orderId: z.string().min(1, fieldMessages.orderIdRequired).max(100),
});

/** The items of R2's checklist (see `whatsappCallingChecklist`). */
export const checklistItemIds = ['receptionCallbot', 'openingHours', 'teamWithAgents'] as const;

/**
 * A WhatsApp Business number (R1). `calling` is what the provider says of
 * the number (the calling feature is on); `callsEnabled` is the workspace's
 * switch that shows customers the call button (R2). `voiceLineId` names the
 * SIP line that carries the same number's voice calls (R6).
 */
export const whatsappLineSchema = z
  .strictObject({
    ...lineBase,
    kind: z.literal('whatsapp'),
    number: e164Schema,
    displayName: nameSchema('whatsappLine', 120),
    business: z.literal(true, fieldMessages.businessOnly),
    calling: z.boolean(),
    callsEnabled: z.boolean(),
    voiceLineId: entityIdSchema.optional(),
    /**
     * Set when a change broke R2's checklist while calls were enabled and
     * calls were turned off for it: when, and which items went missing.
     * Cleared when calls are enabled again.
     */
    callsTurnedOff: z
      .strictObject({
        at: instantSchema,
        missing: z.array(z.enum(checklistItemIds)).min(1).max(checklistItemIds.length),
      })
      .optional(),
  })
  .refine((line) => line.calling || !line.callsEnabled, {
    path: ['callsEnabled'],
    message: fieldMessages.callsNeedCalling,
  });

/** A host name or an IP address (v4, or v6 in brackets or bare). */
const hostSchema = z
  .string()
  .trim()
  .min(1, fieldMessages.hostRequired)
  .max(253, fieldMessages.hostTooLong)
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/,
    fieldMessages.hostFormat,
  );

/** An existing PBX or call centre connected over SIP (R19). */
export const sipLineSchema = z.strictObject({
  ...lineBase,
  kind: z.literal('sip'),
  label: nameSchema('sipLine', 120),
  host: hostSchema,
  port: z
    .int(fieldMessages.portWhole)
    .min(1, fieldMessages.portRange)
    .max(65535, fieldMessages.portRange),
  transport: z.enum(['udp', 'tcp', 'tls'], fieldMessages.transport),
  username: z.string().min(1, fieldMessages.sipUserRequired).max(128, fieldMessages.sipUserTooLong),
  password: z
    .string()
    .min(1, fieldMessages.sipPasswordRequired)
    .max(256, fieldMessages.sipPasswordTooLong),
  /** The number the trunk answers on, E.164, when it has one. */
  number: e164Schema.optional(),
  /**
   * R19: the business declared the number is its own line (a PBX or call
   * centre's, not a personal mobile), where the number's type is not certain
   * or it is a mobile that is the workspace's WhatsApp Business number (R6).
   */
  numberDeclared: z.literal('business').optional(),
});

/** A line calls arrive on: purchased, WhatsApp or SIP. */
export const lineSchema = z.discriminatedUnion('kind', [
  purchasedLineSchema,
  whatsappLineSchema,
  sipLineSchema,
]);
export type Line = z.infer<typeof lineSchema>;
export type PurchasedLine = z.infer<typeof purchasedLineSchema>;
export type WhatsAppLine = z.infer<typeof whatsappLineSchema>;
export type SipLine = z.infer<typeof sipLineSchema>;
export type LineKind = Line['kind'];

export const workspaceSettingsSchema = z.strictObject({
  /** The workspace's IANA time zone: a "day" of the call limits is a calendar day there (R14). */
  timeZone: timeZoneSchema,
  /** The team the default callbot transfers to (R9). */
  defaultTeamId: entityIdSchema.optional(),
  /** The country new numbers are looked for in, and calls are priced in by default. */
  country: countrySchema,
  /** The workspace's own prices; the example table applies when absent. */
  priceTable: priceTableSchema.optional(),
  /** Outbound WhatsApp call limits; the FAQ's defaults apply when absent. */
  whatsappLimits: permissionLimitsSchema.optional(),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** The settings of a workspace nobody has configured yet (a Brazilian business, as the FAQ's). */
export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = {
  timeZone: 'America/Sao_Paulo',
  country: 'BR',
};

export const WORKSPACE_FILE_FORMAT = 'callbot-workspace/1';

/** The records of a workspace file that are listed by a key, as `fieldMessages` codes them. */
type ListedRecord =
  'team' | 'schedule' | 'line' | 'flow' | 'callbot' | 'customer' | 'permission' | 'attempt' | 'bot';

/** Refuses two records with the same key, naming the second one. */
function unique<T>(
  items: readonly T[],
  key: (item: T) => string,
  record: ListedRecord,
  field: string,
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) addFieldIssue(ctx, [field, i], `${record}ListedTwice`, { key: k });
    seen.add(k);
  });
}

/** Refuses two records named the same (`nameKey`: flows name them), naming the second one's field. */
function uniqueNames(
  items: readonly { id: string; name: string }[],
  record: 'team' | 'bot' | 'schedule',
  field: string,
  ctx: z.RefinementCtx,
) {
  const seen = new Map<string, { id: string; name: string }>();
  items.forEach((item, i) => {
    const first = seen.get(nameKey(item.name));
    if (first) {
      addFieldIssue(ctx, [field, i, 'name'], `${record}SameName`, {
        name: item.name,
        first: first.name,
        firstId: first.id,
      });
    } else seen.set(nameKey(item.name), item);
  });
}

/**
 * The whole workspace as one file: export and import. Flows' `doc` is left
 * `unknown` here: the importer reads each through `loadFlow` (migrated when
 * older, refused when broken). References between records are checked.
 */
export const workspaceFileSchema = z
  .strictObject({
    format: z.literal(WORKSPACE_FILE_FORMAT, fieldMessages.fileFormat),
    exportedAt: instantSchema,
    settings: workspaceSettingsSchema,
    teams: z.array(teamSchema).max(500),
    schedules: z.array(namedScheduleSchema).max(500),
    lines: z.array(lineSchema).max(1000),
    callbots: z.array(z.strictObject({ flowId: entityIdSchema })).max(2000),
    flows: z
      .array(
        z.strictObject({
          id: entityIdSchema,
          name: nameSchema('flow', 120),
          callbot: z.boolean(),
          doc: z.unknown(),
        }),
      )
      .max(2000),
    customers: z.array(customerSchema).max(100_000),
    permissions: z.array(callPermissionSchema).max(100_000),
    attempts: z.array(callAttemptSchema).max(500_000),
    /** The bots fallback-bot nodes pick; absent from files written before there were bots. */
    bots: z.array(botSchema).max(500).default([]),
  })
  .superRefine((file, ctx) => {
    unique(file.teams, (t) => t.id, 'team', 'teams', ctx);
    unique(file.schedules, (s) => s.id, 'schedule', 'schedules', ctx);
    unique(file.lines, (l) => l.id, 'line', 'lines', ctx);
    unique(file.flows, (f) => f.id, 'flow', 'flows', ctx);
    unique(file.callbots, (c) => c.flowId, 'callbot', 'callbots', ctx);
    unique(file.customers, (c) => c.number, 'customer', 'customers', ctx);
    unique(file.permissions, (p) => p.number, 'permission', 'permissions', ctx);
    unique(file.attempts, (a) => a.id, 'attempt', 'attempts', ctx);
    unique(file.bots, (b) => b.id, 'bot', 'bots', ctx);
    uniqueNames(file.teams, 'team', 'teams', ctx);
    uniqueNames(file.bots, 'bot', 'bots', ctx);
    uniqueNames(file.schedules, 'schedule', 'schedules', ctx);

    const defaults = file.teams.flatMap((t, i) => (t.isDefault ? [i] : []));
    defaults
      .slice(1)
      .forEach((i) => addFieldIssue(ctx, ['teams', i, 'isDefault'], 'onlyOneDefaultTeam'));
    const { defaultTeamId } = file.settings;
    if (defaultTeamId !== undefined) {
      const team = file.teams.find((t) => t.id === defaultTeamId);
      if (team === undefined || !team.isDefault) {
        addFieldIssue(ctx, ['settings', 'defaultTeamId'], 'defaultTeamNotDefault', {
          id: defaultTeamId,
        });
      }
    }

    const callbotFlows = new Set(file.flows.filter((f) => f.callbot).map((f) => f.id));
    file.callbots.forEach((c, i) => {
      if (!callbotFlows.has(c.flowId)) {
        addFieldIssue(ctx, ['callbots', i, 'flowId'], 'callbotNotCallbotFlow', { id: c.flowId });
      }
    });
    const sipLines = new Set(file.lines.filter((l) => l.kind === 'sip').map((l) => l.id));
    file.lines.forEach((line, i) => {
      if (line.callbotId !== undefined && !callbotFlows.has(line.callbotId)) {
        addFieldIssue(ctx, ['lines', i, 'callbotId'], 'lineCallbotUnknown', {
          id: line.callbotId,
        });
      }
      if (line.kind === 'whatsapp' && line.voiceLineId !== undefined) {
        if (!sipLines.has(line.voiceLineId)) {
          addFieldIssue(ctx, ['lines', i, 'voiceLineId'], 'voiceLineNotSip', {
            id: line.voiceLineId,
          });
        }
      }
    });
  });
export type WorkspaceFile = z.infer<typeof workspaceFileSchema>;

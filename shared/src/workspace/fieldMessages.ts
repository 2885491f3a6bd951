import type { z } from 'zod';

/**
 * Every message the workspace records' schemas write themselves, by a stable
 * code, in English: the schemas use these words (the CLI, the server's log
 * and the workspace-file check say them as they are), and `fieldProblems`
 * gives each refused field its code, so the designer says it in the page's
 * language. `{{name}}` stands for a param, given with the code.
 */
export const fieldMessages = {
  // Fields every record uses.
  idEmpty: 'an id cannot be empty',
  idTooLong: 'an id has at most 100 characters',
  instantWhole: 'expected a time as whole milliseconds since 1970',
  phoneFormat:
    'expected a phone number in international format: + then the country code and the number, digits only, e.g. +551130000000',
  phoneTooManyDigits: '{{start}}… has {{digits}} digits: a phone number has at most {{max}}',
  phoneTooShort: '{{number}} is too short for a phone number of its country',
  phoneTooLong: '{{number}} is too long for a phone number of its country',
  phoneLength: '{{number}} does not have the length of a phone number of its country',
  phoneCountryCode: '{{number}} does not start with a country calling code',
  phoneNotE164: '{{number}} is not in E.164: write it as {{e164}}',
  countryCode: 'expected a two-letter country code such as BR',
  timeZone: 'expected a time zone such as America/Sao_Paulo',

  // Names (`nameSchema`), by the record they name.
  teamNameRequired: 'a team needs a name',
  teamNameTooLong: 'a team name has at most {{max}} characters',
  botNameRequired: 'a bot needs a name',
  botNameTooLong: 'a bot name has at most {{max}} characters',
  scheduleNameRequired: 'a schedule needs a name',
  scheduleNameTooLong: 'a schedule name has at most {{max}} characters',
  whatsappLineNameRequired: 'a WhatsApp line needs a name',
  whatsappLineNameTooLong: 'a WhatsApp line name has at most {{max}} characters',
  sipLineNameRequired: 'a SIP line needs a name',
  sipLineNameTooLong: 'a SIP line name has at most {{max}} characters',
  flowNameRequired: 'a flow needs a name',
  flowNameTooLong: 'a flow name has at most {{max}} characters',
  testCaseNameRequired: 'a test case needs a name',
  testCaseNameTooLong: 'a test case name has at most {{max}} characters',

  // Teams, bots, lines.
  agentsWhole: 'the number of agents is a whole number',
  agentsNegative: 'the number of agents cannot be negative',
  botTarget: 'a bot target is a sip: address or an http(s) URL',
  orderIdRequired: 'a purchase needs its order id',
  businessOnly: 'only WhatsApp Business numbers can take calls (R1)',
  callsNeedCalling:
    'calls cannot be enabled on a number whose WhatsApp calling feature is off (R1)',
  hostRequired: 'a SIP line needs the host of the PBX',
  hostTooLong: 'a host name has at most 253 characters',
  hostFormat: 'expected a host name such as pbx.example.com or an IP address',
  portWhole: 'the port is a whole number',
  portRange: 'a port is between 1 and 65535',
  transport: 'the transport is udp, tcp or tls',
  sipUserRequired: 'a SIP line needs the user name of its account',
  sipUserTooLong: 'a SIP user name has at most 128 characters',
  sipPasswordRequired: 'a SIP line needs the password of its account',
  sipPasswordTooLong: 'a SIP password has at most 256 characters',

  // Opening hours.
  clockTime: 'expected a time as HH:MM (00:00 to 24:00)',
  holidayDate: 'expected a date as YYYY-MM-DD',

  // WhatsApp customers, permissions and limits.
  temporaryDaysMin: 'a temporary permission lasts at least 1 day',
  callsPerDayMin: 'at least 1 call a day, or no call could ever be placed',
  customerNameTooLong: 'a customer name has at most 120 characters',
  permissionExpiry: 'a temporary permission has an expiry, and only a temporary one',
  permissionRevokedBy: 'a revoked permission says who revoked it, and only a revoked one',

  // Price tables.
  lastTierUnlimited: 'the last tier has no upper limit (null)',
  tiersGoUp: 'tiers go up: each limit is above the one before, only the last one is null',
  volumeUnit: 'the volume is counted in calls or minutes',
  volumeTiersStart: 'the first tier starts at 0 and each next one starts higher',
  currencyCode: 'an ISO 4217 code such as BRL',
  priceCountryCode: 'an ISO 3166 country code such as BR',
  defaultCountryPriced: 'the default country needs prices in the table',

  // A workspace file: its records together.
  fileFormat: 'expected a workspace file (callbot-workspace/1)',
  teamListedTwice: 'the team "{{key}}" is listed twice',
  scheduleListedTwice: 'the schedule "{{key}}" is listed twice',
  lineListedTwice: 'the line "{{key}}" is listed twice',
  flowListedTwice: 'the flow "{{key}}" is listed twice',
  callbotListedTwice: 'the callbot "{{key}}" is listed twice',
  customerListedTwice: 'the customer number "{{key}}" is listed twice',
  permissionListedTwice: 'the permission of "{{key}}" is listed twice',
  attemptListedTwice: 'the call attempt "{{key}}" is listed twice',
  botListedTwice: 'the bot "{{key}}" is listed twice',
  teamSameName: 'the team "{{name}}" has the same name as "{{first}}" ({{firstId}})',
  botSameName: 'the bot "{{name}}" has the same name as "{{first}}" ({{firstId}})',
  scheduleSameName: 'the schedule "{{name}}" has the same name as "{{first}}" ({{firstId}})',
  onlyOneDefaultTeam: 'only one team can be the default team',
  defaultTeamNotDefault:
    'the default team "{{id}}" must be a team of the file marked as the default',
  callbotNotCallbotFlow: 'the callbot "{{id}}" is not a flow of the file marked as a callbot',
  lineCallbotUnknown: 'the line\'s callbot "{{id}}" is not a callbot of the file',
  voiceLineNotSip: 'the voice line "{{id}}" is not a SIP line of the file (R6)',
} as const;

export type FieldMessageCode = keyof typeof fieldMessages;

/** Every code, for a schema that reads one. */
export const fieldMessageCodes = Object.keys(fieldMessages) as [
  FieldMessageCode,
  ...FieldMessageCode[],
];

/** The names of the `{{params}}` of a template. */
type ParamNames<T extends string> = T extends `${string}{{${infer P}}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;

/** What a code's words need: `{}` for most, e.g. `{ max: 80 }` for a name's length. */
export type FieldMessageParams<C extends FieldMessageCode> = Readonly<
  Record<ParamNames<(typeof fieldMessages)[C]>, string | number>
>;

/** A code and its params, as a refused field carries them. */
export interface CodedFieldMessage {
  code: FieldMessageCode;
  /** The values of the code's `{{params}}`, when it has any. */
  params?: Readonly<Record<string, string | number>>;
}

/** A code's English words with its params in place. */
export function fieldMessage<C extends FieldMessageCode>(
  code: C,
  ...[params]: ParamNames<(typeof fieldMessages)[C]> extends never ? [] : [FieldMessageParams<C>]
): string {
  const values = new Map<string, string | number>(Object.entries(params ?? {}));
  return fieldMessages[code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    String(values.get(name) ?? whole),
  );
}

/** The key of a custom issue's `params` under which its code and params travel. */
const CODED = 'fieldMessage';

/**
 * Refuses a field with a message that has params (a value of the record, a
 * limit): its English words, and its code and params for `fieldProblems`.
 */
export function addFieldIssue<C extends FieldMessageCode>(
  ctx: z.RefinementCtx,
  path: PropertyKey[] | undefined,
  code: C,
  ...params: ParamNames<(typeof fieldMessages)[C]> extends never ? [] : [FieldMessageParams<C>]
): void {
  const coded: CodedFieldMessage = { code, ...(params[0] ? { params: params[0] } : {}) };
  ctx.addIssue({
    code: 'custom',
    ...(path ? { path } : {}),
    message: fieldMessage(code, ...params),
    params: { [CODED]: coded },
  });
}

const codes = new Set<string>(fieldMessageCodes);
const isCode = (value: unknown): value is FieldMessageCode =>
  typeof value === 'string' && codes.has(value);

/** The codes of the messages written without params, by their words. */
const codeByMessage = new Map<string, FieldMessageCode>(
  (Object.entries(fieldMessages) as [FieldMessageCode, string][])
    .filter(([, words]) => !words.includes('{{'))
    .map(([code, words]) => [words, code]),
);

/** The code (and params) of a zod issue whose message is one of `fieldMessages`, if it is. */
export function codeOfIssue(issue: z.core.$ZodIssue): CodedFieldMessage | undefined {
  if (issue.code === 'custom') {
    const coded: unknown = issue.params?.[CODED];
    if (coded !== null && typeof coded === 'object' && 'code' in coded && isCode(coded.code)) {
      const params = 'params' in coded ? readParams(coded.params) : undefined;
      return params ? { code: coded.code, params } : { code: coded.code };
    }
  }
  const code = codeByMessage.get(issue.message);
  return code === undefined ? undefined : { code };
}

/** Params as `addFieldIssue` wrote them: strings and numbers, in a fresh object. */
function readParams(value: unknown): Record<string, string | number> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

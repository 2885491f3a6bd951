/**
 * The provider's protocol mapped, in pure functions: its form fields into
 * call-protocol events, and the runtime's commands into TwiML verbs and
 * documents (split in parts when too long for one). No I/O here: the
 * request handler (`voice.ts`) only loads, applies, stores and answers.
 */
import { e164Schema, findNamed, type CallEvent } from '@callbot/shared';
import type { Bot, CallRecord, Channel, EndedBy, ListenState, Team } from './store.ts';
import { cleanText } from './text.ts';
import { twiml, type SayVerb, type Verb } from './twiml.ts';

export type Webhook = 'incoming' | 'gather' | 'dial-result' | 'status' | 'continue' | 'queue-wait';

/** A request that cannot be served, with its status and why. */
export class WebhookError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const SID = /^[\w:.-]{1,128}$/;
const DIGITS = /^[0-9*#]{1,32}$/;

/**
 * The form fields, cleaned: a NUL character or a lone surrogate (which the
 * database cannot keep) is dropped or replaced, so the call goes on.
 */
export function cleanFields(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of params) out.append(name, cleanText(value));
  return out;
}

export function field(params: URLSearchParams, name: string, required: true): string;
export function field(params: URLSearchParams, name: string, required?: false): string | undefined;
export function field(params: URLSearchParams, name: string, required = false): string | undefined {
  const value = params.get(name) ?? undefined;
  if (required && (value === undefined || value === '')) {
    throw new WebhookError(400, `The request has no ${name}.`);
  }
  return value === '' ? undefined : value;
}

export function callSid(params: URLSearchParams): string {
  const sid = field(params, 'CallSid', true);
  if (!SID.test(sid)) throw new WebhookError(400, 'CallSid is not a call id.');
  return sid;
}

/** The step a follow-up request is for (`?step=n`), or null (the status callback). */
export function stepOf(query: URLSearchParams): number | null {
  const text = query.get('step');
  if (text === null) return null;
  const step = Number(text);
  if (!(Number.isInteger(step) && step > 0))
    throw new WebhookError(400, 'step is not a step number.');
  return step;
}

/** The start of a call: which line (the business's number) and who is on the other end. */
export interface CallStart {
  sid: string;
  /** The business's number, without the `whatsapp:` prefix. */
  line: string;
  caller: string;
  direction: 'inbound' | 'outbound';
  channel: Channel;
  event: CallEvent;
}

/** Twilio's WhatsApp Business Calling addresses both ends as `whatsapp:+E.164`. */
const WHATSAPP = 'whatsapp:';

/**
 * `/voice/incoming`'s fields as the call's start. An outbound call
 * (`Direction=outbound-api`, `outbound-dial`) was placed from the business's
 * number: `From` is the line, `To` the customer. A call whose addresses
 * carry `whatsapp:` is the WhatsApp channel of the number's line; one to a
 * `sip:` address, the SIP channel; any other, a phone line.
 */
export function callStart(params: URLSearchParams): CallStart {
  const sid = callSid(params);
  const to = field(params, 'To', true);
  const from = field(params, 'From', true);
  if (to.length > 64 || from.length > 64) throw new WebhookError(400, 'From or To is too long.');
  const direction = field(params, 'Direction')?.startsWith('outbound') ? 'outbound' : 'inbound';
  const [business, other] = direction === 'outbound' ? [from, to] : [to, from];
  const channel: Channel = business.startsWith(WHATSAPP)
    ? 'whatsapp'
    : business.startsWith('sip:')
      ? 'sip'
      : 'line';
  const bare = (address: string) =>
    address.startsWith(WHATSAPP) ? address.slice(WHATSAPP.length) : address;
  return {
    sid,
    line: bare(business),
    caller: bare(other),
    direction,
    channel,
    event: {
      type: 'call.started',
      callId: sid,
      channel,
      direction,
      from: bare(from),
      to: bare(to),
    },
  };
}

const DIAL_STATUS: ReadonlyMap<string, 'answered' | 'no_answer' | 'busy' | 'failed'> = new Map([
  ['completed', 'answered'],
  ['answered', 'answered'],
  ['no-answer', 'no_answer'],
  ['canceled', 'no_answer'],
  ['busy', 'busy'],
  ['failed', 'failed'],
]);

/** How a caller left an `<Enqueue>` queue, as a transfer's outcome. */
const QUEUE_RESULT: ReadonlyMap<string, 'answered' | 'no_answer' | 'busy' | 'failed'> = new Map([
  ['bridged', 'answered'],
  ['bridging-in-process', 'answered'],
  ['redirected', 'no_answer'],
  ['leave', 'no_answer'],
  ['queue-full', 'busy'],
  ['error', 'failed'],
  ['system-error', 'failed'],
]);

const ENDED_BY: ReadonlyMap<string, EndedBy> = new Map([
  ['completed', 'caller'],
  ['busy', 'network'],
  ['failed', 'network'],
  ['no-answer', 'network'],
  ['canceled', 'network'],
]);

/** The status callback's end of the call, or null for a status that is no end (`ringing`...). */
export function endOf(params: URLSearchParams): EndedBy | null {
  return ENDED_BY.get(field(params, 'CallStatus', true)) ?? null;
}

/**
 * What a follow-up request says happened on the call; `null` for the
 * provider's report of silence (a Gather that timed out).
 */
export function eventsOf(
  hook: 'gather' | 'dial-result' | 'status',
  params: URLSearchParams,
): CallEvent[] | null {
  switch (hook) {
    case 'gather': {
      const digits = field(params, 'Digits');
      const speech = field(params, 'SpeechResult');
      if (digits !== undefined) {
        if (!DIGITS.test(digits))
          throw new WebhookError(400, 'Digits holds something else than keys.');
        return [...digits].map((digit) => ({ type: 'dtmf', digit }) as CallEvent);
      }
      if (speech !== undefined) {
        if (speech.length > 2000) throw new WebhookError(400, 'SpeechResult is too long.');
        const confidence = Number(field(params, 'Confidence'));
        return [
          {
            type: 'speech',
            text: speech,
            ...(confidence >= 0 && confidence <= 1 && { confidence }),
          },
        ];
      }
      return null;
    }
    case 'dial-result': {
      const queue = field(params, 'QueueResult');
      if (queue === 'hangup') return [{ type: 'call.ended', by: 'caller' }];
      const outcome =
        DIAL_STATUS.get(field(params, 'DialCallStatus') ?? '') ?? QUEUE_RESULT.get(queue ?? '');
      if (!outcome) {
        throw new WebhookError(400, 'The request has no known DialCallStatus or QueueResult.');
      }
      return [{ type: 'transfer.result', outcome }];
    }
    case 'status': {
      const by = endOf(params);
      return by ? [{ type: 'call.ended', by }] : [];
    }
  }
}

export const gatherUrl = (step: number) => `/voice/gather?step=${step}`;
export const dialResultUrl = (step: number) => `/voice/dial-result?step=${step}`;
export const continueUrl = (step: number, part: number) =>
  `/voice/continue?step=${step}&part=${part}`;

/** Twilio's limit for a queue's name. */
export const QUEUE_NAME_MAX = 64;

/**
 * The team a flow names: by its id, or else by the same name as publishing
 * checked it (`findNamed`: a transfer to "VENDAS" reaches the team "Vendas").
 * The workspace's teams come keyed by id and by name (`PublishDirectory.context`).
 */
export const findTeam = (teams: readonly Team[], team: string): Team | undefined =>
  findNamed(teams, team);

/** The fallback bot a flow names, found as `findTeam` finds a team. */
export const findBot = (bots: readonly Bot[], bot: string): Bot | undefined => findNamed(bots, bot);

/** Twilio's longest `<Dial timeout>`, in seconds. */
export const DIAL_TIMEOUT_MAX = 600;
/** Hold music while a caller waits in a queue without a wait message (Twilio's own classical hold music). */
export const HOLD_MUSIC_URL = 'http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3';

export const queueWaitUrl = (step: number) => `/voice/queue-wait?step=${step}`;

/** The `transfer` command as the voice path reads it. */
export interface TransferCommand {
  team: string;
  maxWaitSeconds: number;
  waitMessage?: string;
}

/**
 * Where a transfer to a team goes: its target (a queue, a number, a SIP
 * address). A number or SIP address is dialled after the wait message is
 * said, ringing at most `maxWaitSeconds` (600 s at most: Twilio's limit); a
 * queue is entered with a wait document (`queueWaitUrl`, see `queueWaitVerbs`).
 */
export function transferVerbs(
  teams: readonly Team[],
  command: TransferCommand,
  step: number,
  language?: string,
): Verb[] {
  const target = findTeam(teams, command.team)?.target ?? command.team;
  const action = dialResultUrl(step);
  const timeout = Math.min(DIAL_TIMEOUT_MAX, Math.max(1, Math.round(command.maxWaitSeconds)));
  const said: Verb[] = command.waitMessage?.trim()
    ? [{ verb: 'Say', text: command.waitMessage, ...(language && { language }) }]
    : [];
  if (target.startsWith('sip:')) {
    return [...said, { verb: 'Dial', action, timeout, target: { sip: target } }];
  }
  if (e164Schema.safeParse(target).success) {
    return [...said, { verb: 'Dial', action, timeout, target: { number: target } }];
  }
  return [{ verb: 'Enqueue', action, queue: target, waitUrl: queueWaitUrl(step) }];
}

/** Where a transfer to a team goes, as one verb with no wait set (the default callbot's hold path). */
export function transferVerb(teams: readonly Team[], team: string, step: number): Verb {
  const target = findTeam(teams, team)?.target ?? team;
  const action = dialResultUrl(step);
  if (target.startsWith('sip:')) return { verb: 'Dial', action, target: { sip: target } };
  if (e164Schema.safeParse(target).success)
    return { verb: 'Dial', action, target: { number: target } };
  return { verb: 'Enqueue', action, queue: target };
}

/**
 * A business-initiated WhatsApp call placed from a call leg the provider
 * runs (Twilio's WhatsApp Business Calling): `from` is the business's
 * voice-enabled WhatsApp sender, `to` the customer, both E.164; the dialled
 * leg's progress goes to `statusCallback` (which closes the attempt's
 * record), its outcome to `action` when given. Only placed after the
 * checks of the attempt passed (R13–R15, the line's calls enabled).
 *
 * @example
 * whatsappDialTwiml({ from: '+5511930001000', to: '+5511987650000', statusCallback });
 * // …<Dial callerId="whatsapp:+5511930001000"><WhatsApp …>+5511987650000</WhatsApp></Dial>…
 */
export function whatsappDialTwiml(input: {
  from: string;
  to: string;
  statusCallback?: string;
  action?: string;
}): string {
  for (const [name, value] of [
    ['from', input.from],
    ['to', input.to],
  ] as const) {
    if (!e164Schema.safeParse(value).success) {
      throw new WebhookError(400, `${name}: "${value}" is not a number in E.164 (+5511…).`);
    }
  }
  return twiml([
    {
      verb: 'Dial',
      callerId: `whatsapp:${input.from}`,
      target: { whatsapp: input.to },
      ...(input.action !== undefined && { action: input.action }),
      ...(input.statusCallback !== undefined && { statusCallback: input.statusCallback }),
    },
  ]);
}

/**
 * The wait document of a queue (`<Enqueue waitUrl>`), fetched by Twilio
 * again and again with the seconds the caller has waited (`QueueTime`): the
 * wait message said (or hold music played) while the wait lasts, then
 * `<Leave/>` once it reaches the transfer's `maxWaitSeconds`, which ends the
 * `<Enqueue>` with `QueueResult=leave`.
 */
export function queueWaitVerbs(
  queueTimeSeconds: number,
  command: TransferCommand,
  language?: string,
): Verb[] {
  if (queueTimeSeconds >= command.maxWaitSeconds) return [{ verb: 'Leave' }];
  if (command.waitMessage?.trim()) {
    return [
      { verb: 'Say', text: command.waitMessage, ...(language && { language }) },
      { verb: 'Pause', length: 5 },
    ];
  }
  return [{ verb: 'Play', url: HOLD_MUSIC_URL }];
}

/** A fallback-bot handoff: a SIP bot is dialled, a URL receives the call, no target hangs up. */
export function handoffVerbs(bot: Bot | undefined): Verb[] {
  if (bot?.target.startsWith('sip:')) {
    return [{ verb: 'Dial', target: { sip: bot.target } }, { verb: 'Hangup' }];
  }
  if (bot) return [{ verb: 'Redirect', url: bot.target }];
  return [{ verb: 'Hangup' }];
}

/**
 * Listening: a `<Gather>` for what the session listens for, then a
 * `<Redirect>` back to the same step (the report of silence). One key at a
 * time, with no key that ends the Gather (`finishOnKey=""`): Twilio's default
 * `#` would swallow a menu's `#` option, and `*` likewise if it were set.
 */
export function listenVerbs(input: {
  listen: ListenState;
  noInputTimeoutMs: number;
  language: string;
  step: number;
  interruptible: SayVerb[];
}): Verb[] {
  const { listen, step } = input;
  const timeoutMs = listen.noInputMs ?? input.noInputTimeoutMs;
  const dtmf = listen.modes.includes('dtmf');
  return [
    {
      verb: 'Gather',
      action: gatherUrl(step),
      input: listen.modes,
      timeout: Math.max(1, Math.ceil(timeoutMs / 1000)),
      language: input.language,
      bargeIn: input.interruptible.length > 0,
      ...(dtmf && { numDigits: 1, finishOnKey: '' }),
      children: input.interruptible,
    },
    { verb: 'Redirect', url: gatherUrl(step) },
  ];
}

/** Twilio refuses a TwiML document over 64 KB; each part stays under this many bytes. */
export const TWIML_MAX_BYTES = 60 * 1024;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');
const EMPTY_DOCUMENT = byteLength(twiml([]));

/**
 * The answer's verbs as TwiML documents, each within `maxBytes`: when they
 * do not fit in one, a long run of prompts is cut between two of them and
 * each part but the last ends with a `<Redirect>` to the next
 * (`/voice/continue`). A `<Gather>` stays with the `<Redirect>` after it, a
 * `<Dial>` with its `<Hangup>`. A single verb too long for a document (see
 * the publish check) is left whole.
 *
 * @example
 * const [first, ...more] = splitTwiml(verbs, (part) => continueUrl(step, part));
 */
export function splitTwiml(
  verbs: readonly Verb[],
  nextUrl: (part: number) => string,
  maxBytes = TWIML_MAX_BYTES,
): string[] {
  const whole = twiml(verbs);
  if (byteLength(whole) <= maxBytes) return [whole];
  // Units that stay together, with their sizes.
  const units: Verb[][] = [];
  for (const verb of verbs) {
    const previous = units.at(-1);
    const last = previous?.at(-1);
    const joins =
      (last?.verb === 'Gather' && verb.verb === 'Redirect') ||
      (last?.verb === 'Dial' && verb.verb === 'Hangup');
    if (previous && joins) previous.push(verb);
    else units.push([verb]);
  }
  const size = (unit: Verb[]) => byteLength(twiml(unit)) - EMPTY_DOCUMENT;
  const redirectSize = size([{ verb: 'Redirect', url: nextUrl(999) }]);
  const parts: Verb[][] = [[]];
  let used = EMPTY_DOCUMENT;
  units.forEach((unit, i) => {
    const unitSize = size(unit);
    const isLast = i === units.length - 1;
    const room = maxBytes - used - (isLast ? 0 : redirectSize);
    if (unitSize > room && parts.at(-1)!.length > 0) {
      parts.push([]);
      used = EMPTY_DOCUMENT;
    }
    parts.at(-1)!.push(...unit);
    used += unitSize;
  });
  return parts.map((part, i) =>
    twiml(i < parts.length - 1 ? [...part, { verb: 'Redirect', url: nextUrl(i + 1) }] : part),
  );
}

/** The fields a retried request carries in its URL (a `<Redirect>` posts only the call's own). */
const CARRIED = ['Digits', 'SpeechResult', 'Confidence', 'DialCallStatus', 'QueueResult'];

/**
 * The request's fields with those its retry URL carried (`?retry=n&Digits=1`),
 * when the body (a `<Redirect>`'s) lacks them.
 */
export function withCarriedFields(params: URLSearchParams, query: URLSearchParams) {
  if (!query.has('retry')) return params;
  const out = new URLSearchParams(params);
  for (const name of CARRIED) {
    const value = query.get(name);
    if (value !== null && !out.has(name)) out.set(name, value);
  }
  return out;
}

/** The retry URL of a request: the same path and step, the input it carried, one more try. */
export function retryUrl(
  path: string,
  params: URLSearchParams,
  query: URLSearchParams,
  retry: number,
): string {
  const next = new URLSearchParams();
  for (const [name, value] of query)
    if (name !== 'retry' && !CARRIED.includes(name)) next.append(name, value);
  next.set('retry', String(retry));
  for (const name of CARRIED) {
    const value = params.get(name) ?? query.get(name);
    if (value !== null) next.set(name, value);
  }
  return `${path}?${next.toString()}`;
}

/** Which try of a request this is (0: the provider's own request). */
export function retryOf(query: URLSearchParams): number {
  const retry = Number(query.get('retry') ?? 0);
  return Number.isInteger(retry) && retry >= 0 && retry < 1000 ? retry : 0;
}

/** What the caller hears while the server cannot answer (database trouble, overload). */
export interface HoldMessages {
  language: string;
  /** Said before a retry: short, it is heard at every one. */
  wait: string;
  /** Said when retries are used up and no default team can take the call. */
  sorry: string;
}

export const HOLD_MESSAGES: Readonly<Record<string, HoldMessages>> = {
  'pt-BR': {
    language: 'pt-BR',
    wait: 'Um momento, por favor.',
    sorry: 'Desculpe, não conseguimos atender agora. Por favor, ligue novamente mais tarde.',
  },
  en: {
    language: 'en-US',
    wait: 'One moment, please.',
    sorry: 'Sorry, we cannot take your call right now. Please call again later.',
  },
  es: {
    language: 'es-ES',
    wait: 'Un momento, por favor.',
    sorry: 'Lo sentimos, no podemos atenderle ahora. Por favor, llame más tarde.',
  },
};

/**
 * The answer that keeps the caller while the server cannot serve the
 * request: a short apology (only on the first try), a pause, and the same
 * request again through `<Redirect>`; once `maxRetries` are used, the
 * default team (when one is known) or a goodbye.
 */
export function holdTwiml(input: {
  retry: number;
  maxRetries: number;
  pauseSeconds: number;
  url: string;
  messages: HoldMessages;
  /** Say nothing on the first try (a new call being shed: the caller hears ringing). */
  silent?: boolean;
  defaultTeam?: Team | null;
}): string {
  const { messages } = input;
  if (input.retry >= input.maxRetries) {
    const team = input.defaultTeam;
    if (team) {
      const transfer = transferVerb([team], team.id, 0);
      // No action: the call was never ours to continue once handed over.
      const { action: _, ...verb } = transfer as Verb & { action?: string };
      return twiml([verb as Verb, { verb: 'Hangup' }]);
    }
    return twiml([
      { verb: 'Say', text: messages.sorry, language: messages.language },
      { verb: 'Hangup' },
    ]);
  }
  const say: Verb[] =
    input.retry === 0 && !input.silent
      ? [{ verb: 'Say', text: messages.wait, language: messages.language }]
      : [];
  return twiml([
    ...say,
    { verb: 'Pause', length: input.pauseSeconds },
    { verb: 'Redirect', url: input.url },
  ]);
}

/** Whether a call record is over: nothing more is applied to it. */
export const isOver = (call: CallRecord) => call.status !== 'in_progress';

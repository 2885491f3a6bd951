/**
 * The voice webhooks: each request of a call restores its session from the
 * store, turns the provider's fields into call-protocol events, runs the
 * session until it waits for the caller again, answers with TwiML, and saves
 * the session (with the step check) so that any instance can take the next
 * request.
 */
import type { CallEvent, FlowDocument } from '@callbot/shared';
import {
  createCallSession,
  defaultCallbot,
  restoreCallSession,
  type AgentAdapter,
  type CallSession,
  type Clock,
  type Command,
  type TraceLine,
} from '@callbot/runtime';
import type {
  Bot,
  CallContext,
  CallFlowRef,
  CallRecord,
  CallUpdate,
  ListenState,
  Store,
  Team,
} from './store.ts';
import { twiml, type SayVerb, type Verb } from './twiml.ts';

export type Webhook = 'incoming' | 'gather' | 'dial-result' | 'status';

export interface VoiceResponse {
  status: number;
  /** TwiML, or a plain-text message for a refusal. */
  body: string;
}

export interface VoiceDeps {
  store: Store;
  /** The wall clock: each request's time. */
  clock: Pick<Clock, 'now'>;
  /** Answers AI agent nodes; without one they hand the caller to their `transfer` port. */
  agent?: AgentAdapter;
  log: (line: string) => void;
}

/** A request that cannot be served, with its status and why. */
export class WebhookError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Gives up after this many lost races on a request that carries no step. */
const MAX_ATTEMPTS = 5;

/**
 * The session's clock during one request: the request's time, and timers
 * that are kept but never run by time. The only timer a session sets is its
 * no-input timer, and the provider measures that one (`<Gather timeout>`):
 * when it reports silence, `fire` runs it.
 */
class RequestClock implements Clock {
  readonly #timers = new Map<number, () => void>();
  #next = 1;

  constructor(readonly at: number) {}

  now(): number {
    return this.at;
  }

  setTimeout(fn: () => void): number {
    const id = this.#next++;
    this.#timers.set(id, fn);
    return id;
  }

  clearTimeout(id: unknown): void {
    this.#timers.delete(id as number);
  }

  /** Runs the timers set so far; false when there was none. */
  fire(): boolean {
    const due = [...this.#timers.values()];
    this.#timers.clear();
    for (const fn of due) fn();
    return due.length > 0;
  }
}

const noAgentConfigured: AgentAdapter = () => {
  throw new Error('No AI agent endpoint is configured on this server (CALLBOT_AGENT_URL).');
};

const SID = /^[\w:.-]{1,128}$/;
const DIGITS = /^[0-9*#]{1,32}$/;

function field(params: URLSearchParams, name: string, required: true): string;
function field(params: URLSearchParams, name: string, required?: false): string | undefined;
function field(params: URLSearchParams, name: string, required = false): string | undefined {
  const value = params.get(name) ?? undefined;
  if (required && (value === undefined || value === '')) {
    throw new WebhookError(400, `The request has no ${name}.`);
  }
  return value === '' ? undefined : value;
}

function callSid(params: URLSearchParams): string {
  const sid = field(params, 'CallSid', true);
  if (!SID.test(sid)) throw new WebhookError(400, 'CallSid is not a call id.');
  return sid;
}

const DIAL_STATUS: Record<string, 'answered' | 'no_answer' | 'busy' | 'failed'> = {
  completed: 'answered',
  answered: 'answered',
  'no-answer': 'no_answer',
  canceled: 'no_answer',
  busy: 'busy',
  failed: 'failed',
};

/** How a caller left an `<Enqueue>` queue, as a transfer's outcome. */
const QUEUE_RESULT: Record<string, 'answered' | 'no_answer' | 'busy' | 'failed'> = {
  bridged: 'answered',
  'bridging-in-process': 'answered',
  redirected: 'no_answer',
  leave: 'no_answer',
  'queue-full': 'busy',
  error: 'failed',
  'system-error': 'failed',
};

const ENDED_BY: Record<string, 'caller' | 'network'> = {
  completed: 'caller',
  busy: 'network',
  failed: 'network',
  'no-answer': 'network',
  canceled: 'network',
};

/** What the request says happened on the call; `null` for the provider's report of silence. */
function eventsOf(hook: Exclude<Webhook, 'incoming'>, params: URLSearchParams): CallEvent[] | null {
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
        DIAL_STATUS[field(params, 'DialCallStatus') ?? ''] ?? QUEUE_RESULT[queue ?? ''];
      if (!outcome) {
        throw new WebhookError(400, 'The request has no known DialCallStatus or QueueResult.');
      }
      return [{ type: 'transfer.result', outcome }];
    }
    case 'status': {
      const by = ENDED_BY[field(params, 'CallStatus', true)];
      return by ? [{ type: 'call.ended', by }] : [];
    }
  }
}

const gatherUrl = (step: number) => `/voice/gather?step=${step}`;
const dialResultUrl = (step: number) => `/voice/dial-result?step=${step}`;

/**
 * Serves the voice webhooks of one store. `handle` never throws: a request
 * it cannot serve gets a 4xx with a message.
 */
export function createVoiceHandler(deps: VoiceDeps) {
  const flows = new Map<string, FlowDocument>();

  async function flowOf(ref: CallFlowRef): Promise<FlowDocument> {
    const key = 'callbot' in ref ? `${ref.callbot}@${ref.version}` : `default:${ref.defaultTeam}`;
    let flow = flows.get(key);
    if (!flow) {
      if ('callbot' in ref) {
        const version = await deps.store.getVersion(ref.callbot, ref.version);
        if (!version) throw new WebhookError(500, `The version ${key} of the call is gone.`);
        flow = version.flow;
      } else {
        flow = defaultCallbot({ defaultTeam: ref.defaultTeam });
      }
      // Versions never change once published: one document (and one compiled machine) per process.
      flows.set(key, flow);
    }
    return flow;
  }

  /**
   * Runs the session through `events` until it waits for the caller, the
   * provider or nobody, and renders what the caller hears as TwiML.
   */
  async function turn(input: {
    session: CallSession;
    clock: RequestClock;
    agentTurns: Promise<unknown>[];
    flow: FlowDocument;
    teams: Team[];
    bots: Bot[];
    listen: ListenState | null;
    step: number;
    events: CallEvent[] | null;
    transcriptFrom: number;
  }): Promise<CallUpdate> {
    const { session, flow, teams, step } = input;
    const language = flow.settings.locale;
    const commands: Command[] = [];
    // The session keeps no transcript: the lines of this step are taken as they are written.
    const lines: TraceLine[] = [];
    const unsubscribe = session.subscribe((m) => {
      if (m.channel === 'command') commands.push(m.command);
      else if (m.line.kind !== 'input' || m.line.reason !== 'call_over') lines.push(m.line);
    });
    const verbs: Verb[] = [];
    /** An AI agent's prompts, played inside the Gather so that the caller can interrupt them. */
    let interruptible: (SayVerb & { promptId: string })[] = [];
    let listen = input.listen;
    let waitsForProvider = false;
    try {
      if (input.events === null) {
        // The provider heard nothing until its Gather timeout: the session's no-input timer runs
        // out; an AI agent, which has none, has at least finished saying what it said.
        if (!input.clock.fire()) {
          const prompt = session.persist().prompt;
          if (prompt !== null) session.send({ type: 'prompt.ended', promptId: prompt });
        }
      } else {
        for (const event of input.events) session.send(event);
      }
      for (;;) {
        const command = commands.shift();
        if (!command) {
          // A session asks its agent in a microtask, and sends itself the reply once the
          // adapter's promise settles: let both happen before the answer is made.
          await new Promise((resolve) => setImmediate(resolve));
          if (commands.length > 0) continue;
          if (input.agentTurns.length === 0) break;
          await Promise.allSettled(input.agentTurns.splice(0));
          continue;
        }
        switch (command.type) {
          case 'say':
            if (command.interruptible) {
              interruptible.push({
                verb: 'Say',
                text: command.text,
                language,
                promptId: command.promptId,
              });
            } else {
              verbs.push({ verb: 'Say', text: command.text, language });
              // The provider plays the document in order: this prompt is over before what comes next.
              session.send({ type: 'prompt.ended', promptId: command.promptId });
            }
            break;
          case 'say.cancel':
            interruptible = interruptible.filter((s) => s.promptId !== command.promptId);
            break;
          case 'listen':
            listen = command.on
              ? {
                  modes: command.modes,
                  ...(command.noInputMs !== undefined && { noInputMs: command.noInputMs }),
                }
              : null;
            break;
          case 'transfer': {
            const target = teams.find((t) => t.id === command.team)?.target ?? command.team;
            const action = dialResultUrl(step);
            verbs.push(
              target.startsWith('sip:')
                ? { verb: 'Dial', action, target: { sip: target } }
                : /^\+[1-9]\d{1,14}$/.test(target)
                  ? { verb: 'Dial', action, target: { number: target } }
                  : { verb: 'Enqueue', action, queue: target },
            );
            waitsForProvider = true;
            break;
          }
          case 'handoff':
            if ('bot' in command) {
              const bot = input.bots.find((b) => b.id === command.bot);
              if (bot?.target.startsWith('sip:')) {
                verbs.push({ verb: 'Dial', target: { sip: bot.target } }, { verb: 'Hangup' });
              } else if (bot) {
                verbs.push({ verb: 'Redirect', url: bot.target });
              } else {
                deps.log(
                  `fallback bot "${command.bot}" has no target (PUT /api/bots/${command.bot}): hanging up`,
                );
                verbs.push({ verb: 'Hangup' });
              }
            }
            break;
          case 'hangup':
            verbs.push({ verb: 'Hangup' });
            break;
        }
      }
      const snapshot = session.getSnapshot();
      if (snapshot.status === 'ended') {
        listen = null;
        const last = verbs.at(-1)?.verb;
        if (last !== 'Hangup' && last !== 'Redirect' && last !== 'Dial' && last !== 'Enqueue') {
          verbs.push({ verb: 'Hangup' });
        }
      } else if (waitsForProvider) {
        listen = null;
      } else if (snapshot.listening && listen) {
        const timeoutMs = listen.noInputMs ?? flow.settings.noInputTimeoutMs;
        verbs.push(
          {
            verb: 'Gather',
            action: gatherUrl(step),
            input: listen.modes,
            timeout: Math.max(1, Math.ceil(timeoutMs / 1000)),
            language,
            bargeIn: interruptible.length > 0,
            ...(listen.modes.includes('dtmf') && { numDigits: 1 }),
            children: interruptible.map(({ promptId: _, ...say }) => say),
          },
          // Gather falls through here when the caller says nothing: that is the no-input report.
          { verb: 'Redirect', url: gatherUrl(step) },
        );
      } else {
        // Neither listening, nor waiting for a transfer, nor over: nothing would move the call on.
        deps.log(`call left waiting for nothing at node "${snapshot.node}": ending it`);
        session.send({ type: 'call.ended', by: 'network' });
        verbs.push({ verb: 'Hangup' });
        listen = null;
      }
    } finally {
      unsubscribe();
    }
    const persisted = session.persist();
    return {
      session: persisted,
      listen,
      status: persisted.outcome ?? 'in_progress',
      twiml: twiml(verbs),
      events: lines.map((line, i) => ({ seq: input.transcriptFrom + i, line })),
    };
  }

  /** The per-request session setup: its clock, directory and agent. */
  function sessionSetup(at: number, { teams, bots }: Pick<CallContext, 'teams' | 'bots'>) {
    const clock = new RequestClock(at);
    const agentTurns: Promise<unknown>[] = [];
    const adapter = deps.agent ?? noAgentConfigured;
    const agent: AgentAdapter = (request) => {
      const reply = Promise.resolve().then(() => adapter(request));
      agentTurns.push(reply);
      return reply;
    };
    const directory = (team: string) => teams.find((t) => t.id === team)?.agentsAvailable ?? 0;
    return { teams, bots, clock, agentTurns, options: { clock, directory, agent } };
  }

  async function incoming(params: URLSearchParams): Promise<VoiceResponse> {
    const sid = callSid(params);
    const to = field(params, 'To', true);
    const from = field(params, 'From', true);
    if (to.length > 64 || from.length > 64) throw new WebhookError(400, 'From or To is too long.');
    const context = await deps.store.callContext(sid, to);
    if (context.call) return { status: 200, body: context.call.lastTwiml };

    const at = deps.clock.now();
    const setup = sessionSetup(at, context);
    const { line } = context;
    const ref: CallFlowRef = line
      ? { callbot: line.callbot, version: line.version }
      : { defaultTeam: setup.teams.find((t) => t.isDefault)?.id ?? 'default' };
    const flow = await flowOf(ref);
    const session = createCallSession(flow, setup.options);
    const update = await turn({
      ...setup,
      session,
      flow,
      listen: null,
      step: 1,
      transcriptFrom: 0,
      events: [
        {
          type: 'call.started',
          callId: sid,
          channel: to.startsWith('sip:') ? 'sip' : 'line',
          direction: field(params, 'Direction')?.startsWith('outbound') ? 'outbound' : 'inbound',
          from,
          to,
        },
      ],
    });
    if (await deps.store.createCall({ sid, line: to, caller: from, flow: ref, update, at })) {
      return { status: 200, body: update.twiml };
    }
    // The same call was started by another request at the same time: its answer stands.
    const winner = await deps.store.getCall(sid);
    return { status: 200, body: winner?.lastTwiml ?? update.twiml };
  }

  async function followUp(
    hook: Exclude<Webhook, 'incoming'>,
    params: URLSearchParams,
    query: URLSearchParams,
  ): Promise<VoiceResponse> {
    const sid = callSid(params);
    const events = eventsOf(hook, params);
    const stepText = query.get('step');
    const step = stepText === null ? null : Number(stepText);
    if (step !== null && !(Number.isInteger(step) && step > 0)) {
      throw new WebhookError(400, 'step is not a step number.');
    }
    for (let attempt = 1; ; attempt++) {
      const context = await deps.store.callContext(sid);
      const { call } = context;
      if (!call) throw new WebhookError(404, `There is no call ${sid}.`);
      const repeat = repeated(call, step);
      if (repeat) return repeat;
      if (call.session.outcome !== null || (hook === 'status' && events?.length === 0)) {
        // Nothing more happens on a call that is over: nothing is written either.
        return hook === 'status'
          ? { status: 204, body: '' }
          : { status: 200, body: twiml([{ verb: 'Hangup' }]) };
      }
      const at = deps.clock.now();
      const setup = sessionSetup(at, context);
      const flow = await flowOf(call.flow);
      const session = restoreCallSession(flow, call.session, setup.options);
      const update = await turn({
        ...setup,
        session,
        flow,
        listen: call.listen,
        step: call.step + 1,
        events,
        transcriptFrom: call.session.lines,
      });
      if (await deps.store.saveCall(sid, call.step, update, at)) {
        return hook === 'status' ? { status: 204, body: '' } : { status: 200, body: update.twiml };
      }
      // Another instance changed the call meanwhile. A request for a given step is answered
      // by whoever applied it; one without a step is applied again on the newer state.
      if (step !== null) {
        const now = await deps.store.getCall(sid);
        const answer = now && repeated(now, step);
        if (answer) return answer;
        throw new WebhookError(409, 'The call moved on while this request was served.');
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new WebhookError(503, 'The call is changing too fast; try again.');
      }
    }
  }

  /** A request for a step already applied gets that step's answer again; an older one a 409. */
  function repeated(call: CallRecord, step: number | null): VoiceResponse | null {
    if (step === null || step === call.step) return null;
    if (step === call.step - 1) return { status: 200, body: call.lastTwiml };
    throw new WebhookError(
      409,
      `This request answers step ${step} of the call, which is at step ${call.step}.`,
    );
  }

  return {
    /** Serves one webhook; `params` is the form body, `query` the URL's query string. */
    async handle(
      hook: Webhook,
      params: URLSearchParams,
      query: URLSearchParams,
    ): Promise<VoiceResponse> {
      try {
        return hook === 'incoming' ? await incoming(params) : await followUp(hook, params, query);
      } catch (error) {
        if (error instanceof WebhookError) return { status: error.status, body: error.message };
        throw error;
      }
    },
  };
}

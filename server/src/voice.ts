/**
 * The voice webhooks: each request of a call restores its session from the
 * store, turns the provider's fields into call-protocol events, runs the
 * session until it waits for the caller again, answers with TwiML, and saves
 * the session (with the step check) so that any instance can take the next
 * request.
 */
import { DEFAULT_MAX_WAIT_SECONDS, type CallEvent, type FlowDocument } from '@callbot/shared';
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
import {
  callSid,
  callStart,
  cleanFields,
  continueUrl,
  endOf,
  eventsOf,
  findBot,
  findTeam,
  handoffVerbs,
  HOLD_MESSAGES,
  holdTwiml,
  isOver,
  listenVerbs,
  queueWaitVerbs,
  retryOf,
  retryUrl,
  splitTwiml,
  stepOf,
  transferVerbs,
  withCarriedFields,
  WebhookError,
  type HoldMessages,
  type Webhook,
} from './protocol.ts';
import { HANGUP_TWIML } from './store.ts';
import { twiml, type SayVerb, type Verb } from './twiml.ts';
import type { PublishDirectory } from './workspace/publishDirectory.ts';

export { WebhookError, type Webhook } from './protocol.ts';

export interface VoiceResponse {
  status: number;
  /** TwiML, or a plain-text message for a refusal. */
  body: string;
}

export interface VoiceDeps {
  store: Store;
  /**
   * The workspaces' lines, published callbots, teams and bots: a call to a
   * workspace's number answers from there; without it (or for a number no
   * workspace has) from the server-wide publish API's tables.
   */
  directory?: PublishDirectory;
  /** The wall clock: each request's time. */
  clock: Pick<Clock, 'now'>;
  /** Answers AI agent nodes; without one they hand the caller to their `transfer` port. */
  agent?: AgentAdapter;
  log: (line: string) => void;
  /**
   * How long a request may take (the database included) before the caller is
   * held instead: well under the provider's 15 s timeout.
   */
  deadlineMs?: number;
  /** Holds in a row for one request before giving the call to the default team (or a goodbye). */
  maxRetries?: number;
  /** The pause before each retry, in seconds. */
  pauseSeconds?: number;
  /** What a held caller hears. */
  holdMessages?: HoldMessages;
}

/** The answer to a call a line does not take: the provider refuses it (busy), nothing plays. */
const REJECT_TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Reject reason="busy"/></Response>';

/** The request took longer than the deadline. */
class DeadlineError extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
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

  /** Whether a timer is set (the no-input timer, or a transfer's longest wait in its queue). */
  get pending(): boolean {
    return this.#timers.size > 0;
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

/**
 * Serves the voice webhooks of one store. `handle` never throws: a request
 * it cannot serve gets a 4xx with a message.
 */
export function createVoiceHandler(deps: VoiceDeps) {
  const flows = new Map<string, FlowDocument>();

  async function flowOf(ref: CallFlowRef): Promise<FlowDocument> {
    if (ref.workspace !== undefined && deps.directory) {
      return deps.directory.flow({ ...ref, workspace: ref.workspace });
    }
    const key = 'callbot' in ref ? `${ref.callbot}@${ref.version}` : `default:${ref.defaultTeam}`;
    let flow = flows.get(key);
    if (!flow) {
      if ('callbot' in ref) {
        const version = await deps.store.getVersion(ref.callbot, ref.version);
        // Never deleted; were it gone, the caller is held and then given to the default team.
        if (!version) throw new Error(`The version ${key} of the call is gone.`);
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
    /** The number of the first trace line this turn adds (the lines the session has written so far). */
    eventsBase: number;
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
          case 'transfer':
            verbs.push(...transferVerbs(teams, command, step));
            waitsForProvider = true;
            break;
          case 'handoff':
            if ('bot' in command) {
              const bot = findBot(input.bots, command.bot);
              if (!bot) {
                deps.log(
                  `fallback bot "${command.bot}" has no target (PUT /api/bots/${command.bot}): hanging up`,
                );
              }
              verbs.push(...handoffVerbs(bot));
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
        waitsForProvider = false;
        const last = verbs.at(-1)?.verb;
        if (last !== 'Hangup' && last !== 'Redirect' && last !== 'Dial' && last !== 'Enqueue') {
          verbs.push({ verb: 'Hangup' });
        }
      } else if (waitsForProvider) {
        listen = null;
      } else if (snapshot.listening && listen) {
        verbs.push(
          ...listenVerbs({
            listen,
            noInputTimeoutMs: flow.settings.noInputTimeoutMs,
            language,
            step,
            interruptible: interruptible.map(({ promptId: _, ...say }) => say),
          }),
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
    const [first, ...more] = splitTwiml(verbs, (part) => continueUrl(step, part));
    return {
      session: persisted,
      listen,
      status: persisted.outcome ?? 'in_progress',
      twiml: first!,
      moreTwiml: more,
      awaitingTransfer: waitsForProvider,
      pendingEnd: null,
      events: lines.map((line, i) => ({ seq: input.eventsBase + i, line })),
    };
  }

  /** The teams last read, for the default team of a caller held past every retry. */
  let knownTeams: Team[] = [];

  /** The per-request session setup: its clock, directory and agent. */
  function sessionSetup(at: number, { teams, bots }: Pick<CallContext, 'teams' | 'bots'>) {
    knownTeams = teams;
    const clock = new RequestClock(at);
    const agentTurns: Promise<unknown>[] = [];
    const adapter = deps.agent ?? noAgentConfigured;
    const agent: AgentAdapter = (request) => {
      const reply = Promise.resolve().then(() => adapter(request));
      agentTurns.push(reply);
      return reply;
    };
    const directory = (team: string) => findTeam(teams, team)?.agentsAvailable ?? 0;
    return { teams, bots, clock, agentTurns, options: { clock, directory, agent } };
  }

  /** The teams and bots a call reads: its workspace's, or the server-wide ones. */
  async function directoryOf(
    ref: CallFlowRef,
    context: Pick<CallContext, 'teams' | 'bots'>,
  ): Promise<Pick<CallContext, 'teams' | 'bots'>> {
    if (ref.workspace === undefined || !deps.directory) return context;
    return deps.directory.context(ref.workspace);
  }

  async function incoming(params: URLSearchParams, at: number): Promise<VoiceResponse> {
    const start = callStart(params);
    const { sid } = start;
    const routed = deps.directory ? await deps.directory.resolve(start.line, start.channel) : null;
    if (routed && !routed.enabled) {
      // R2: a line whose calls are not enabled takes none (nothing is recorded).
      deps.log(
        `call ${sid} to ${start.line} (${start.channel}) refused: the line's calls are not enabled`,
      );
      return { status: 200, body: REJECT_TWIML };
    }
    const context = await deps.store.callContext(sid, routed ? undefined : start.line);
    const early = context.call;
    if (early && early.step > 0) return { status: 200, body: early.lastTwiml };

    const { line } = context;
    const ref: CallFlowRef = routed
      ? routed.ref
      : line
        ? { callbot: line.callbot, version: line.version }
        : { defaultTeam: context.teams.find((t) => t.isDefault)?.id ?? 'default' };
    const setup = sessionSetup(at, await directoryOf(ref, context));
    const flow = await flowOf(ref);
    const session = createCallSession(flow, setup.options);
    const events: CallEvent[] = [start.event];
    // The provider reported the end before this start reached us: the call starts and ends.
    if (early?.pendingEnd) events.push({ type: 'call.ended', by: early.pendingEnd });
    const update = await turn({
      ...setup,
      session,
      flow,
      listen: null,
      step: 1,
      events,
      eventsBase: 0,
    });
    if (early) {
      await deps.store.saveCall(sid, 0, update, at);
      return { status: 200, body: HANGUP_TWIML };
    }
    const created = await deps.store.createCall({
      sid,
      line: start.line,
      caller: start.caller,
      direction: start.direction,
      channel: start.channel,
      flow: ref,
      update,
      at,
    });
    if (created) return { status: 200, body: update.twiml };
    // The same call was started by another request at the same time (or ended by the
    // provider's report meanwhile): the record stands, and the request is served on it.
    return incoming(params, at);
  }

  /** The status callback of a call this server has not seen start: its end is kept for it. */
  async function earlyEnd(params: URLSearchParams, sid: string, at: number): Promise<boolean> {
    const by = endOf(params);
    if (!by) return true;
    let line = '';
    let caller = '';
    try {
      ({ line, caller } = callStart(params));
    } catch {
      // A status callback without From or To: the record is kept without them.
    }
    return deps.store.recordEarlyEnd({ sid, line, caller, by, at });
  }

  async function followUp(
    hook: 'gather' | 'dial-result' | 'status',
    params: URLSearchParams,
    query: URLSearchParams,
    at: number,
  ): Promise<VoiceResponse> {
    const sid = callSid(params);
    const step = stepOf(query);
    const done = (): VoiceResponse =>
      hook === 'status' ? { status: 204, body: '' } : { status: 200, body: HANGUP_TWIML };
    for (let attempt = 1; ; attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new WebhookError(503, 'The call is changing too fast; try again.');
      }
      const context = await deps.store.callContext(sid);
      const { call } = context;
      if (!call) {
        if (hook !== 'status') throw new WebhookError(404, `There is no call ${sid}.`);
        // The report overtook the call's start: kept, and applied when the start comes.
        if (await earlyEnd(params, sid, at)) return done();
        continue;
      }
      // A call ended before it started, or over: nothing more happens, nothing is written.
      if (call.step === 0) return done();
      const repeat = repeated(call, step);
      if (repeat) return repeat;
      if (isOver(call)) return done();
      let events = eventsOf(hook, params);
      if (hook === 'status') {
        const by = endOf(params);
        if (!by) return done();
        if (call.awaitingTransfer) {
          // The caller's end can come before the transfer's outcome (an answered transfer
          // ends when they hang up): it is applied after that outcome, so neither is lost.
          if (await deps.store.setPendingEnd(sid, call.step, by)) return done();
          continue;
        }
      }
      const setup = sessionSetup(at, await directoryOf(call.flow, context));
      const flow = await flowOf(call.flow);
      const session = restoreCallSession(flow, call.session, setup.options);
      // The queue's wait document said <Leave/> (the transfer's longest wait, R16): the session's
      // queue timer runs out now, which takes the no-agents path.
      if (hook === 'dial-result' && params.get('QueueResult') === 'leave' && setup.clock.pending) {
        events = null;
      }
      if (hook === 'dial-result' && call.pendingEnd && events) {
        events = [...events, { type: 'call.ended', by: call.pendingEnd }];
      }
      const update = await turn({
        ...setup,
        session,
        flow,
        listen: call.listen,
        step: call.step + 1,
        events,
        eventsBase: call.session.lines,
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
    }
  }

  /**
   * A queue's wait document (`queueWaitVerbs`), fetched again and again while
   * the caller waits: the transfer node's wait message or hold music, then
   * `<Leave/>` at its longest wait. A call no longer waiting at that step leaves.
   */
  async function queueWait(params: URLSearchParams, query: URLSearchParams, at: number) {
    const sid = callSid(params);
    const step = stepOf(query);
    const waited = Number(params.get('QueueTime') ?? '0');
    if (step === null) throw new WebhookError(400, 'A queue wait names its step.');
    if (!(Number.isInteger(waited) && waited >= 0)) {
      throw new WebhookError(400, 'QueueTime is not a number of seconds.');
    }
    const call = await deps.store.getCall(sid);
    if (!call) throw new WebhookError(404, `There is no call ${sid}.`);
    const leave = { status: 200, body: twiml([{ verb: 'Leave' }]) };
    if (isOver(call) || call.step !== step || !call.awaitingTransfer) return leave;
    const flow = await flowOf(call.flow);
    const nodeId = restoreCallSession(flow, call.session, {
      clock: new RequestClock(at),
    }).getSnapshot().node;
    const node = flow.nodes.find((n) => n.id === nodeId);
    if (node?.kind !== 'transfer') return leave;
    const command = {
      team: node.data.team,
      maxWaitSeconds: node.data.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS,
      ...(node.data.waitMessage !== undefined && { waitMessage: node.data.waitMessage }),
    };
    return { status: 200, body: twiml(queueWaitVerbs(waited, command, flow.settings.locale)) };
  }

  /** The later parts of an answer split for TwiML's size limit. */
  async function continued(params: URLSearchParams, query: URLSearchParams) {
    const sid = callSid(params);
    const step = stepOf(query);
    const part = Number(query.get('part'));
    if (step === null || !Number.isInteger(part) || part < 1) {
      throw new WebhookError(400, 'A continuation names its step and part.');
    }
    const call = await deps.store.getCall(sid);
    if (!call) throw new WebhookError(404, `There is no call ${sid}.`);
    const body = call.step === step ? call.moreTwiml[part - 1] : undefined;
    if (body !== undefined) return { status: 200, body };
    if (isOver(call)) return { status: 200, body: HANGUP_TWIML };
    throw new WebhookError(409, `The call is not at step ${step} part ${part}.`);
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

  const deadlineMs = deps.deadlineMs ?? 8000;
  const maxRetries = deps.maxRetries ?? 8;
  const pauseSeconds = deps.pauseSeconds ?? 2;
  const messages = deps.holdMessages ?? HOLD_MESSAGES['pt-BR']!;

  /**
   * The answer that keeps the caller when the request cannot be served now:
   * the same request again after a pause (with the input it carried), and
   * past `maxRetries` the default team. A status callback cannot be held: 503.
   */
  function hold(
    hook: Webhook,
    params: URLSearchParams,
    query: URLSearchParams,
    options: { silent?: boolean } = {},
  ): VoiceResponse {
    if (hook === 'status') {
      return {
        status: 503,
        body: 'The call store cannot answer now; the sweep will close the call.',
      };
    }
    const retry = retryOf(query);
    return {
      status: 200,
      body: holdTwiml({
        retry,
        maxRetries,
        pauseSeconds,
        messages,
        url: retryUrl(`/voice/${hook}`, params, query, retry + 1),
        defaultTeam: knownTeams.find((t) => t.isDefault) ?? null,
        ...(options.silent && { silent: true }),
      }),
    };
  }

  /**
   * `at` is when the request arrived: the moment of this step of the call
   * (what a schedule node reached in it reads; see the call protocol's
   * "one schedule moment").
   */
  function serve(hook: Webhook, params: URLSearchParams, query: URLSearchParams, at: number) {
    switch (hook) {
      case 'incoming':
        return incoming(params, at);
      case 'continue':
        return continued(params, query);
      case 'queue-wait':
        return queueWait(params, query, at);
      default:
        return followUp(hook, params, query, at);
    }
  }

  return {
    /**
     * Serves one webhook; `params` is the form body, `query` the URL's query
     * string. Never throws and never answers 500: a request it cannot serve
     * gets a 4xx with a message, and one it cannot serve in time (the
     * database down or stalled) holds the caller.
     */
    async handle(
      hook: Webhook,
      rawParams: URLSearchParams,
      query: URLSearchParams,
    ): Promise<VoiceResponse> {
      const at = deps.clock.now();
      const params = withCarriedFields(cleanFields(rawParams), query);
      try {
        return await withDeadline(serve(hook, params, query, at), deadlineMs);
      } catch (error) {
        if (error instanceof WebhookError) return { status: error.status, body: error.message };
        deps.log(
          `webhook ${hook} held (${error instanceof DeadlineError ? 'deadline' : 'error'}): ${(error as Error)?.message ?? String(error)}`,
        );
        return hold(hook, params, query);
      }
    },
    /**
     * A call's status callback that went to another webhook (the provider's,
     * for a business-initiated WhatsApp call): closes the call's record as
     * `/voice/status` does, when this server has one (a call never answered
     * has none, and none is made for it).
     */
    async closeKnown(rawParams: URLSearchParams): Promise<void> {
      const sid = rawParams.get('CallSid');
      if (sid === null || !(await deps.store.getCall(sid).catch(() => null))) return;
      await this.handle('status', rawParams, new URLSearchParams());
    },
    /** The answer for a request shed under load: held without touching the database. */
    shed(hook: Webhook, rawParams: URLSearchParams, query: URLSearchParams): VoiceResponse {
      const params = withCarriedFields(cleanFields(rawParams), query);
      return hold(hook, params, query, { silent: hook === 'incoming' });
    },
  };
}

import {
  callEventSchema,
  compileFlow,
  guardImplementations,
  type CallEvent,
  type Diagnostic,
  type GuardEnv,
  type ListenParams,
  type MachineConfig,
  type MachineContext,
  type MachineEvent,
} from '@callbot/shared';
import { assign, createActor, setup, type Actor, type Snapshot } from 'xstate';
import type { AgentAdapter, AgentMessage } from '../agents/adapter.ts';
import type { Clock } from '../clock/clock.ts';
import { realClock } from '../clock/realClock.ts';
import type { CallOutcome, Command, InputRefusal, SessionMessage, TraceLine } from '../protocol.ts';

/** How many agents of a team can take a call right now (R16). */
export type AgentDirectory = (team: string) => number;

/** Safety caps: every run of a flow is bounded. */
export interface SessionLimits {
  /** Nodes entered in a row without the bot listening: a flow talking to itself. */
  maxSilentSteps: number;
  /** Times one node may be entered in a call. */
  maxNodeEntries: number;
}

/**
 * The caps a session applies unless told otherwise.
 *
 * @example
 * createCallSession(flow, { limits: { ...DEFAULT_LIMITS, maxNodeEntries: 20 } });
 */
export const DEFAULT_LIMITS: SessionLimits = { maxSilentSteps: 100, maxNodeEntries: 50 };

export interface CallSessionOptions {
  /** Where time comes from: `realClock` (the default) for live calls, a `VirtualClock` for tests and the simulator. */
  clock?: Clock;
  /** Asked before every transfer; without one, no team has agents. */
  directory?: AgentDirectory;
  /** Answers aiAgent nodes; without one, agent turns must come as `agent.reply` events. */
  agent?: AgentAdapter;
  limits?: Partial<SessionLimits>;
}

/** What the session is doing now, for a UI or a log. */
export interface SessionSnapshot {
  status: 'waiting' | 'in_call' | 'ended';
  /** The node the call is at, once it has started. */
  node: string | null;
  listening: boolean;
  speaking: boolean;
  outcome: CallOutcome | null;
  transcript: readonly TraceLine[];
}

/** A call as plain JSON, to store between webhooks or across a restart. */
export interface PersistedCall {
  format: 'callbot-call/1';
  /** Fingerprint of the compiled machine: a call only restores into the same flow. */
  machine: string;
  snapshot: unknown;
  node: string | null;
  startedAt: number | null;
  callAt: number | null;
  promptSeq: number;
  prompt: string | null;
  timerDeadline: number | null;
  silentSteps: number;
  entries: Record<string, number>;
  transferTeam: string | null;
  agent: AgentState | null;
  outcome: CallOutcome | null;
  transcript: TraceLine[];
}

interface AgentState {
  node: string;
  instructions: string;
  endpoint: string;
  messages: AgentMessage[];
  /** Turns asked of the adapter and not answered yet. */
  awaiting: number;
}

export interface CallSession {
  /** Gives the session one event of the call protocol. Never throws for a well-formed event. */
  send(event: CallEvent): void;
  /** Receives every command and trace line from now on, in order; returns the unsubscribe. */
  subscribe(listener: (message: SessionMessage) => void): () => void;
  getSnapshot(): SessionSnapshot;
  /** The call as JSON; `restoreCallSession` continues it exactly. */
  persist(): PersistedCall;
}

/**
 * A flow that cannot run, or an event or persisted call that is not well formed.
 *
 * @example
 * try {
 *   createCallSession(flow);
 * } catch (error) {
 *   if (error instanceof SessionError) show(error.diagnostics);
 * }
 */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

/** Thrown from inside the machine to stop a run that loops without listening. */
class LoopError extends Error {}

/**
 * The session whose actor is being run. xstate runs a machine synchronously,
 * so the session sets itself here around every call into its actor; this lets
 * all sessions of a flow share one machine (and its memory) while the
 * actions and guards still reach their own session.
 */
const running: { session: Session | null } = { session: null };
const current = (): Session => {
  if (!running.session) throw new Error('callbot machine run outside its session');
  return running.session;
};

const env: GuardEnv = {
  now: () => current().callNow(),
  agentsAvailable: (team) => current().agentsAvailable(team),
};

type Params = Record<string, unknown>;

const guards = Object.fromEntries(
  Object.entries(guardImplementations).map(([name, fn]) => [
    name,
    ({ context, event }: { context: MachineContext; event: MachineEvent }, params: Params) =>
      fn({ context, event, params: params ?? {}, env }),
  ]),
);

const callbotSetup = setup({
  types: { context: {} as MachineContext, events: {} as MachineEvent },
  guards,
  actions: {
    startCall: ({ event }) => current().startCall(event),
    enterNode: (_, p: { id: string; kind: string; label: string }) => current().enterNode(p),
    takePort: (_, p: { node: string; port: string }) => current().takePort(p),
    say: (_, p: { text: string; interruptible: boolean }) => current().say(p.text, p.interruptible),
    sayReply: ({ event }) => {
      if (event.type === 'agent.reply') current().sayReply(event.text);
    },
    cancelSay: () => current().cancelSay(),
    listen: (_, p: ListenParams) => current().listen(p),
    resetCounters: assign({ noInput: 0, noMatch: 0 }),
    // Counting is an assign; what the count means for the call is said as it happens.
    noInput: assign(({ context }) => {
      current().trace({ kind: 'noinput', count: context.noInput + 1 });
      return { noInput: context.noInput + 1 };
    }),
    noMatch: assign(({ context }) => {
      current().refuseInput('no_match');
      return { noMatch: context.noMatch + 1 };
    }),
    noAgents: (_, p: { team: string }) =>
      current().trace({ kind: 'transfer', team: p.team, outcome: 'no_agents' }),
    transfer: (_, p: { team: string }) => current().transfer(p.team),
    handoff: (_, p: { bot: string }) => current().handoff(p.bot),
    hangup: (_, p: { reason: string }) => current().hangup(p.reason),
    startAgent: (_, p: { node: string; instructions: string; endpoint: string }) =>
      current().startAgent(p),
    stopAgent: () => current().stopAgent(),
    agentHear: ({ event }) => {
      if (event.type === 'speech') current().agentHear(event.text);
    },
    end: (_, p: { outcome: CallOutcome }) => current().end(p.outcome),
  },
});

/** The compiled config is plain JSON; xstate sees it as a config of this setup. */
const bind = (config: MachineConfig) =>
  callbotSetup.createMachine(config as unknown as Parameters<typeof callbotSetup.createMachine>[0]);
type CallbotMachine = ReturnType<typeof bind>;
type CallbotActor = Actor<CallbotMachine>;

/** One machine per compiled config, shared by all its sessions. */
const machines = new WeakMap<MachineConfig, CallbotMachine>();
function machineFor(config: MachineConfig): CallbotMachine {
  let machine = machines.get(config);
  if (!machine) {
    machine = bind(config);
    machines.set(config, machine);
  }
  return machine;
}

/** Flow documents compile once; their machines are cached like any config. */
const compiledFlows = new WeakMap<object, MachineConfig>();
function configOf(flow: unknown): MachineConfig {
  if (isMachineConfig(flow)) return flow;
  if (flow !== null && typeof flow === 'object') {
    const cached = compiledFlows.get(flow);
    if (cached) return cached;
  }
  const { machine, diagnostics } = compileFlow(flow);
  if (!machine) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    throw new SessionError(
      `The flow cannot run: ${errors.map((d) => d.message).join(' ')}`,
      diagnostics,
    );
  }
  if (flow !== null && typeof flow === 'object') compiledFlows.set(flow, machine);
  return machine;
}

/** FNV-1a of the machine's JSON: same flow logic, same fingerprint. */
const fingerprints = new WeakMap<MachineConfig, string>();
function fingerprint(config: MachineConfig): string {
  let value = fingerprints.get(config);
  if (value === undefined) {
    let hash = 0x811c9dc5;
    const json = JSON.stringify(config);
    for (let i = 0; i < json.length; i++) {
      hash ^= json.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    value = `${config.version}:${hash.toString(16).padStart(8, '0')}`;
    fingerprints.set(config, value);
  }
  return value;
}

const isMachineConfig = (value: unknown): value is MachineConfig =>
  value !== null &&
  typeof value === 'object' &&
  (value as { id?: unknown }).id === 'callbot' &&
  typeof (value as { states?: unknown }).states === 'object';

class Session implements CallSession {
  readonly #clock: Clock;
  readonly #directory: AgentDirectory;
  readonly #agent: AgentAdapter | undefined;
  readonly #limits: SessionLimits;
  readonly #config: MachineConfig;
  readonly #actor: CallbotActor;
  readonly #listeners = new Set<(message: SessionMessage) => void>();

  #startedAt: number | null = null;
  #callAt: number | null = null;
  #node: string | null = null;
  /** The output taken on the way to the node being entered (set and read within one step). */
  #via: string | null = null;
  #promptSeq = 0;
  #prompt: string | null = null;
  #timer: { deadline: number; handle: unknown } | null = null;
  #silentSteps = 0;
  #entries: Record<string, number> = {};
  #transferTeam: string | null = null;
  #agentState: AgentState | null = null;
  /** Bumped whenever the agent's turn in flight stops mattering (node left, call ended). */
  #agentGeneration = 0;
  #outcome: CallOutcome | null = null;
  /** The `end` line has gone out: nothing more is emitted. */
  #closed = false;
  #transcript: TraceLine[] = [];
  /** While an input is processed: what the session says of it, and what it caused. */
  #pendingInput: { refusal: InputRefusal | null; held: SessionMessage[] } | null = null;

  constructor(config: MachineConfig, options: CallSessionOptions, restored?: PersistedCall) {
    this.#config = config;
    this.#clock = options.clock ?? realClock;
    this.#directory = options.directory ?? (() => 0);
    this.#agent = options.agent;
    this.#limits = { ...DEFAULT_LIMITS, ...options.limits };
    const machine = machineFor(config);
    if (restored) {
      this.#restoreFields(restored);
      this.#actor = createActor(machine, { snapshot: restored.snapshot as Snapshot<unknown> });
    } else {
      this.#actor = createActor(machine);
    }
    this.#actor.subscribe({ error: (error) => this.#stopForError(error) });
    this.#run(() => this.#actor.start());
    if (restored) this.#resume(restored);
  }

  // ---- Public API ----

  send(event: CallEvent): void {
    const parsed = callEventSchema.safeParse(event);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SessionError(
        `Not a call event: ${issue ? `${issue.path.join('.') || 'event'}: ${issue.message}` : 'invalid'}.`,
      );
    }
    const e = parsed.data;
    if (this.#outcome !== null) {
      this.#traceInput(e, 'call_over');
      return;
    }
    switch (e.type) {
      case 'dtmf':
      case 'speech':
        this.#input(e);
        return;
      case 'prompt.ended':
        // A prompt that is not the one being said (cancelled, or another id) changes nothing.
        if (this.#prompt === null || (e.promptId !== undefined && e.promptId !== this.#prompt)) {
          return;
        }
        this.#prompt = null;
        this.#deliver(e);
        return;
      case 'transfer.result':
        if (this.#transferTeam === null) return;
        this.trace({ kind: 'transfer', team: this.#transferTeam, outcome: e.outcome });
        this.#transferTeam = null;
        this.#deliver(e);
        return;
      case 'agent.reply':
        if (this.#agentState)
          this.#agentState.awaiting = Math.max(0, this.#agentState.awaiting - 1);
        this.#deliver(e);
        return;
      default:
        this.#deliver(e);
    }
  }

  subscribe(listener: (message: SessionMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  getSnapshot(): SessionSnapshot {
    const snapshot = this.#actor.getSnapshot();
    return {
      status: this.#outcome !== null ? 'ended' : this.#startedAt === null ? 'waiting' : 'in_call',
      node: this.#node,
      listening: this.#outcome === null && snapshot.hasTag('listening'),
      speaking: this.#outcome === null && snapshot.hasTag('speaking'),
      outcome: this.#outcome,
      transcript: this.#transcript,
    };
  }

  persist(): PersistedCall {
    return structuredClone({
      format: 'callbot-call/1' as const,
      machine: fingerprint(this.#config),
      snapshot: this.#actor.getPersistedSnapshot(),
      node: this.#node,
      startedAt: this.#startedAt,
      callAt: this.#callAt,
      promptSeq: this.#promptSeq,
      prompt: this.#prompt,
      timerDeadline: this.#timer?.deadline ?? null,
      silentSteps: this.#silentSteps,
      entries: this.#entries,
      transferTeam: this.#transferTeam,
      agent: this.#agentState,
      outcome: this.#outcome,
      transcript: this.#transcript,
    });
  }

  // ---- What the machine's actions and guards call ----

  /** The call's moment, for schedules: `call.started.at` moved on by the time elapsed since. */
  callNow(): number {
    const elapsed = this.#startedAt === null ? 0 : this.#clock.now() - this.#startedAt;
    return (this.#callAt ?? this.#clock.now()) + elapsed;
  }

  agentsAvailable(team: string): number {
    return this.#directory(team);
  }

  startCall(event: MachineEvent): void {
    this.#startedAt = this.#clock.now();
    const at = event.type === 'call.started' && event.at ? Date.parse(event.at) : NaN;
    this.#callAt = Number.isNaN(at) ? this.#startedAt : at;
  }

  /** An output was taken: the next node's trace line names it. */
  takePort(p: { node: string; port: string }): void {
    this.#via = `${p.node}:${p.port}`;
  }

  enterNode(p: { id: string; kind: string; label: string }): void {
    const entries = (this.#entries[p.id] ?? 0) + 1;
    this.#entries[p.id] = entries;
    this.#silentSteps++;
    if (this.#silentSteps > this.#limits.maxSilentSteps) {
      throw new LoopError(
        `the flow went through ${this.#limits.maxSilentSteps} nodes without listening (last: "${p.id}")`,
      );
    }
    if (entries > this.#limits.maxNodeEntries) {
      throw new LoopError(`"${p.id}" was entered more than ${this.#limits.maxNodeEntries} times`);
    }
    this.#node = p.id;
    const via = this.#via;
    this.#via = null;
    this.trace({ kind: 'node', id: p.id, type: p.kind, label: p.label, ...(via && { via }) });
  }

  say(text: string, interruptible: boolean): void {
    const promptId = `${this.#node ?? 'call'}#${++this.#promptSeq}`;
    this.#prompt = promptId;
    this.#command({ type: 'say', promptId, text, interruptible });
    this.trace({ kind: 'say', promptId, text, interruptible });
  }

  sayReply(text: string): void {
    this.#agentState?.messages.push({ role: 'assistant', content: text });
    this.say(text, true);
  }

  cancelSay(): void {
    if (this.#prompt === null) return;
    const promptId = this.#prompt;
    this.#prompt = null;
    this.#command({ type: 'say.cancel', promptId });
    this.trace({ kind: 'say.cancel', promptId });
  }

  listen(p: ListenParams): void {
    this.#cancelTimer();
    if (p.on) {
      this.#silentSteps = 0;
      this.#command({
        type: 'listen',
        on: true,
        modes: p.modes,
        ...(p.noInputMs !== undefined && { noInputMs: p.noInputMs }),
      });
      if (p.noInputMs !== undefined) this.#startTimer(this.#clock.now() + p.noInputMs);
    } else {
      this.#command({ type: 'listen', on: false, modes: [] });
    }
    this.trace({ kind: 'listen', on: p.on });
  }

  refuseInput(reason: InputRefusal): void {
    if (this.#pendingInput) this.#pendingInput.refusal = reason;
  }

  transfer(team: string): void {
    this.#transferTeam = team;
    this.#command({ type: 'transfer', team });
  }

  handoff(bot: string): void {
    this.#command({ type: 'handoff', bot });
    this.trace({ kind: 'handoff', bot });
  }

  hangup(reason: string): void {
    this.#command({ type: 'hangup', reason });
    this.trace({ kind: 'hangup', reason });
  }

  startAgent(p: { node: string; instructions: string; endpoint: string }): void {
    this.#agentState = { ...p, messages: [], awaiting: 0 };
    this.#command({ type: 'handoff', agent: p.node });
    this.trace({ kind: 'handoff', agent: p.node });
    this.#askAgent();
  }

  stopAgent(): void {
    this.#agentState = null;
    this.#agentGeneration++;
  }

  agentHear(text: string): void {
    this.#agentState?.messages.push({ role: 'user', content: text });
    this.#askAgent();
  }

  end(outcome: CallOutcome, error?: string): void {
    if (this.#outcome !== null) return;
    this.#cancelTimer();
    this.#agentGeneration++;
    this.#transferTeam = null;
    const durationMs = this.#elapsed();
    this.#outcome = outcome;
    this.trace({ kind: 'end', outcome, durationMs, ...(error !== undefined && { error }) });
  }

  trace(line: DistributiveOmit<TraceLine, 't'>): void {
    this.#emit({ channel: 'trace', line: { t: this.#elapsed(), ...line } });
  }

  // ---- Inside ----

  #command(command: Command): void {
    this.#emit({ channel: 'command', command });
  }

  #emit(message: SessionMessage): void {
    if (this.#pendingInput) {
      this.#pendingInput.held.push(message);
      return;
    }
    this.#publish(message);
  }

  /** Delivers a message to the transcript and the listeners; the `end` line is the last one. */
  #publish(message: SessionMessage): void {
    if (this.#closed) return;
    if (message.channel === 'trace') {
      this.#transcript.push(message.line);
      if (message.line.kind === 'end') this.#closed = true;
    }
    for (const listener of this.#listeners) listener(message);
  }

  /** Runs `fn` with this session as the running one (see `running`). */
  #run(fn: () => void): void {
    const previous = running.session;
    running.session = this;
    try {
      fn();
    } finally {
      running.session = previous;
    }
  }

  #deliver(event: MachineEvent): void {
    this.#run(() => this.#actor.send(event));
  }

  /** Caller input: heard only while listening; the input line comes before what it causes. */
  #input(event: Extract<CallEvent, { type: 'dtmf' | 'speech' }>): void {
    const snapshot = this.#actor.getSnapshot();
    let heard = false;
    this.#run(() => (heard = snapshot.hasTag('listening') && snapshot.can(event)));
    if (!heard) {
      this.#traceInput(event, 'not_listening');
      return;
    }
    const pending = { refusal: null as InputRefusal | null, held: [] as SessionMessage[] };
    this.#pendingInput = pending;
    try {
      this.#deliver(event);
    } finally {
      this.#pendingInput = null;
    }
    this.#traceInput(event, pending.refusal);
    for (const message of pending.held) this.#publish(message);
  }

  #traceInput(event: CallEvent, refusal: InputRefusal | null): void {
    if (refusal === 'call_over') {
      // Reported to the transcript's listeners, although the call is over.
      const line: TraceLine = {
        t: this.#elapsed(),
        kind: 'input',
        event,
        accepted: false,
        reason: refusal,
      };
      for (const listener of this.#listeners) listener({ channel: 'trace', line });
      return;
    }
    this.trace(
      refusal === null
        ? { kind: 'input', event, accepted: true }
        : { kind: 'input', event, accepted: false, reason: refusal },
    );
  }

  #elapsed(): number {
    return this.#startedAt === null ? 0 : this.#clock.now() - this.#startedAt;
  }

  #startTimer(deadline: number): void {
    const handle = this.#clock.setTimeout(() => {
      this.#timer = null;
      if (this.#outcome === null) this.#deliver({ type: 'timer.noInput' });
    }, deadline - this.#clock.now());
    this.#timer = { deadline, handle };
  }

  #cancelTimer(): void {
    if (this.#timer) this.#clock.clearTimeout(this.#timer.handle);
    this.#timer = null;
  }

  /** Asks the adapter for the agent's next turn; its answer comes back as `agent.reply`. */
  #askAgent(): void {
    const state = this.#agentState;
    if (!state || !this.#agent) return;
    state.awaiting++;
    const generation = this.#agentGeneration;
    const request = {
      node: state.node,
      instructions: state.instructions,
      endpoint: state.endpoint,
      messages: state.messages.map((m) => ({ ...m })),
    };
    const stillWanted = () => generation === this.#agentGeneration && this.#outcome === null;
    Promise.resolve()
      .then(() => this.#agent!(request))
      .then(
        (turn) => {
          if (!stillWanted()) return;
          this.send({
            type: 'agent.reply',
            text: turn.text,
            ...(turn.done && { done: true }),
            ...(turn.transfer && { transfer: true }),
          });
        },
        (error: unknown) => {
          if (!stillWanted()) return;
          // An agent that fails hands the caller to a person rather than leaving them in silence.
          this.trace({
            kind: 'agent.error',
            message: error instanceof Error ? error.message : String(error),
          });
          this.send({ type: 'agent.reply', text: '', transfer: true });
        },
      );
  }

  #stopForError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.#cancelTimer();
    if (error instanceof LoopError) {
      this.hangup('loop_detected');
    } else {
      this.hangup('runtime_error');
    }
    this.end('error', message);
  }

  #restoreFields(p: PersistedCall): void {
    this.#startedAt = p.startedAt;
    this.#callAt = p.callAt;
    this.#promptSeq = p.promptSeq;
    this.#prompt = p.prompt;
    this.#silentSteps = p.silentSteps;
    this.#entries = { ...p.entries };
    this.#transferTeam = p.transferTeam;
    this.#agentState = p.agent && { ...p.agent, messages: p.agent.messages.map((m) => ({ ...m })) };
    this.#outcome = p.outcome;
    this.#transcript = [...p.transcript];
    this.#node = p.node;
    this.#closed = p.outcome !== null;
  }

  #resume(p: PersistedCall): void {
    if (p.outcome !== null) return;
    if (p.timerDeadline !== null) this.#startTimer(p.timerDeadline);
    // Turns in flight were lost with the process: ask again, once, with the whole conversation.
    if (p.agent && p.agent.awaiting > 0) {
      this.#agentState!.awaiting = 0;
      this.#askAgent();
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Starts a call session for a flow document (compiled here) or a compiled
 * machine config. The call begins when it receives `call.started`.
 *
 * @example
 * const session = createCallSession(flow, { directory: (team) => queue.available(team) });
 * session.subscribe((m) => { if (m.channel === 'command') media.do(m.command); });
 * session.send({ type: 'call.started', channel: 'line', direction: 'inbound', from, to });
 */
export function createCallSession(flow: unknown, options: CallSessionOptions = {}): CallSession {
  return new Session(configOf(flow), options);
}

/**
 * Continues a call from `session.persist()`, with the same flow: the rest of
 * the call is what it would have been had it never stopped.
 *
 * @example
 * const saved = JSON.stringify(session.persist());
 * // ...later, maybe on another machine:
 * const again = restoreCallSession(flow, JSON.parse(saved), { clock });
 */
export function restoreCallSession(
  flow: unknown,
  persisted: PersistedCall,
  options: CallSessionOptions = {},
): CallSession {
  const config = configOf(flow);
  if (persisted?.format !== 'callbot-call/1') {
    throw new SessionError('Not a persisted call (expected format "callbot-call/1").');
  }
  if (persisted.machine !== fingerprint(config)) {
    throw new SessionError(
      'The call was persisted with another version of the flow; it can only continue on the same one.',
    );
  }
  return new Session(config, options, persisted);
}

/**
 * The fingerprint of a flow's compiled machine, as `persist()` records it: a
 * persisted call continues only on a flow with the same fingerprint.
 *
 * @example
 * store.save({ flow, fingerprint: machineFingerprint(flow) });
 */
export function machineFingerprint(flow: unknown): string {
  return fingerprint(configOf(flow));
}

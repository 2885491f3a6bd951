/**
 * The session's inside: one call's state and what the machine's actions do
 * to it (the `SessionHost`), the caps, the no-input timer, the agent's turns
 * in flight, and the order in which events are applied and messages
 * delivered. Only `session.ts` reaches it; callers hold a `CallSession`.
 */
import {
  callEventSchema,
  type CallEvent,
  type CallOutcome,
  type ListenParams,
  type MachineEvent,
} from '@callbot/shared';
import type { AgentAdapter } from '../agents/adapter.ts';
import type { Clock } from '../clock/clock.ts';
import { realClock } from '../clock/realClock.ts';
import type { Command, InputRefusal, SessionMessage, TraceLine } from '../protocol.ts';
import { AgentConversation, checkAgentTurn } from './agentTurns.ts';
import { LoopError, SessionError } from './errors.ts';
import type { PreparedFlow } from './flows.ts';
import type { CallSnapshot, SessionHost } from './machine.ts';
import {
  limitsOf,
  type AgentDirectory,
  type CallSessionOptions,
  type SessionLimits,
} from './options.ts';
import { agentOf, PERSISTED_FORMAT, type PersistedCall } from './persisted.ts';
import type { SessionSnapshot } from './session.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Listener = (message: SessionMessage) => void;

/**
 * The session's inside: what the machine's actions call (`SessionHost`),
 * the caps, the timer and the agent. Never handed out: callers get a
 * {@link Session}, which has only the public methods.
 */
export class SessionCore implements SessionHost {
  readonly #flow: PreparedFlow;
  readonly #clock: Clock;
  readonly #directory: AgentDirectory | undefined;
  readonly #agent: AgentAdapter | undefined;
  readonly #limits: Readonly<SessionLimits>;
  #snapshot: CallSnapshot;
  /** Copied on change, so a listener that unsubscribes during delivery changes nothing mid-loop. */
  #listeners: readonly Listener[] = [];

  #startedAt: number | null = null;
  #callAt: number | null = null;
  /**
   * When the step being taken began, on the session's clock: the event from
   * the caller or the provider that moved the call (its start, a key, speech,
   * a transfer's outcome, the end) or the no-input timer running out. The
   * prompts said on the way take no time here: one schedule moment (see `now`).
   */
  #stepAt: number | null = null;
  #node: string | null = null;
  /** The output taken on the way to the node being entered (set and read within one step). */
  #via: string | null = null;
  #promptSeq = 0;
  #prompt: string | null = null;
  #timerDeadline: number | null = null;
  #timerHandle: unknown = null;
  /** Nodes entered since the bot last listened (null while it listens). */
  #silent: Set<string> | null = null;
  #silentRepeats = 0;
  #entries = new Map<string, number>();
  #transferTeam: string | null = null;
  #conversation: AgentConversation | null = null;
  #outcome: CallOutcome | null = null;
  /** The `end` line has gone out: nothing more is emitted. */
  #closed = false;
  #lines = 0;
  #disposed = false;

  /** Inside the actor (a transition runs): nothing may read or drive the session. */
  #stepping = false;
  /** Applying a job: what comes meanwhile waits in `#queue`. */
  #busy = false;
  #queue: (() => void)[] | null = null;
  /** What the job being applied emitted, delivered once it is done. */
  #outbox: SessionMessage[] | null = null;
  /** While an input is applied: why it was refused, if it was. */
  #refusal: InputRefusal | null = null;

  constructor(flow: PreparedFlow, options: CallSessionOptions, saved?: PersistedCall) {
    this.#flow = flow;
    this.#clock = options.clock ?? realClock;
    this.#directory = options.directory;
    this.#agent = options.agent;
    this.#limits = limitsOf(options);
    if (saved) {
      this.#restoreFields(saved);
      this.#snapshot = flow.machine.restore(saved.snapshot, this);
      this.#resume(saved);
    } else {
      this.#snapshot = flow.machine.start(this);
    }
  }

  // ---- What the public Session calls ----

  send(event: CallEvent): void {
    this.#assertUsable('send');
    const parsed = callEventSchema.safeParse(event);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'event';
      throw new SessionError(
        `Not a call event: ${issue ? `${field}: ${issue.message}` : 'invalid'}.`,
        [],
        field,
      );
    }
    const e = parsed.data;
    this.#job(() => this.#apply(e));
  }

  subscribe(listener: Listener): () => void {
    if (this.#disposed) return () => undefined;
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  getSnapshot(): SessionSnapshot {
    const snapshot = this.#snapshot;
    const live = this.#outcome === null;
    return {
      status: !live ? 'ended' : this.#startedAt === null ? 'waiting' : 'in_call',
      node: this.#node,
      listening: live && snapshot.hasTag('listening'),
      speaking: live && snapshot.hasTag('speaking'),
      outcome: this.#outcome,
      lines: this.#lines,
    };
  }

  persist(): PersistedCall {
    if (this.#stepping) {
      throw new SessionError(
        'persist() was called while the call is taking a step; call it from a listener or after send().',
      );
    }
    if (this.#queue && this.#queue.length > 0) {
      throw new SessionError(
        `persist() was called while ${this.#queue.length} event(s) sent from a listener wait to be applied; persist after send() returns.`,
      );
    }
    const conversation = this.#conversation;
    return {
      format: PERSISTED_FORMAT,
      machine: this.#flow.fingerprint,
      snapshot: this.#flow.machine.persist(this.#snapshot) as PersistedCall['snapshot'],
      node: this.#node,
      startedAt: this.#startedAt,
      callAt: this.#callAt,
      stepAt: this.#stepAt,
      promptSeq: this.#promptSeq,
      prompt: this.#prompt,
      timerDeadline: this.#timerDeadline,
      silent: this.#silent ? [...this.#silent] : [],
      silentRepeats: this.#silentRepeats,
      entries: [...this.#entries],
      transferTeam: this.#transferTeam,
      agent: conversation && {
        node: conversation.node,
        messages: conversation.messages.map((m) => ({ ...m })),
        awaiting: conversation.awaiting,
      },
      outcome: this.#outcome,
      lines: this.#lines,
    };
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#cancelTimer();
    this.#conversation = null; // turns in flight find they are no longer wanted
    this.#listeners = [];
    this.#queue = null;
    this.#outbox = null;
  }

  // ---- SessionHost: what the machine's actions and guards call ----

  /**
   * The call's moment, for schedules: `call.started.at` moved on by the time
   * elapsed until the step that reaches the node began. One rule for the
   * simulator, the CLI and the server, where a step is one webhook request
   * (its arrival) and prompts are played by the provider after the answer:
   * the seconds spent saying prompts on the way never count.
   */
  now(): number {
    const moment = this.#stepAt ?? this.#clock.now();
    const elapsed = this.#startedAt === null ? 0 : moment - this.#startedAt;
    return (this.#callAt ?? moment) + elapsed;
  }

  agentsAvailable(team: string): number {
    return this.#directory ? this.#directory(team) : 0;
  }

  startCall(at: string | undefined): void {
    this.#startedAt = this.#clock.now();
    const callAt = at ? Date.parse(at) : NaN;
    this.#callAt = Number.isNaN(callAt) ? this.#startedAt : callAt;
  }

  takePort(p: { node: string; port: string }): void {
    this.#via = `${p.node}:${p.port}`;
  }

  enterNode(p: { id: string; kind: string; label: string }): void {
    const entries = (this.#entries.get(p.id) ?? 0) + 1;
    this.#entries.set(p.id, entries);
    if (entries > this.#limits.maxNodeEntries) {
      throw new LoopError(`"${p.id}" was entered more than ${this.#limits.maxNodeEntries} times`);
    }
    // Only coming back to a node without listening in between counts: a loop, not a long flow.
    const silent = (this.#silent ??= new Set());
    if (silent.has(p.id)) {
      if (++this.#silentRepeats > this.#limits.maxSilentSteps) {
        throw new LoopError(
          `the flow went round a loop without listening: it came back to a node ${this.#limits.maxSilentSteps} times (last: "${p.id}")`,
        );
      }
    } else {
      silent.add(p.id);
    }
    this.#node = p.id;
    const via = this.#via;
    this.#via = null;
    this.#trace({ kind: 'node', id: p.id, type: p.kind, label: p.label, ...(via && { via }) });
  }

  say(text: string, interruptible: boolean): void {
    const promptId = `${this.#node ?? 'call'}#${++this.#promptSeq}`;
    this.#prompt = promptId;
    this.#command({ type: 'say', promptId, text, interruptible });
    this.#trace({ kind: 'say', promptId, text, interruptible });
  }

  sayReply(text: string): void {
    this.#conversation?.add('assistant', text);
    this.say(text, true);
  }

  cancelSay(): void {
    if (this.#prompt === null) return;
    const promptId = this.#prompt;
    this.#prompt = null;
    this.#command({ type: 'say.cancel', promptId });
    this.#trace({ kind: 'say.cancel', promptId });
  }

  listen(p: ListenParams): void {
    this.#cancelTimer();
    if (p.on) {
      this.#silent = null;
      this.#silentRepeats = 0;
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
    this.#trace({ kind: 'listen', on: p.on });
  }

  noInput(count: number): void {
    this.#trace({ kind: 'noinput', count });
  }

  noMatch(): void {
    this.#refusal = 'no_match';
  }

  noAgents(team: string): void {
    this.#trace({ kind: 'transfer', team, outcome: 'no_agents' });
  }

  transfer(team: string): void {
    this.#transferTeam = team;
    this.#command({ type: 'transfer', team });
  }

  handoff(bot: string): void {
    this.#command({ type: 'handoff', bot });
    this.#trace({ kind: 'handoff', bot });
  }

  hangup(reason: string): void {
    this.#command({ type: 'hangup', reason });
    this.#trace({ kind: 'hangup', reason });
  }

  startAgent(p: { node: string; instructions: string; endpoint: string }): void {
    this.#conversation = new AgentConversation(p.node, p.instructions, p.endpoint);
    this.#command({ type: 'handoff', agent: p.node });
    this.#trace({ kind: 'handoff', agent: p.node });
    this.#askAgent();
  }

  stopAgent(): void {
    this.#conversation = null;
  }

  agentHear(text: string): void {
    this.#conversation?.add('user', text);
    this.#askAgent();
  }

  end(outcome: CallOutcome, error?: string): void {
    if (this.#outcome !== null) return;
    this.#cancelTimer();
    this.#conversation = null;
    this.#transferTeam = null;
    this.#silent = null;
    const durationMs = this.#elapsed();
    this.#outcome = outcome;
    this.#trace({ kind: 'end', outcome, durationMs, ...(error !== undefined && { error }) });
  }

  // ---- Inside ----

  #assertUsable(what: string): void {
    if (this.#disposed) {
      throw new SessionError(
        `${what}() on a session that was disposed: the call goes on elsewhere, or nowhere.`,
      );
    }
    if (this.#stepping) {
      throw new SessionError(
        `${what}() from inside a step of the call (a directory or clock callback); send events from listeners or after send() returns.`,
      );
    }
  }

  /**
   * Runs one job (an event, the timer, an agent's turn) to completion, then
   * delivers what it emitted; jobs that arrive meanwhile (a listener
   * sending) run next, in order. A listener that throws stops the delivery
   * and reaches the caller; queued jobs stay queued, in order, for the next.
   */
  #job(job: () => void): void {
    if (this.#busy) {
      (this.#queue ??= []).push(job);
      return;
    }
    this.#busy = true;
    try {
      for (let next: (() => void) | undefined = job; next; next = this.#queue?.shift()) {
        next();
        this.#deliverOutbox();
      }
      this.#queue = null;
    } finally {
      this.#busy = false;
    }
  }

  #apply(e: CallEvent): void {
    if (this.#outcome !== null) {
      this.#reportCallOver(e);
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
        this.#step(e);
        return;
      case 'transfer.result':
        if (this.#transferTeam === null) return;
        this.#trace({ kind: 'transfer', team: this.#transferTeam, outcome: e.outcome });
        this.#transferTeam = null;
        this.#step(e);
        return;
      default:
        this.#step(e);
    }
  }

  /**
   * Gives the machine one event. An action that throws (a cap, or a fault)
   * stops the step where it is: the call ends with `error`, and the machine
   * stays at its last whole snapshot.
   */
  #step(event: MachineEvent): void {
    // A prompt played to its end, or an AI agent's reply, continues the step that asked for it;
    // anything else the machine takes (input it listened for, an outcome, silence) starts one.
    if (event.type !== 'prompt.ended' && event.type !== 'agent.reply') {
      this.#stepAt = this.#clock.now();
    }
    this.#stepping = true;
    let failure: { error: unknown } | null = null;
    try {
      this.#snapshot = this.#flow.machine.step(this.#snapshot, event);
    } catch (error) {
      failure = { error };
    } finally {
      this.#stepping = false;
    }
    if (failure && this.#outcome === null) this.#stopForError(failure.error);
  }

  /** Caller input: heard only while listening; the input line comes before what it causes. */
  #input(event: Extract<CallEvent, { type: 'dtmf' | 'speech' }>): void {
    const before = this.#snapshot;
    if (!before.hasTag('listening')) {
      this.#trace({ kind: 'input', event, accepted: false, reason: 'not_listening' });
      return;
    }
    const at = this.#outbox?.length ?? 0;
    this.#refusal = null;
    this.#step(event);
    const refusal = this.#refusal;
    this.#refusal = null;
    // xstate gives back the same snapshot when no transition takes the event (a menu that
    // listens for keys only, hearing speech): not heard, as when not listening.
    const heard = this.#snapshot !== before || this.#outcome !== null;
    const line: TraceLine = {
      t: this.#elapsed(),
      ...(!heard
        ? { kind: 'input' as const, event, accepted: false, reason: 'not_listening' as const }
        : refusal === null
          ? { kind: 'input' as const, event, accepted: true }
          : { kind: 'input' as const, event, accepted: false, reason: refusal }),
    };
    this.#lines++;
    (this.#outbox ??= []).splice(at, 0, { channel: 'trace', line });
  }

  /** After the end, events are reported to the listeners as ignored, and kept out of the line count. */
  #reportCallOver(event: CallEvent): void {
    const line: TraceLine = {
      t: this.#elapsed(),
      kind: 'input',
      event,
      accepted: false,
      reason: 'call_over',
    };
    (this.#outbox ??= []).push({ channel: 'trace', line });
  }

  #trace(line: DistributiveOmit<TraceLine, 't'>): void {
    if (this.#closed) return;
    if (line.kind === 'end') this.#closed = true;
    this.#lines++;
    (this.#outbox ??= []).push({
      channel: 'trace',
      line: { t: this.#elapsed(), ...line },
    });
  }

  #command(command: Command): void {
    if (this.#closed) return;
    (this.#outbox ??= []).push({ channel: 'command', command });
  }

  #deliverOutbox(): void {
    const outbox = this.#outbox;
    if (!outbox) return;
    this.#outbox = null;
    for (const message of outbox) {
      for (const listener of this.#listeners) listener(message);
    }
  }

  #elapsed(): number {
    return this.#startedAt === null ? 0 : this.#clock.now() - this.#startedAt;
  }

  #startTimer(deadline: number): void {
    this.#timerDeadline = deadline;
    this.#timerHandle = this.#clock.setTimeout(
      () => {
        this.#timerHandle = null;
        this.#timerDeadline = null;
        if (this.#disposed) return;
        this.#job(() => {
          if (this.#outcome === null) this.#step({ type: 'timer.noInput' });
        });
      },
      Math.max(0, deadline - this.#clock.now()),
    );
  }

  #cancelTimer(): void {
    if (this.#timerHandle !== null) this.#clock.clearTimeout(this.#timerHandle);
    this.#timerHandle = null;
    this.#timerDeadline = null;
  }

  /**
   * Asks the adapter for the agent's next turn, outside the current step.
   * Whatever comes back (a turn, a malformed value, a throw, a rejection)
   * ends in the machine as an `agent.reply`: a failure is traced
   * (`agent.error`, with why) and takes the node's `transfer` port, so the
   * caller is never left in silence and nothing escapes as an unhandled error.
   */
  #askAgent(): void {
    const conversation = this.#conversation;
    const adapter = this.#agent;
    if (!conversation || !adapter) return;
    conversation.awaiting++;
    const request = conversation.request();
    const stillWanted = () =>
      !this.#disposed && this.#conversation === conversation && this.#outcome === null;
    const settle = (answer: { ok: true; turn: unknown } | { ok: false; why: string }) => {
      if (!stillWanted()) return;
      this.#job(() => {
        if (!stillWanted()) return;
        conversation.awaiting = Math.max(0, conversation.awaiting - 1);
        const checked = answer.ok ? checkAgentTurn(answer.turn) : answer;
        if (checked.ok) {
          const { text, done, transfer } = checked.turn;
          this.#step({
            type: 'agent.reply',
            text,
            ...(done && { done: true }),
            ...(transfer && { transfer: true }),
          });
        } else {
          this.#trace({ kind: 'agent.error', message: checked.why });
          this.#step({ type: 'agent.reply', text: '', transfer: true });
        }
      });
    };
    Promise.resolve()
      .then(() => adapter(request))
      .then(
        (turn: unknown) => settle({ ok: true, turn }),
        (error: unknown) =>
          settle({
            ok: false,
            why: error instanceof Error ? error.message : String(error),
          }),
      )
      // A listener that throws while the turn is delivered has no caller to reach: the call
      // stays consistent (the job completed), and the error is not allowed to crash the process.
      .catch(() => undefined);
  }

  #stopForError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.#cancelTimer();
    this.hangup(error instanceof LoopError ? 'loop_detected' : 'runtime_error');
    this.end('error', message);
  }

  #restoreFields(p: PersistedCall): void {
    this.#startedAt = p.startedAt;
    this.#callAt = p.callAt;
    this.#stepAt = p.stepAt ?? null;
    this.#promptSeq = p.promptSeq;
    this.#prompt = p.prompt;
    this.#silent = p.silent.length > 0 ? new Set(p.silent) : null;
    this.#silentRepeats = p.silentRepeats;
    this.#entries = new Map(p.entries);
    this.#transferTeam = p.transferTeam;
    if (p.agent) {
      const start = agentOf(this.#flow.config, p.agent.node)!;
      this.#conversation = new AgentConversation(
        start.node,
        start.instructions,
        start.endpoint,
        p.agent.messages.map((m) => ({ ...m })),
      );
    }
    this.#outcome = p.outcome;
    this.#node = p.node;
    this.#closed = p.outcome !== null;
    this.#lines = p.lines;
  }

  #resume(p: PersistedCall): void {
    if (p.outcome !== null) return;
    if (p.timerDeadline !== null) this.#startTimer(p.timerDeadline);
    // Turns in flight were lost with the process: ask again, once, with the whole conversation.
    if (p.agent && p.agent.awaiting > 0 && this.#conversation) {
      this.#conversation.awaiting = 0;
      this.#askAgent();
    }
  }
}

/**
 * Test support for sessions: a call on a virtual clock that records every
 * command and trace line it emits, plus small flows and events.
 */
import {
  compileFlow,
  type CallEvent,
  type FlowDocument,
  type FlowNode,
  type FlowSettings,
  type MachineConfig,
} from '@callbot/shared';
import type { AgentAdapter, AgentTurn, AgentTurnRequest } from '../agents/adapter.ts';
import { VirtualClock } from '../clock/virtualClock.ts';
import type { Command, SessionMessage, TraceLine } from '../protocol.ts';
import {
  createCallSession,
  restoreCallSession,
  type AgentDirectory,
  type CallSession,
  type CallSessionOptions,
  type PersistedCall,
  type RunnableFlow,
  type SessionLimits,
} from '../session/session.ts';

/** A Tuesday morning in São Paulo: the reception is open. */
export const OPEN_AT = '2026-11-24T10:00:00-03:00';
/** A Sunday at 03:00 in São Paulo: closed. */
export const SUNDAY_NIGHT = '2026-11-29T03:00:00-03:00';
/** Christmas, in the middle of a Friday: a holiday. */
export const CHRISTMAS = '2026-12-25T10:00:00-03:00';

export const GREETING = 'Olá! Você ligou para a Loja Exemplo.';
export const MENU_PROMPT = 'Para vendas, digite 1. Para suporte, digite 2.';
export const CLOSED_TEXT =
  'Estamos fechados agora. Vou transferir você para o nosso assistente virtual.';
export const GOODBYE = 'Obrigado pela ligação. Até logo.';
export const AI_GREETING = 'Olá! Sou a assistente virtual da Loja Exemplo.';

/** `call.started` for an inbound line call, at `at` when given. */
export const callStarted = (at?: string): CallEvent => ({
  type: 'call.started',
  callId: 'call-1',
  channel: 'line',
  direction: 'inbound',
  from: '+5511999990000',
  to: '+551130000000',
  ...(at !== undefined && { at }),
});

export const dtmf = (digit: Extract<CallEvent, { type: 'dtmf' }>['digit']): CallEvent => ({
  type: 'dtmf',
  digit,
});
export const speech = (text: string): CallEvent => ({ type: 'speech', text });
export const reply = (text: string, ending: { done?: boolean; transfer?: boolean } = {}) =>
  ({ type: 'agent.reply', text, ...ending }) as const satisfies CallEvent;
export const hangUp = (by: 'caller' | 'network' = 'caller'): CallEvent => ({
  type: 'call.ended',
  by,
});
export const transferResult = (
  outcome: Extract<CallEvent, { type: 'transfer.result' }>['outcome'],
): CallEvent => ({ type: 'transfer.result', outcome });

/** Lets pending promise callbacks (an agent adapter's answers) run. */
export async function flush(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/** An agent adapter that records what it is asked and gives these turns in order. */
export interface RecordingAgent {
  adapter: AgentAdapter;
  requests: AgentTurnRequest[];
}

/**
 * Each request takes the next turn: an `Error` is thrown, a turn is answered
 * (asynchronously, like a real endpoint); once the turns run out, the
 * request is never answered.
 */
export function recordingAgent(turns: readonly (AgentTurn | Error)[]): RecordingAgent {
  const queue = [...turns];
  const requests: AgentTurnRequest[] = [];
  const adapter: AgentAdapter = (request) => {
    requests.push(request);
    const turn = queue.shift();
    if (turn instanceof Error) throw turn;
    if (!turn) return new Promise<AgentTurn>(() => undefined);
    return Promise.resolve(turn);
  };
  return { adapter, requests };
}

export interface CallOptions {
  /** The clock's start (epoch ms, or ISO); defaults to OPEN_AT. */
  clockAt?: number | string;
  /** Agents per team, for the directory (ignored when `directory` is given). */
  agents?: Record<string, number>;
  directory?: AgentDirectory;
  agent?: AgentAdapter;
  limits?: Partial<SessionLimits>;
}

/** A call session on a virtual clock, recording everything it emits. */
export class TestCall {
  readonly clock: VirtualClock;
  readonly session: CallSession;
  readonly messages: SessionMessage[] = [];
  readonly directoryCalls: string[] = [];
  /** The lines of the call before it was restored into this one. */
  readonly #history: readonly TraceLine[];
  #unsubscribe: () => void;

  constructor(
    readonly flow: RunnableFlow,
    readonly options: CallOptions = {},
    restored?: { persisted: PersistedCall; clockAt: number; history: readonly TraceLine[] },
  ) {
    this.#history = restored?.history ?? [];
    const at = restored?.clockAt ?? options.clockAt ?? OPEN_AT;
    this.clock = new VirtualClock(typeof at === 'string' ? Date.parse(at) : at);
    const agents = options.agents ?? {};
    const base = options.directory ?? ((team: string) => agents[team] ?? 0);
    const sessionOptions: CallSessionOptions = {
      clock: this.clock,
      directory: (team) => {
        this.directoryCalls.push(team);
        return base(team);
      },
      ...(options.agent && { agent: options.agent }),
      ...(options.limits && { limits: options.limits }),
    };
    this.session = restored
      ? restoreCallSession(flow, restored.persisted, sessionOptions)
      : createCallSession(flow, sessionOptions);
    this.#unsubscribe = this.session.subscribe((m) => this.messages.push(m));
  }

  send(event: CallEvent): this {
    this.session.send(event);
    return this;
  }

  start(at?: string): this {
    return this.send(callStarted(at));
  }

  advance(ms: number): this {
    this.clock.advance(ms);
    return this;
  }

  /** Every command so far. */
  commands(): Command[] {
    return this.messages.flatMap((m) => (m.channel === 'command' ? [m.command] : []));
  }

  /** Every trace line the listeners got so far. */
  lines(): TraceLine[] {
    return this.messages.flatMap((m) => (m.channel === 'trace' ? [m.line] : []));
  }

  /** The call's transcript: every trace line, from before a restore too, without `call_over` reports. */
  transcript(): TraceLine[] {
    return [
      ...this.#history,
      ...this.lines().filter((l) => l.kind !== 'input' || l.reason !== 'call_over'),
    ];
  }

  /** Messages emitted from index `from` on. */
  since(from: number): SessionMessage[] {
    return this.messages.slice(from);
  }

  /** The id of the prompt most recently said (a restored call finds it in its transcript). */
  lastPromptId(): string {
    const line = this.transcript().findLast((l) => l.kind === 'say');
    if (line?.kind !== 'say') throw new Error('nothing has been said');
    return line.promptId;
  }

  /** The media layer finished the last prompt. */
  endPrompt(): this {
    return this.send({ type: 'prompt.ended', promptId: this.lastPromptId() });
  }

  /** The texts said so far. */
  said(): string[] {
    return this.commands().flatMap((c) => (c.type === 'say' ? [c.text] : []));
  }

  /** The nodes entered so far. */
  nodes(): string[] {
    return this.lines().flatMap((l) => (l.kind === 'node' ? [l.id] : []));
  }

  ends(): TraceLine[] {
    return this.lines().filter((l) => l.kind === 'end');
  }

  /** A restore of this call as persisted now (through JSON), on a fresh clock at the same time. */
  restored(options: CallOptions = this.options): TestCall {
    const persisted = JSON.parse(JSON.stringify(this.session.persist())) as PersistedCall;
    return new TestCall(this.flow, options, {
      persisted,
      clockAt: this.clock.now(),
      history: this.transcript(),
    });
  }

  unsubscribe(): void {
    this.#unsubscribe();
  }
}

/** A flow of these nodes in São Paulo, for tests. */
export const flowOf = (nodes: FlowNode[], settings: Partial<FlowSettings> = {}): FlowDocument => ({
  schemaVersion: 1,
  settings: {
    name: 'Teste',
    timeZone: 'America/Sao_Paulo',
    locale: 'pt-BR',
    noInputTimeoutMs: 5000,
    ...settings,
  },
  nodes,
  layout: { nodes: {} },
});

/** The machine of a flow that must compile. */
export function compiledConfig(flow: unknown): MachineConfig {
  const { machine, diagnostics } = compileFlow(flow);
  if (!machine) throw new Error(`flow did not compile: ${JSON.stringify(diagnostics)}`);
  return machine;
}

/** Plain data, deep-copied (through JSON) so it can be edited. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What lines look like for comparing runs: commands and lines, in order. */
export const describeMessages = (messages: readonly SessionMessage[]): string[] =>
  messages.map((m) => JSON.stringify(m));

import { expect, vi } from 'vitest';
import { assign, createActor, setup, SimulatedClock } from 'xstate';
import { compileFlow } from '../compiler/compile.ts';
import { bindGuards, type GuardCatalogue, type GuardEnv } from '../compiler/guards.ts';
import type { CallEvent, MachineEvent } from '../compiler/events.ts';
import type { ActionCatalogue, ActionRef, ListenParams } from '../compiler/actions.ts';
import type { MachineConfig, MachineContext, StateConfig } from '../compiler/machineConfig.ts';
import type { FlowDocument, FlowNode, FlowSettings } from '../document/schema.ts';

/** One thing the machine did, as tests read it: `say: Olá!`, `enter: menu`, `transfer: vendas`. */
export type Step = string;

export interface Harness {
  send(event: CallEvent): void;
  /** Moves virtual time on, firing the no-input timer when it is due. */
  advance(ms: number): void;
  /** Ends the prompt being said (the media layer's `prompt.ended`). */
  endPrompt(): void;
  log: Step[];
  state(): unknown;
  tags(): string[];
  done(): boolean;
  context(): MachineContext;
}

/**
 * Runs a compiled machine config in xstate with the real guards and recording
 * actions, on a simulated clock. A test double of the runtime: just enough to
 * prove what the compiler emits behaves as documented.
 */
export function runCompiled(
  config: MachineConfig,
  options: { at: string; agents?: Record<string, number> },
): Harness {
  const log: Step[] = [];
  const clock = new SimulatedClock();
  const startMs = Date.parse(options.at);
  // The runtime's one schedule moment: the start of the step (the last event from the call, or
  // the no-input timer), not the time spent saying prompts on the way.
  let stepAt = 0;
  const env: GuardEnv = {
    now: () => startMs + stepAt,
    agentsAvailable: (team) => options.agents?.[team] ?? 0,
  };
  const record =
    (name: string, field?: string) => (_: unknown, params: Record<string, unknown> | undefined) => {
      const value = field ? params?.[field] : undefined;
      log.push(
        value === undefined
          ? name
          : `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
      );
    };
  // The no-input timer, as the runtime keeps it: on the injected clock.
  let timer: number | undefined;
  const cancelTimer = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no actors, no children
  const machineSetup = setup<MachineContext, MachineEvent, {}, {}, ActionCatalogue, GuardCatalogue>(
    {
      types: { context: {} as MachineContext, events: {} as MachineEvent },
      guards: bindGuards(() => env),
      actions: {
        startCall: record('start'),
        enterNode: record('enter', 'id'),
        takePort: () => undefined,
        say: record('say', 'text'),
        sayReply: ({ event }) =>
          log.push(`say: ${event.type === 'agent.reply' ? event.text : '?'}`),
        cancelSay: record('cancel'),
        resetCounters: assign({ noInput: 0, noMatch: 0 }),
        noInput: assign({ noInput: ({ context }) => context.noInput + 1 }),
        noMatch: assign({ noMatch: ({ context }) => context.noMatch + 1 }),
        noAgents: record('noAgents', 'team'),
        transfer: record('transfer', 'team'),
        handoff: record('handoff', 'bot'),
        hangup: record('hangup', 'reason'),
        startAgent: record('startAgent', 'node'),
        stopAgent: record('stopAgent', 'node'),
        agentHear: ({ event }) => log.push(`hear: ${event.type === 'speech' ? event.text : '?'}`),
        end: record('end', 'outcome'),
        listen: (_, params) => {
          cancelTimer();
          if (params.on && params.noInputMs !== undefined) {
            timer = clock.setTimeout(() => {
              timer = undefined;
              stepAt = clock.now();
              actor.send({ type: 'timer.noInput' });
            }, params.noInputMs);
          }
        },
      },
    },
  );
  const machine = machineSetup.createMachine(
    config as unknown as Parameters<typeof machineSetup.createMachine>[0],
  );
  const actor = createActor(machine, { clock });
  actor.start();
  return {
    send: (event) => {
      // Only what the machine takes starts a step (a key pressed while nothing listens does not).
      const takes = actor.getSnapshot().can(event);
      if (takes && event.type !== 'prompt.ended' && event.type !== 'agent.reply') {
        stepAt = clock.now();
      }
      actor.send(event);
    },
    advance: (ms) => clock.increment(ms),
    endPrompt: () => actor.send({ type: 'prompt.ended' }),
    log,
    state: (): unknown => actor.getSnapshot().value,
    tags: () => [...actor.getSnapshot().tags].sort(),
    done: () => actor.getSnapshot().status === 'done',
    context: () => actor.getSnapshot().context,
  };
}

/** `call.started` for tests: an inbound line call at `at`. */
export const callStarted = (at: string): CallEvent => ({
  type: 'call.started',
  channel: 'line',
  direction: 'inbound',
  from: '+5511999990000',
  to: '+551130000000',
  at,
});

/** A flow of these nodes in São Paulo, for tests; settings can be overridden. */
export const flow = (nodes: FlowNode[], settings: Partial<FlowSettings> = {}): FlowDocument => ({
  schemaVersion: 1,
  settings: {
    name: 'T',
    timeZone: 'America/Sao_Paulo',
    locale: 'pt-BR',
    noInputTimeoutMs: 5000,
    ...settings,
  },
  nodes,
  layout: { nodes: {} },
});

/** The machine of a flow that must compile; fails the test with the diagnostics otherwise. */
export function compiled(doc: unknown): MachineConfig {
  const { machine, diagnostics } = compileFlow(doc);
  expect(machine, JSON.stringify(diagnostics)).not.toBeNull();
  if (!machine) throw new Error('flow did not compile');
  return machine;
}

/**
 * xstate warns on the console about events sent to a finished actor, which is
 * what the "after the call is over" tests do on purpose. Restore with
 * `vi.restoreAllMocks()`. (`console` is typed by hand: shared compiles
 * without DOM or Node types.)
 */
export function silenceXstateWarnings() {
  const { console: out } = globalThis as unknown as {
    console: { warn: (...args: unknown[]) => void };
  };
  vi.spyOn(out, 'warn').mockImplementation(() => undefined);
}

/** What a state's entry `listen` action asks for (how the bot listens there), if it has one. */
export function listenOf(state: StateConfig | undefined): ListenParams | undefined {
  const action = state?.entry?.find(
    (a): a is Extract<ActionRef, { type: 'listen' }> => a.type === 'listen',
  );
  return action?.params;
}

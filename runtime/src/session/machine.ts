/**
 * The machine binding: the compiled config (plain JSON) becomes an xstate
 * machine whose named actions and guards call the session running it. The
 * session is the machine's input, kept in the context, so one machine (and
 * one actor scope) serves every call of a flow: a session holds only its
 * snapshot, and steps it with the machine's pure `transition`, its actions
 * executed as they are reached (so a cap that throws stops the step).
 */
import {
  bindGuards,
  type ActionCatalogue,
  type GuardCatalogue,
  type GuardEnv,
  type MachineConfig,
  type MachineContext,
  type MachineEvent,
} from '@callbot/shared';
import { assign, createActor, setup, type ActorScope, type Snapshot } from 'xstate';

/** What the machine's actions ask of the session running it (besides the guards' world). */
export interface SessionHost extends GuardEnv {
  startCall(at: string | undefined): void;
  enterNode(p: ActionCatalogue['enterNode']): void;
  takePort(p: ActionCatalogue['takePort']): void;
  say(text: string, interruptible: boolean): void;
  sayReply(text: string): void;
  cancelSay(): void;
  listen(p: ActionCatalogue['listen']): void;
  noInput(count: number): void;
  noMatch(): void;
  noAgents(team: string): void;
  transfer(p: ActionCatalogue['transfer']): void;
  handoff(bot: string): void;
  hangup(reason: string): void;
  startAgent(p: ActionCatalogue['startAgent']): void;
  stopAgent(): void;
  agentHear(text: string): void;
  end(outcome: ActionCatalogue['end']['outcome']): void;
}

/** The context in a session: the compiled machine's counters, and the session running it. */
export interface SessionContext extends MachineContext {
  host: SessionHost;
}

// The action map is typed by the catalogue (setup's TActions): a missing or
// extra action, or one misreading its params, does not compile.
const callbotSetup = setup<
  SessionContext,
  MachineEvent,
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no child actors
  {},
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no child actors
  {},
  ActionCatalogue,
  GuardCatalogue,
  never,
  string,
  SessionHost
>({
  actions: {
    startCall: ({ context, event }) =>
      context.host.startCall(event.type === 'call.started' ? event.at : undefined),
    enterNode: ({ context }, p) => context.host.enterNode(p),
    takePort: ({ context }, p) => context.host.takePort(p),
    say: ({ context }, p) => context.host.say(p.text, p.interruptible),
    sayReply: ({ context, event }) => {
      if (event.type === 'agent.reply') context.host.sayReply(event.text);
    },
    cancelSay: ({ context }) => context.host.cancelSay(),
    listen: ({ context }, p) => context.host.listen(p),
    resetCounters: assign({ noInput: 0, noMatch: 0 }),
    // Counting is an assign; what the count means for the call is said as it happens.
    noInput: assign(({ context }) => {
      context.host.noInput(context.noInput + 1);
      return { noInput: context.noInput + 1 };
    }),
    noMatch: assign(({ context }) => {
      context.host.noMatch();
      return { noMatch: context.noMatch + 1 };
    }),
    noAgents: ({ context }, p) => context.host.noAgents(p.team),
    transfer: ({ context }, p) => context.host.transfer(p),
    handoff: ({ context }, p) => context.host.handoff(p.bot),
    hangup: ({ context }, p) => context.host.hangup(p.reason),
    startAgent: ({ context }, p) => context.host.startAgent(p),
    stopAgent: ({ context }) => context.host.stopAgent(),
    agentHear: ({ context, event }) => {
      if (event.type === 'speech') context.host.agentHear(event.text);
    },
    end: ({ context }, p) => context.host.end(p.outcome),
  },
  guards: bindGuards((context: SessionContext) => context.host),
});

/** The xstate machine of a compiled config; its context gets the session from the input. */
function bindMachine(config: MachineConfig) {
  const counters = config.context;
  return callbotSetup.createMachine({
    ...(config as unknown as Parameters<typeof callbotSetup.createMachine>[0]),
    context: ({ input }) => ({ ...counters, host: input }),
  });
}

type CallbotMachine = ReturnType<typeof bindMachine>;
/** Where a call is in its machine: an immutable xstate snapshot. */
export type CallSnapshot = ReturnType<CallbotMachine['transition']>;
/** The snapshot as JSON (without the session in the context). */
export interface PersistedMachineSnapshot {
  status: string;
  value: unknown;
  context: MachineContext;
}

/**
 * A compiled machine, ready to run calls: every call of a flow shares it.
 *
 * @example
 * const machine = new CallMachine(config);
 * let snapshot = machine.start(host);
 * snapshot = machine.step(snapshot, { type: 'call.started', ... });
 */
export class CallMachine {
  readonly #machine: CallbotMachine;
  readonly #scope: ActorScope<CallSnapshot, MachineEvent>;

  constructor(config: MachineConfig) {
    this.#machine = bindMachine(config);
    // An actor that never starts stands for `self`: the machine uses no children, delays nor
    // sendTo, so nothing reaches it. Actions run as they are reached.
    const self = createActor(this.#machine, { input: null as unknown as SessionHost });
    this.#scope = {
      self,
      id: 'callbot',
      sessionId: '',
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      system: self.system,
      stopChild: () => undefined,
      actionExecutor: (action) => action.exec?.(action.info, action.params),
    };
  }

  /** A new call, waiting for `call.started`. */
  start(host: SessionHost): CallSnapshot {
    return this.#machine.getInitialSnapshot(this.#scope, host);
  }

  /** A call from its persisted snapshot. */
  restore(persisted: PersistedMachineSnapshot, host: SessionHost): CallSnapshot {
    const withHost = { ...persisted, context: { ...persisted.context, host } };
    return this.#machine.restoreSnapshot(withHost as unknown as Snapshot<unknown>, this.#scope);
  }

  /** The snapshot after `event`; throws what an action throws (a cap), leaving `snapshot` as it was. */
  step(snapshot: CallSnapshot, event: MachineEvent): CallSnapshot {
    return this.#machine.transition(snapshot, event, this.#scope);
  }

  /** The snapshot as JSON, without the session. */
  persist(snapshot: CallSnapshot): PersistedMachineSnapshot {
    const persisted = this.#machine.getPersistedSnapshot(snapshot, undefined) as unknown as {
      context: SessionContext;
    } & PersistedMachineSnapshot;
    const { host: _, ...context } = persisted.context;
    return structuredClone({ ...persisted, context });
  }
}

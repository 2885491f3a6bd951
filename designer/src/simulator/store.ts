import {
  createSimulatedCall,
  SessionError,
  type AgentAdapter,
  type ListenMode,
  type Script,
  type SimulatedCall,
  type SimulatedInput,
  type RunnableFlow,
  type TraceLine,
} from '@callbot/runtime';
import { compileFlow, type Diagnostic, type FlowDocument } from '@callbot/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isoInZone, wallMomentAt, type WallMoment } from './callMoment.ts';
import { noCallHighlight, type CallHighlight } from '../editor/store.ts';
import { callNotStarted, foldMoment, type CallMoment, type FoldedMoment } from './moments.ts';
import { parsePhoneInput, phoneCountry } from '../forms/phone.ts';

const toE164 = (text: string): string => {
  const typed = parsePhoneInput(text, phoneCountry());
  return typed.ok ? typed.e164 : text.trim();
};

/**
 * How fast virtual time goes. `realtime` and `faster` follow the wall clock
 * (×1, ×4). `instant` jumps over everything that does not wait for the
 * trainer; while the bot listens, time runs as in real time, so a no-input
 * timeout still comes when nobody answers, and "Skip the wait" jumps to it.
 */
export type Speed = 'realtime' | 'faster' | 'instant';
export const SPEED_FACTOR = { realtime: 1, faster: 4, instant: 1 } as const;

export type Channel = Script['call']['channel'];
export type Direction = Script['call']['direction'];

export interface CallSetup extends WallMoment {
  channel: Channel;
  direction: Direction;
  /** The caller's number. */
  from: string;
  /** The number called. */
  to: string;
  /** Agents available per team (teams come from the flow's transfer nodes). */
  agents: Record<string, number>;
  speed: Speed;
  /** The node the call starts at; null for the flow's start (its greeting). */
  startNode: string | null;
}

/** One trace line of the call, with the call's state just after it. */
export interface LogEntry {
  line: TraceLine;
  state: CallMoment;
}

/** A call as a test case takes it: its script and the transcript it produced. */
export interface RecordedCall {
  script: Script;
  transcript: TraceLine[];
}

/** Says prompts aloud (the browser's speech synthesis, behind the "Speak prompts" switch). */
export interface Voice {
  say(text: string, lang: string): void;
  cancel(): void;
}

export interface SimulatorState {
  setup: CallSetup;
  phase: 'setup' | 'running' | 'ended';
  /** Why the last call could not start: the flow's errors, the start node gone, or the runtime's message. */
  problem: {
    message: string;
    diagnostics: Diagnostic[];
    missingStartNode?: string;
  } | null;
  /** What the call is doing now. */
  now: CallMoment;
  log: LogEntry[];
  /** The event log entry whose moment is shown, if one was chosen. */
  selected: number | null;
  /** The call as a test case takes it; none for a call started at another node than the flow's start. */
  recorded: RecordedCall | null;
  speakAloud: boolean;
  wordsPerMinute: number;
}

export interface SimulatorActions {
  updateSetup: (patch: Partial<CallSetup>) => void;
  setAgents: (team: string, count: number) => void;
  /** Starts a call of `doc` (the editor's current flow) with the setup. */
  start: (doc: FlowDocument, agent?: AgentAdapter) => void;
  /** The caller presses a key, speaks, hangs up; or the trainer gives the agent's reply. */
  send: (event: SimulatedInput) => void;
  hangUp: () => void;
  /** Moves time on as `wallMs` of wall-clock time allow, at the setup's speed. */
  tick: (wallMs: number) => void;
  /** Jumps to the next thing due (a prompt ending, a no-input timeout). */
  skipWait: () => void;
  select: (index: number | null) => void;
  setSpeakAloud: (on: boolean) => void;
  /** Back to the setup form, for another call. */
  newCall: () => void;
}

export type SimulatorStore = StoreApi<SimulatorState & SimulatorActions>;

export interface SimulatorOptions {
  /** Wall-clock epoch ms, for the setup's default date and time. */
  now: number;
  timeZone: string;
  /** Teams of the flow's transfer nodes, each with agents available by default. */
  teams?: string[];
  voice?: Voice;
  /** Where the call's place in the flow goes, for the canvas to mark (the editor's `highlightCall`). */
  highlight?: (highlight: CallHighlight) => void;
}

/** The teams a flow transfers to, in the order of its nodes. */
export function teamsOf(doc: FlowDocument): string[] {
  const teams = doc.nodes.flatMap((n) => (n.kind === 'transfer' ? [n.data.team] : []));
  return [...new Set(teams)].filter(Boolean);
}

/** The flow compiled to start at `node` instead of its greeting. */
export function flowStartingAt(doc: FlowDocument, node: string | null): RunnableFlow {
  if (node === null) return doc;
  const { machine, diagnostics } = compileFlow(doc);
  if (!machine) {
    throw new SessionError('The flow cannot run.', diagnostics);
  }
  const ready = machine.states._ready;
  return {
    ...machine,
    states: {
      ...machine.states,
      _ready: {
        ...ready,
        on: {
          'call.started': [{ target: `#${machine.id}.${node}`, actions: [{ type: 'startCall' }] }],
        },
      },
    },
  };
}

/**
 * The simulator's core, outside React: the setup, one simulated call of the
 * current flow at a time (the runtime's own session, in virtual time), its
 * transcript with the state at each line, the inputs recorded as a script,
 * and the canvas highlight. Time moves by `tick` (see `startPacing`).
 *
 * @example
 * const sim = createSimulatorStore({ now: Date.now(), timeZone: 'America/Sao_Paulo' });
 * sim.getState().start(doc);
 * sim.getState().tick(3000);
 * sim.getState().send({ type: 'dtmf', digit: '1' });
 */
export function createSimulatorStore(options: SimulatorOptions): SimulatorStore {
  let call: SimulatedCall | null = null;
  let unsubscribe = () => {};
  let modes: ListenMode[] = [];
  let folded: FoldedMoment = { ...callNotStarted, speakingUntil: 0 };
  let changed = false;
  let lang = 'en';
  /** Wall-clock time not yet turned into whole virtual milliseconds. */
  let carry = 0;

  const agents = Object.fromEntries((options.teams ?? []).map((team) => [team, 1]));
  const initialSetup: CallSetup = {
    channel: 'line',
    direction: 'inbound',
    from: '+5511999990000',
    to: '+551130000000',
    ...wallMomentAt(options.now, options.timeZone),
    agents,
    speed: 'realtime',
    startNode: null,
  };

  return createStore<SimulatorState & SimulatorActions>()((set, get) => {
    /** Brings the store up to date with the call, after anything moved it. */
    const sync = () => {
      if (!call) return;
      const snapshot = call.getSnapshot();
      const ended = snapshot.status === 'ended';
      set({
        now: {
          t: snapshot.t,
          node: snapshot.node,
          speaking: snapshot.speaking,
          listening: snapshot.listening,
          modes: snapshot.listening ? modes : [],
          outcome: snapshot.outcome,
        },
        phase: ended ? 'ended' : 'running',
        // A script always starts at the flow's start: a call started elsewhere is no test case.
        ...(changed &&
          get().setup.startNode === null && {
            recorded: { script: call.toScript(), transcript: [...snapshot.transcript] },
          }),
      });
      changed = false;
    };

    const follow = (line: TraceLine) => {
      folded = foldMoment(folded, line, get().wordsPerMinute, modes);
      const { speakingUntil: _, ...state } = folded;
      set({ log: [...get().log, { line, state }] });
      changed = true;
      if (line.kind === 'node') highlightNode(line.id, line.via ?? null);
    };

    let highlighted = noCallHighlight;
    const showHighlight = (highlight: CallHighlight) => {
      highlighted = highlight;
      options.highlight?.(highlight);
    };
    /** The node the call is at, and the output that led there (`node:port`, the canvas's edge id). */
    const highlightNode = (id: string, edge: string | null) => {
      const { path } = highlighted;
      showHighlight({
        active: id,
        path: {
          nodes: path.nodes.includes(id) ? path.nodes : [...path.nodes, id],
          edges: edge === null || path.edges.includes(edge) ? path.edges : [...path.edges, edge],
        },
      });
    };

    const voice = options.voice;

    return {
      setup: initialSetup,
      phase: 'setup',
      problem: null,
      now: callNotStarted,
      log: [],
      selected: null,
      recorded: null,
      speakAloud: false,
      wordsPerMinute: 150,

      updateSetup: (patch) => set({ setup: { ...get().setup, ...patch } }),
      setAgents: (team, count) =>
        set({
          setup: {
            ...get().setup,
            agents: { ...get().setup.agents, [team]: Math.max(0, Math.floor(count) || 0) },
          },
        }),

      start(doc, agent) {
        unsubscribe();
        voice?.cancel();
        const { setup, wordsPerMinute } = get();
        if (setup.startNode !== null && !doc.nodes.some((n) => n.id === setup.startNode)) {
          set({ problem: { message: '', diagnostics: [], missingStartNode: setup.startNode } });
          return;
        }
        lang = doc.settings.locale;
        modes = [];
        folded = { ...callNotStarted, speakingUntil: 0 };
        carry = 0;
        showHighlight(noCallHighlight);
        try {
          call = createSimulatedCall(flowStartingAt(doc, setup.startNode), {
            call: {
              channel: setup.channel,
              direction: setup.direction,
              // Typed in any form, the numbers reach the call (and its test cases) as E.164.
              from: toE164(setup.from),
              to: toE164(setup.to),
            },
            startAt: isoInZone(setup),
            agents: setup.agents,
            wordsPerMinute,
            ...(agent && { agent }),
          });
        } catch (error) {
          call = null;
          set({
            problem: {
              message: error instanceof Error ? error.message : String(error),
              diagnostics: error instanceof SessionError ? error.diagnostics : [],
            },
          });
          return;
        }
        set({
          phase: 'running',
          problem: null,
          log: [],
          selected: null,
          recorded: null,
          now: callNotStarted,
        });
        unsubscribe = call.subscribe((message) => {
          if (message.channel === 'trace') {
            follow(message.line);
            if (message.line.kind === 'end') voice?.cancel();
            return;
          }
          const { command } = message;
          if (command.type === 'listen') modes = command.modes;
          if (command.type === 'say' && get().speakAloud) voice?.say(command.text, lang);
          if (command.type === 'say.cancel') voice?.cancel();
        });
        changed = true;
        call.start();
        sync();
      },

      send(event) {
        if (!call) return;
        call.send(event);
        sync();
      },

      hangUp: () => get().send({ type: 'call.ended', by: 'caller' }),

      tick(wallMs) {
        if (!call || get().phase !== 'running') return;
        const { speed } = get().setup;
        const listening = call.getSnapshot().listening;
        if (speed !== 'instant' || listening) {
          carry += wallMs * SPEED_FACTOR[speed];
          const ms = Math.floor(carry);
          carry -= ms;
          call.advance(ms);
        } else {
          // Everything until the bot listens (or the call ends) happens at once.
          for (let i = 0; i < 10_000 && !call.getSnapshot().listening && call.runNext(); i++);
        }
        sync();
      },

      skipWait() {
        if (!call) return;
        call.runNext();
        sync();
      },

      select: (index) => set({ selected: index }),

      setSpeakAloud(on) {
        if (!on) voice?.cancel();
        set({ speakAloud: on });
      },

      newCall() {
        unsubscribe();
        unsubscribe = () => {};
        voice?.cancel();
        call = null;
        showHighlight(noCallHighlight);
        set({ phase: 'setup', log: [], selected: null, now: callNotStarted, problem: null });
      },
    };
  });
}

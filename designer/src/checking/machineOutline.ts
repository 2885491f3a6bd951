import type {
  ActionRef,
  CallOutcome,
  GuardRef,
  JsonValue,
  MachineConfig,
  StateConfig,
  StateTag,
  TransitionConfig,
} from '@callbot/shared';

/** One transition of a state, as words can say it. */
export interface OutlineTransition {
  /** The event it waits for (`prompt.ended`, `dtmf`…); null for an immediate (`always`) one. */
  event: string | null;
  /** The guard, summed up: `scheduleIs(status: holiday, timeZone: America/Sao_Paulo)`. */
  guard: string | null;
  /** The state it goes to, by path (`menu.listening`); null when it stays. */
  target: string | null;
  /** What it does on the way, summed up. */
  actions: string[];
}

/** One state of the compiled machine, with its substates. */
export interface OutlineState {
  /** Its key among its siblings (`greeting`, `listening`). */
  key: string;
  /** From the top: `menu.listening`. */
  path: string;
  description?: string;
  /** Whether the bot speaks or listens here (R17, R18). */
  tags: StateTag[];
  /** The state its parent (or the machine) starts in. */
  initial: boolean;
  /** A final state, with the call's outcome. */
  outcome?: CallOutcome;
  /** The flow node this state is made from. */
  node?: string;
  entry: string[];
  exit: string[];
  transitions: OutlineTransition[];
  children: OutlineState[];
}

const MAX_TEXT = 80;

/** A value in a summary: short scalars as they are, texts quoted, anything bigger elided. */
function summarizeValue(value: JsonValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    return value.length > MAX_TEXT ? `“${value.slice(0, MAX_TEXT - 1)}…”` : `“${value}”`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length <= 4) {
    return value.join(', ');
  }
  return '…';
}

/** `type(key: value, …)`: an action or guard with its parameters, as compact text. */
export function summarizeRef(ref: ActionRef | GuardRef): string {
  const params = Object.entries(ref.params ?? {})
    .map(([key, value]) => {
      const said = summarizeValue(value);
      return said === null ? null : `${key}: ${said}`;
    })
    .filter((p) => p !== null);
  return params.length === 0 ? ref.type : `${ref.type}(${params.join(', ')})`;
}

/** `#callbot.menu.listening` or a sibling's `listening` as a path from the top. */
function targetPath(target: string | undefined, parentPath: string): string | null {
  if (target === undefined) return null;
  if (target.startsWith('#callbot.')) return target.slice('#callbot.'.length);
  return parentPath ? `${parentPath}.${target}` : target;
}

function transitionsOf(state: StateConfig, parentPath: string): OutlineTransition[] {
  const of = (event: string | null, list: TransitionConfig[]) =>
    list.map((tr): OutlineTransition => ({
      event,
      guard: tr.guard ? summarizeRef(tr.guard) : null,
      target: targetPath(tr.target, parentPath),
      actions: (tr.actions ?? []).map(summarizeRef),
    }));
  return [
    ...of(null, state.always ?? []),
    ...Object.entries(state.on ?? {}).flatMap(([event, list]) => of(event, list)),
  ];
}

function outlineStates(
  states: Record<string, StateConfig>,
  initial: string | undefined,
  parentPath: string,
): OutlineState[] {
  return Object.entries(states).map(([key, state]) => {
    const path = parentPath ? `${parentPath}.${key}` : key;
    return {
      key,
      path,
      ...(state.description !== undefined && { description: state.description }),
      tags: state.tags ?? [],
      initial: key === initial,
      ...(state.type === 'final' && state.meta?.outcome && { outcome: state.meta.outcome }),
      ...(state.meta?.node !== undefined && { node: state.meta.node }),
      entry: (state.entry ?? []).map(summarizeRef),
      exit: (state.exit ?? []).map(summarizeRef),
      transitions: transitionsOf(state, parentPath),
      children: state.states ? outlineStates(state.states, state.initial, path) : [],
    };
  });
}

/**
 * The compiler's machine as a tree of states, each with whether the bot
 * speaks or listens there, what it does on entry and exit, and where each
 * event leads (with its guard and actions): pure presentation of the plain
 * data `compileFlow` returns, for a view people can read. Transitions the
 * whole machine takes (the caller hanging up) are the root's.
 */
export function outlineMachine(machine: MachineConfig): {
  root: OutlineTransition[];
  states: OutlineState[];
} {
  return {
    root: transitionsOf(machine, ''),
    states: outlineStates(machine.states, machine.initial, ''),
  };
}

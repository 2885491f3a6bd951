/**
 * The flow a session runs: compiled once, fingerprinted, bound to xstate,
 * and frozen on entry, so that editing a flow object in place can never run
 * new calls on a machine compiled from what it used to say.
 */
import { compileFlow, type FlowDocument, type MachineConfig } from '@callbot/shared';
import { SessionError } from './errors.ts';
import { CallMachine } from './machine.ts';

/**
 * What a session runs: a flow document (compiled on first use), or a machine
 * config `compileFlow` made from one. Both are trusted data: JSON from outside
 * goes through `loadFlow` (or `parseFlowJson`) from `@callbot/shared` first,
 * which checks it against the schema and says what is wrong.
 *
 * @example
 * const loaded = loadFlow(JSON.parse(text));
 * if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
 * const flow: RunnableFlow = loaded.doc;
 */
export type RunnableFlow = FlowDocument | MachineConfig;

/** A flow ready to run: its machine config, fingerprint and xstate machine. */
export interface PreparedFlow {
  config: MachineConfig;
  fingerprint: string;
  machine: CallMachine;
}

/** Per flow object (frozen, so it cannot change under its entry). */
const prepared = new WeakMap<object, PreparedFlow>();
/**
 * Per fingerprint: equal flows share one machine (and its memory), whatever
 * object they come in. Bounded, for a process that sees many flows over time.
 */
const machines = new Map<string, CallMachine>();
const MAX_MACHINES = 256;

/**
 * The flow ready to run. Freezes the flow object (deeply) the first time it
 * is seen: a flow given to a session is a value, and an edit in place throws
 * rather than being silently ignored. Throws `SessionError` with the
 * diagnostics when the flow cannot run.
 */
export function prepareFlow(flow: RunnableFlow): PreparedFlow {
  if (flow === null || typeof flow !== 'object') {
    throw new SessionError(
      'Not a flow: expected a flow document (see loadFlow) or a compiled machine config.',
    );
  }
  const known = prepared.get(flow);
  if (known) return known;
  const config = isMachineConfig(flow) ? flow : compiled(flow);
  deepFreeze(flow);
  deepFreeze(config);
  const fingerprint = fingerprintOf(config);
  let machine = machines.get(fingerprint);
  if (!machine) {
    machine = new CallMachine(config);
    if (machines.size >= MAX_MACHINES) machines.delete(machines.keys().next().value!);
    machines.set(fingerprint, machine);
  }
  const entry = { config, fingerprint, machine };
  prepared.set(flow, entry);
  if (config !== flow) prepared.set(config, entry);
  return entry;
}

function compiled(flow: unknown): MachineConfig {
  const { machine, diagnostics } = compileFlow(flow);
  if (!machine) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    throw new SessionError(
      `The flow cannot run: ${errors.map((d) => d.message).join(' ')}`,
      diagnostics,
    );
  }
  return machine;
}

const isMachineConfig = (value: object): value is MachineConfig =>
  (value as { id?: unknown }).id === 'callbot' &&
  typeof (value as { states?: unknown }).states === 'object';

/** FNV-1a of the machine's JSON: same flow logic, same fingerprint. */
function fingerprintOf(config: MachineConfig): string {
  let hash = 0x811c9dc5;
  const json = JSON.stringify(config);
  for (let i = 0; i < json.length; i++) {
    hash ^= json.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${config.version}:${hash.toString(16).padStart(8, '0')}`;
}

/** Freezes plain data all the way down (iteratively: a deep flow cannot overflow the stack). */
function deepFreeze(root: object): void {
  const todo: object[] = [root];
  while (todo.length > 0) {
    const value = todo.pop()!;
    Object.freeze(value);
    for (const child of Object.values(value)) {
      if (child !== null && typeof child === 'object') todo.push(child as object);
    }
  }
}

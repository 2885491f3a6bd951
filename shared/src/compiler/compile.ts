import { hasErrors, type Diagnostic } from '../document/diagnostic.ts';
import { loadFlow } from '../document/load.ts';
import { own } from '../document/own.ts';
import type { FlowDocument } from '../document/schema.ts';
import { kindOf } from '../nodes/index.ts';
import type { AnyNode, CompileContext } from '../nodes/kind.ts';
import { validateDocument } from '../validation/validate.ts';
import type { ActionRef } from './actions.ts';
import type { CallOutcome } from './events.ts';
import type { MachineConfig, StateConfig, TransitionConfig } from './machineConfig.ts';

export interface CompileResult {
  /** The machine config, or null when the flow has errors. */
  machine: MachineConfig | null;
  diagnostics: Diagnostic[];
}

const MACHINE_ID = 'callbot';
const target = (state: string) => `#${MACHINE_ID}.${state}`;

/** The state every machine starts in, waiting for the call to be answered. */
export const READY_STATE = '_ready';

/** The compiler's own states; node ids cannot start with `_`, so they never collide. */
const FINAL_STATES = {
  transferred: '_transferred',
  handed_off: '_handedOff',
  hung_up: '_hungUp',
  caller_hung_up: '_callerHungUp',
} as const satisfies Partial<Record<CallOutcome, string>>;

function finalState(outcome: keyof typeof FINAL_STATES): StateConfig {
  return {
    type: 'final',
    meta: { outcome },
    entry: [{ type: 'end', params: { outcome } }],
  };
}

function compileContext(doc: FlowDocument): CompileContext {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const ports = new Map(
    doc.nodes.map((n) => [
      n.id,
      new Set(
        kindOf(n)
          .ports(n.data)
          .map((p) => p.id),
      ),
    ]),
  );
  const titles = new Map(doc.nodes.map((n) => [n.id, kindOf(n).title]));
  return {
    doc,
    follow(node: AnyNode, port: string, actions: ActionRef[] = []): TransitionConfig {
      // Own keys only: a port name is never read off Object.prototype.
      const to = own(node.connections, port);
      if (to === undefined || !ports.get(node.id)?.has(port) || !ids.has(to)) {
        return {
          target: target(FINAL_STATES.hung_up),
          actions: [
            ...actions,
            { type: 'hangup', params: { reason: 'unconnected_port', node: node.id, port } },
          ],
        };
      }
      // Says which output led to the next node, so its trace line can name it (`via`).
      return {
        target: target(to),
        actions: [...actions, { type: 'takePort', params: { node: node.id, port } }],
      };
    },
    finalTarget: (outcome) => target(FINAL_STATES[outcome]),
    enter: (node) => ({
      type: 'enterNode',
      params: {
        id: node.id,
        kind: node.kind,
        label: node.label ?? titles.get(node.id) ?? node.kind,
      },
    }),
  };
}

/**
 * Compiles a valid document into a serializable xstate v5 machine config.
 * Deterministic: the same document gives the same JSON, byte for byte;
 * layout does not affect it. See `shared/README.md` for what each kind becomes.
 */
export function compileDocument(doc: FlowDocument): MachineConfig {
  const ctx = compileContext(doc);
  const greeting = doc.nodes.find((n) => n.kind === 'greeting');
  if (!greeting) throw new Error('compileDocument needs a validated flow with a greeting');

  const states: Record<string, StateConfig> = {
    [READY_STATE]: {
      description: 'Waiting for the call to be answered.',
      on: { 'call.started': [{ target: target(greeting.id), actions: [{ type: 'startCall' }] }] },
    },
  };
  for (const node of doc.nodes) {
    states[node.id] = kindOf(node).compile(node, ctx);
  }
  for (const [outcome, state] of Object.entries(FINAL_STATES)) {
    states[state] = finalState(outcome as keyof typeof FINAL_STATES);
  }

  return {
    id: MACHINE_ID,
    version: `flow-v${doc.schemaVersion}`,
    description: doc.settings.name,
    context: { noInput: 0, noMatch: 0 },
    initial: READY_STATE,
    on: { 'call.ended': [{ target: target(FINAL_STATES.caller_hung_up) }] },
    states,
  };
}

/**
 * Loads, validates and compiles anything claiming to be a flow. Never throws:
 * a broken or invalid flow gives `machine: null` and its diagnostics;
 * warnings come back alongside a machine.
 *
 * @example
 * const { machine, diagnostics } = compileFlow(JSON.parse(text));
 * if (machine) console.log(JSON.stringify(machine, null, 2));
 */
export function compileFlow(input: unknown): CompileResult {
  const loaded = loadFlow(input);
  if (!loaded.ok) return { machine: null, diagnostics: loaded.diagnostics };
  const diagnostics = validateDocument(loaded.doc);
  if (hasErrors(diagnostics)) return { machine: null, diagnostics };
  return { machine: compileDocument(loaded.doc), diagnostics };
}

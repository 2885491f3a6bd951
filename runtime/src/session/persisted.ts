/**
 * Persistence: the saved call as plain JSON, and its schema. A saved call
 * keeps what the session needs to go on (where the machine is, the timers as
 * deadlines, the caps' counts, the agent's recent conversation), never the
 * trace: that went to the listeners as it happened.
 */
import {
  callOutcomeSchema,
  LIMITS,
  MAX_AGENT_TEXT,
  type ActionRef,
  type MachineConfig,
  type StateConfig,
} from '@callbot/shared';
import { z } from '@callbot/shared/zod';
import { AGENT_MEMORY } from './agentTurns.ts';
import { SessionError } from './errors.ts';

export const PERSISTED_FORMAT = 'callbot-call/2';

const count = z.int().min(0);
const moment = z.number();
const nodeId = z.string().max(64);

type StateValue = string | { [key: string]: StateValue };
const stateValueSchema: z.ZodType<StateValue> = z.union([
  z.string().max(64),
  z.record(
    z.string().max(64),
    z.lazy(() => stateValueSchema),
  ),
]);

/** xstate's persisted snapshot of the call's machine (no child actors, no history states). */
const machineSnapshotSchema = z.strictObject({
  status: z.enum(['active', 'done', 'error', 'stopped']),
  value: stateValueSchema,
  historyValue: z.strictObject({}),
  context: z.strictObject({ noInput: count, noMatch: count }),
  children: z.strictObject({}),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
});

export const persistedCallSchema = z.strictObject({
  format: z.literal(PERSISTED_FORMAT),
  /** Fingerprint of the compiled machine: a call only restores into the same flow. */
  machine: z.string().max(100),
  snapshot: machineSnapshotSchema,
  /** The node the call is at, once it has started. */
  node: nodeId.nullable(),
  startedAt: moment.nullable(),
  /** The call's own moment (`call.started.at`) when it started: schedules are read from it. */
  callAt: moment.nullable(),
  /** When the step being taken began (absent in calls persisted before it was kept). */
  stepAt: moment.nullable().optional(),
  promptSeq: count,
  /** The prompt being said, if any. */
  prompt: z.string().max(200).nullable(),
  /** When the no-input timer runs out, if it runs. */
  timerDeadline: moment.nullable(),
  /** Nodes entered since the bot last listened, and how often one came round again. */
  silent: z.array(nodeId).max(LIMITS.maxNodes),
  silentRepeats: count,
  /** Entries per node, for `maxNodeEntries`. */
  entries: z.array(z.tuple([nodeId, z.int().min(1)])).max(LIMITS.maxNodes),
  /** The team being rung, while a transfer waits for its result. */
  transferTeam: z.string().max(120).nullable(),
  agent: z
    .strictObject({
      node: nodeId,
      messages: z
        .array(
          z.strictObject({
            role: z.enum(['user', 'assistant']),
            content: z.string().max(MAX_AGENT_TEXT),
          }),
        )
        .max(AGENT_MEMORY.messages),
      awaiting: count,
    })
    .nullable(),
  outcome: callOutcomeSchema.nullable(),
  /** Trace lines written so far: the number the next line gets, for a store that keeps them. */
  lines: count,
});

/**
 * A call as plain JSON, to store between webhooks or across a restart; see
 * `CallSession.persist` and `restoreCallSession`.
 *
 * @example
 * const saved: PersistedCall = session.persist();
 * await db.put(callId, JSON.stringify(saved));
 */
export type PersistedCall = z.infer<typeof persistedCallSchema>;

const refuse = (field: string, why: string): never => {
  throw new SessionError(`The saved call cannot be restored: ${field}: ${why}.`, [], field);
};

/**
 * Checks a saved call, all of it, against the schema and against the flow's
 * machine; returns a fresh copy. Throws `SessionError` naming the first field
 * that is wrong: a malformed call never half-restores, nor restores into a
 * state it could never leave.
 */
export function readPersistedCall(
  value: unknown,
  config: MachineConfig,
  fingerprint: string,
): PersistedCall {
  if (value === null || typeof value !== 'object') {
    return refuse('call', 'expected the object persist() returned');
  }
  const format = (value as { format?: unknown }).format;
  if (format !== PERSISTED_FORMAT) {
    return refuse(
      'format',
      `expected "${PERSISTED_FORMAT}", got ${JSON.stringify(format) ?? 'nothing'}`,
    );
  }
  const parsed = persistedCallSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(issue.path.map(String).join('.') || 'call', issue.message);
  }
  const call = parsed.data;
  if (call.machine !== fingerprint) {
    throw new SessionError(
      'The call was persisted with another version of the flow; it can only continue on the same one.',
      [],
      'machine',
    );
  }
  const { snapshot } = call;
  const leaf = leafState(config, snapshot.value);
  if (!leaf) {
    return refuse(
      'snapshot.value',
      `${JSON.stringify(snapshot.value)} is not a state of this flow`,
    );
  }
  const over = call.outcome !== null;
  // A call stopped by a cap or a fault ends `error` where its machine stood (still active).
  const stopped = call.outcome === 'error' && snapshot.status === 'active';
  if (over !== (snapshot.status === 'done' || snapshot.status === 'error' || stopped)) {
    return refuse(
      'snapshot.status',
      over
        ? `"${snapshot.status}" for a call that ended (${call.outcome})`
        : `"${snapshot.status}" for a call that has not ended: it could never end`,
    );
  }
  if (!over && leaf.type === 'final') {
    return refuse('snapshot.value', 'a final state for a call that has not ended');
  }
  if (call.node !== null && !Object.hasOwn(config.states, call.node)) {
    return refuse('node', `"${call.node}" is not a node of this flow`);
  }
  if (call.agent && !agentOf(config, call.agent.node)) {
    return refuse('agent.node', `"${call.agent.node}" is not an AI agent of this flow`);
  }
  return call;
}

/** The state a state value names, if the machine has it and it is a leaf. */
function leafState(config: MachineConfig, value: StateValue): StateConfig | null {
  let states: Record<string, StateConfig> | undefined = config.states;
  let current: StateValue = value;
  for (;;) {
    if (!states) return null;
    const [key, inner] =
      typeof current === 'string'
        ? [current, undefined]
        : Object.keys(current).length === 1
          ? Object.entries(current)[0]!
          : [undefined, undefined];
    if (key === undefined || !Object.hasOwn(states, key)) return null;
    const state: StateConfig = states[key]!;
    if (inner === undefined) return state.states ? null : state;
    states = state.states;
    current = inner;
  }
}

/** The `startAgent` params of an aiAgent node of the machine, if `node` is one. */
export function agentOf(
  config: MachineConfig,
  node: string,
): Extract<ActionRef, { type: 'startAgent' }>['params'] | undefined {
  if (!Object.hasOwn(config.states, node)) return undefined;
  const start = config.states[node]!.entry?.find(
    (a): a is Extract<ActionRef, { type: 'startAgent' }> => a.type === 'startAgent',
  );
  return start?.params;
}

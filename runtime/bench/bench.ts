/**
 * Performance figures for call sessions and the compiler (not a test: it
 * reports). Run with `npm run bench --workspace @callbot/runtime`.
 *
 * 1. Throughput: reception calls through `createCallSession` on a
 *    VirtualClock, against a bare xstate actor of the same compiled machine
 *    driven by the same events; rounds of both are interleaved.
 * 2. Memory: 10,000 live sessions waiting in the menu, heap measured with
 *    `global.gc` (the script re-runs itself with `--expose-gc` if needed).
 * 3. Compiler: validation and compilation (what `compileFlow` does) of a
 *    generated 2,000-node flow.
 *
 * Prints figures with their targets, then, as the last line, one JSON
 * object. Exits 0 when targets are missed (it is a report), 1 when something
 * is broken (a call does not end as expected, the generated flow has errors).
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  bindGuards,
  compileDocument,
  compileFlow,
  hasErrors,
  loadFlow,
  validateDocument,
  validateFlow,
  type ActionCatalogue,
  type CallEvent,
  type GuardCatalogue,
  type GuardEnv,
  type MachineConfig,
  type MachineContext,
  type MachineEvent,
} from '@callbot/shared';
import { assign, createActor, setup } from 'xstate';
import { VirtualClock } from '../src/clock/virtualClock.ts';
import { examples } from '../src/examples.ts';
import type { SessionMessage } from '../src/protocol.ts';
import { createCallSession, type CallSession } from '../src/session/session.ts';
import { generateLargeFlow } from './largeFlow.ts';

// ---- Re-run with --expose-gc when needed ----

const CHILD_FLAG = 'CALLBOT_BENCH_CHILD';

if (typeof globalThis.gc !== 'function') {
  if (process.env[CHILD_FLAG]) {
    console.error('bench: global.gc is still missing after re-running with --expose-gc');
    process.exit(1);
  }
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, [CHILD_FLAG]: '1' } },
  );
  if (child.error) console.error(child.error);
  process.exit(child.status ?? 1);
}

// ---- Settings and targets ----

/**
 * The targets: sessions run at least 0.83× the events/s of a bare
 * xstate actor of the same machine (overhead ratio ≤ 1.2), an idle live call
 * takes at most 4 KiB, and a 2,000-node flow validates and compiles in 50 ms.
 */
const TARGETS = {
  overheadRatio: 1.2,
  bytesPerSession: 4 * 1024,
  compile2000NodesMs: 50,
};

const CALLS_PER_ROUND = 2000;
const WARMUP_ROUNDS = 3;
const ROUNDS = 15;
/** Wrong keys per call: the reception menu repeats twice after a no-match. */
const WRONG_KEYS = 2;
const LIVE_SESSIONS = 10_000;
const FLOW_NODES = 2000;
const COMPILE_WARMUP = 5;
const COMPILE_RUNS = 15;

/** A Tuesday, 10:00 in São Paulo: the reception is open. */
const CALL_AT = '2026-11-24T10:00:00-03:00';
const CALL_MS = Date.parse(CALL_AT);

class BenchError extends Error {}

const gc = (): void => {
  // Several passes, so that weak references and finalizers settle.
  for (let i = 0; i < 3; i++) globalThis.gc!();
};
const heapUsed = (): number => process.memoryUsage().heapUsed;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

// ---- The call both sides play ----

const reception = examples.reception;
const receptionMachine = ((): MachineConfig => {
  const { machine, diagnostics } = compileFlow(reception);
  if (!machine) throw new BenchError(`reception does not compile: ${JSON.stringify(diagnostics)}`);
  return machine;
})();

const callStarted: CallEvent = {
  type: 'call.started',
  channel: 'line',
  direction: 'inbound',
  from: '+5511999990000',
  to: '+551130000000',
  at: CALL_AT,
};
const wrongKey: CallEvent = { type: 'dtmf', digit: '9' };
const rightKey: CallEvent = { type: 'dtmf', digit: '1' };
const answered: CallEvent = { type: 'transfer.result', outcome: 'answered' };
const promptEnded = (promptId: string): CallEvent => ({ type: 'prompt.ended', promptId });

/** Events of one call: started, greeting, menu, (wrong key, no-match message, menu) × 2, key, result. */
const EVENTS_PER_CALL = 3 + WRONG_KEYS * 3 + 2;

const directory = (team: string): number => (team === 'vendas' ? 3 : 0);

// ---- Sessions (the public API) ----

/** Runs `calls` reception calls through sessions; returns the events sent. */
function sessionCalls(calls: number): number {
  const clock = new VirtualClock(CALL_MS);
  // What the media layer has heard: the prompt being said, and how the call ended.
  const heard = { prompt: '', outcome: null as string | null };
  const listener = (m: SessionMessage): void => {
    if (m.channel === 'command') {
      if (m.command.type === 'say') heard.prompt = m.command.promptId;
    } else if (m.line.kind === 'end') {
      heard.outcome = m.line.outcome;
    }
  };
  let events = 0;
  for (let c = 0; c < calls; c++) {
    const session = createCallSession(reception, { clock, directory });
    session.subscribe(listener);
    heard.outcome = null;
    session.send(callStarted);
    session.send(promptEnded(heard.prompt)); // greeting
    session.send(promptEnded(heard.prompt)); // menu
    for (let k = 0; k < WRONG_KEYS; k++) {
      session.send(wrongKey);
      session.send(promptEnded(heard.prompt)); // "Opção inválida."
      session.send(promptEnded(heard.prompt)); // menu again
    }
    session.send(rightKey);
    session.send(answered);
    events += EVENTS_PER_CALL;
    if (heard.outcome !== 'transferred') {
      throw new BenchError(`a session call ended with ${String(heard.outcome)}, not transferred`);
    }
  }
  return events;
}

// ---- Bare xstate: the same compiled machine, no-op actions, the real guards ----

const bareEnv: GuardEnv = { now: () => CALL_MS, agentsAvailable: directory };
const noop = (): void => undefined;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no child actors
const bareSetup = setup<MachineContext, MachineEvent, {}, {}, ActionCatalogue, GuardCatalogue>({
  guards: bindGuards(() => bareEnv),
  actions: {
    startCall: noop,
    enterNode: noop,
    takePort: noop,
    say: noop,
    sayReply: noop,
    cancelSay: noop,
    listen: noop,
    resetCounters: assign({ noInput: 0, noMatch: 0 }),
    noInput: assign({ noInput: ({ context }) => context.noInput + 1 }),
    noMatch: assign({ noMatch: ({ context }) => context.noMatch + 1 }),
    noAgents: noop,
    transfer: noop,
    handoff: noop,
    hangup: noop,
    startAgent: noop,
    stopAgent: noop,
    agentHear: noop,
    end: noop,
  },
});
const bareMachine = bareSetup.createMachine(
  receptionMachine as unknown as Parameters<typeof bareSetup.createMachine>[0],
);

/** The same calls on bare actors; returns the events sent. */
function bareCalls(calls: number): number {
  let events = 0;
  for (let c = 0; c < calls; c++) {
    const actor = createActor(bareMachine);
    actor.start();
    actor.send(callStarted);
    actor.send(promptEnded('greeting#1'));
    actor.send(promptEnded('menu#2'));
    for (let k = 0; k < WRONG_KEYS; k++) {
      actor.send(wrongKey);
      actor.send(promptEnded('menu#3'));
      actor.send(promptEnded('menu#4'));
    }
    actor.send(rightKey);
    actor.send(answered);
    events += EVENTS_PER_CALL;
    const snapshot = actor.getSnapshot();
    if (snapshot.status !== 'done' || snapshot.value !== '_transferred') {
      throw new BenchError(`a bare xstate call ended in ${JSON.stringify(snapshot.value)}`);
    }
  }
  return events;
}

function throughput() {
  const rate = (run: (calls: number) => number): number => {
    const start = performance.now();
    const events = run(CALLS_PER_ROUND);
    return events / ((performance.now() - start) / 1000);
  };
  for (let r = 0; r < WARMUP_ROUNDS; r++) {
    rate(sessionCalls);
    rate(bareCalls);
  }
  const sessions: number[] = [];
  const bare: number[] = [];
  // Interleaved, and in alternating order, so drift on a noisy machine hits both alike.
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      sessions.push(rate(sessionCalls));
      bare.push(rate(bareCalls));
    } else {
      bare.push(rate(bareCalls));
      sessions.push(rate(sessionCalls));
    }
  }
  return {
    sessions: median(sessions),
    sessionsBest: Math.max(...sessions),
    bare: median(bare),
    bareBest: Math.max(...bare),
    // Each round's pair ran back to back: the median of their ratios is what load drift
    // disturbs least (a ratio of the two medians mixes rounds run under different loads).
    overheadRatio: median(bare.map((b, r) => b / sessions[r]!)),
  };
}

// ---- Memory: live sessions waiting in the menu ----

function liveSessions(count: number) {
  const clock = new VirtualClock(CALL_MS);
  let prompt = '';
  const listener = (m: SessionMessage): void => {
    if (m.channel === 'command' && m.command.type === 'say') prompt = m.command.promptId;
  };
  const open = (): CallSession => {
    const session = createCallSession(reception, { clock, directory });
    session.subscribe(listener);
    session.send(callStarted);
    session.send(promptEnded(prompt));
    session.send(promptEnded(prompt));
    return session;
  };
  open(); // the machine is built and cached before measuring
  const held: (CallSession | null)[] = new Array<CallSession | null>(count).fill(null);
  gc();
  const before = heapUsed();
  for (let i = 0; i < count; i++) held[i] = open();
  gc();
  const after = heapUsed();
  // Uses every session after the measure: all alive, all listening in the menu.
  let listening = 0;
  for (const session of held) {
    const s = session?.getSnapshot();
    if (s?.listening && s.node === 'menu' && s.status === 'in_call') listening++;
  }
  if (listening !== count) {
    throw new BenchError(`${count - listening} of ${count} sessions are not listening in the menu`);
  }
  return { bytes: (after - before) / count, sessions: listening };
}

/** The same for bare actors, for comparison: what xstate itself holds per call. */
function liveBareActors(count: number): number {
  const held: unknown[] = new Array<unknown>(count).fill(null);
  gc();
  const before = heapUsed();
  for (let i = 0; i < count; i++) {
    const actor = createActor(bareMachine);
    actor.start();
    actor.send(callStarted);
    actor.send(promptEnded('greeting#1'));
    actor.send(promptEnded('menu#2'));
    held[i] = actor;
  }
  gc();
  const after = heapUsed();
  if (held.some((a) => a === null)) throw new BenchError('an actor was lost');
  return (after - before) / count;
}

// ---- Compiler: a generated 2,000-node flow ----

function compileBig() {
  const doc = generateLargeFlow(FLOW_NODES);
  if (doc.nodes.length !== FLOW_NODES) {
    throw new BenchError(`generated ${doc.nodes.length} nodes, not ${FLOW_NODES}`);
  }
  // What `compileFlow` does, step by step: read the document through the schema, validate it,
  // compile it. (Validating separately first, as `validateFlow` then `compileFlow`, would do
  // the first two twice.)
  const run = () => {
    const t0 = performance.now();
    const loaded = loadFlow(doc);
    const t1 = performance.now();
    const diagnostics = loaded.ok ? validateDocument(loaded.doc) : loaded.diagnostics;
    const t2 = performance.now();
    const machine = loaded.ok && !hasErrors(diagnostics) ? compileDocument(loaded.doc) : null;
    const t3 = performance.now();
    return {
      diagnostics,
      compiled: { machine },
      total: t3 - t0,
      validate: t2 - t0,
      load: t1 - t0,
      compile: t3 - t2,
    };
  };
  const first = run();
  const errors = first.diagnostics.filter((d) => d.severity === 'error');
  if (
    JSON.stringify(first.compiled.machine) !== JSON.stringify(compileFlow(doc).machine) ||
    JSON.stringify(first.diagnostics) !== JSON.stringify(validateFlow(doc))
  ) {
    throw new BenchError('the measured steps do not give what compileFlow and validateFlow give');
  }
  if (errors.length > 0 || !first.compiled.machine) {
    const shown = errors.slice(0, 5).map((d) => `${d.code} ${d.nodeId ?? ''}: ${d.message}`);
    throw new BenchError(`the generated flow does not compile:\n  ${shown.join('\n  ')}`);
  }
  const machine = first.compiled.machine;
  const stateCount = Object.keys(machine.states).length;
  if (stateCount !== FLOW_NODES + 5) {
    throw new BenchError(`the machine has ${stateCount} states, not ${FLOW_NODES + 5}`);
  }
  for (let i = 1; i < COMPILE_WARMUP; i++) run();
  const runs = Array.from({ length: COMPILE_RUNS }, run);
  const best = runs.reduce((a, b) => (b.total < a.total ? b : a));

  // The machine runs: a call reaches the first menu and goes on to the second.
  let prompt = '';
  const session = createCallSession(machine, { clock: new VirtualClock(CALL_MS) });
  session.subscribe((m) => {
    if (m.channel === 'command' && m.command.type === 'say') prompt = m.command.promptId;
  });
  session.send(callStarted);
  session.send(promptEnded(prompt)); // greeting
  session.send(promptEnded(prompt)); // first menu
  session.send(rightKey); // vendas: message, schedule open, nobody at vendas-0, queue message
  session.send(promptEnded(prompt));
  session.send(promptEnded(prompt));
  session.send(promptEnded(prompt));
  const at = session.getSnapshot();
  if (at.node !== 'b1-menu' || !at.listening) {
    throw new BenchError(`a call on the generated flow is at ${String(at.node)}, not b1-menu`);
  }

  return {
    nodes: doc.nodes.length,
    warnings: first.diagnostics.length,
    jsonKiB: JSON.stringify(doc).length / 1024,
    best: best.total,
    bestValidate: best.validate,
    bestLoad: best.load,
    bestCompile: best.compile,
    median: median(runs.map((r) => r.total)),
  };
}

// ---- Report ----

function main(): void {
  console.log(
    `callbot runtime bench — node ${process.version}, ${process.platform}/${process.arch}`,
  );
  console.log('');

  const t = throughput();
  const overheadRatio = t.overheadRatio;
  console.log(
    `Throughput: reception calls (${EVENTS_PER_CALL} events each: started, greeting, menu, ` +
      `${WRONG_KEYS}× wrong key + 2 prompts, key 1, transfer answered), ` +
      `median of ${ROUNDS} interleaved rounds of ${fmt(CALLS_PER_ROUND)} calls`,
  );
  console.log(
    `  sessions (createCallSession)  ${fmt(t.sessions).padStart(10)} events/s  ` +
      `(${fmt(1e6 / t.sessions, 2)} µs/event; best ${fmt(t.sessionsBest)})`,
  );
  console.log(
    `  bare xstate v5 actor          ${fmt(t.bare).padStart(10)} events/s  ` +
      `(${fmt(1e6 / t.bare, 2)} µs/event; best ${fmt(t.bareBest)})`,
  );
  console.log(
    `  sessions / bare               ${fmt(1 / overheadRatio, 2).padStart(10)}×  target ≥ ` +
      `${fmt(1 / TARGETS.overheadRatio, 2)}×`,
  );
  console.log(
    `  overhead (median of bare/sessions per round)${fmt(overheadRatio, 2).padStart(9)}   ` +
      `target ≤ ${TARGETS.overheadRatio}  ${verdict(overheadRatio <= TARGETS.overheadRatio)}`,
  );
  console.log('');

  const mem = liveSessions(LIVE_SESSIONS);
  const bareBytes = liveBareActors(LIVE_SESSIONS);
  console.log(`Memory: ${fmt(mem.sessions)} live sessions listening in the menu`);
  console.log(
    `  bytes per session             ${fmt(mem.bytes).padStart(10)} B  ` +
      `(${fmt(mem.bytes / 1024, 2)} KiB)   target ≤ ${fmt(TARGETS.bytesPerSession)} B  ` +
      `${verdict(mem.bytes <= TARGETS.bytesPerSession)}`,
  );
  console.log(`  bare xstate actor, same state ${fmt(bareBytes).padStart(10)} B  (for comparison)`);
  console.log('');

  const c = compileBig();
  console.log(
    `Compiler: generated flow of ${fmt(c.nodes)} nodes (${fmt(c.jsonKiB)} KiB of JSON, ` +
      `${c.warnings} diagnostics)`,
  );
  console.log(
    `  validate + compile (compileFlow) ${fmt(c.best, 2).padStart(7)} ms  ` +
      `(best of ${COMPILE_RUNS}: load ${fmt(c.bestLoad, 2)} + validate ` +
      `${fmt(c.bestValidate - c.bestLoad, 2)} + compile ${fmt(c.bestCompile, 2)}; ` +
      `median ${fmt(c.median, 2)})   ` +
      `target ≤ ${TARGETS.compile2000NodesMs} ms  ${verdict(c.best <= TARGETS.compile2000NodesMs)}`,
  );
  console.log('');

  console.log(
    JSON.stringify({
      eventsPerSec: Math.round(t.sessions),
      xstateBaselineEventsPerSec: Math.round(t.bare),
      overheadRatio: Math.round(overheadRatio * 1000) / 1000,
      bytesPerSession: Math.round(mem.bytes),
      sessions: mem.sessions,
      compile2000NodesMs: Math.round(c.best * 100) / 100,
    }),
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof BenchError ? `bench: ${error.message}` : error);
  process.exit(1);
}

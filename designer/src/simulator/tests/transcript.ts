import { z } from 'zod';
import {
  callEventSchema,
  callOutcomeSchema,
  transferOutcomeSchema,
  type CallEvent,
} from '@callbot/shared';
import type { TraceLine } from '@callbot/runtime';

const t = z.number().min(0);
const text = z.string().max(100_000);

/**
 * The runtime's trace lines (the call protocol's output), to read stored
 * transcripts back: whatever IndexedDB holds is checked, never trusted.
 */
export const traceLineSchema: z.ZodType<TraceLine> = z.union([
  z.object({
    t,
    kind: z.literal('node'),
    id: text,
    type: text,
    label: text,
    via: text.optional(),
  }),
  z.object({ t, kind: z.literal('say'), promptId: text, text, interruptible: z.boolean() }),
  z.object({ t, kind: z.literal('say.cancel'), promptId: text }),
  z.object({ t, kind: z.literal('listen'), on: z.boolean() }),
  z.object({
    t,
    kind: z.literal('input'),
    event: callEventSchema,
    accepted: z.boolean(),
    reason: z.enum(['not_listening', 'no_match', 'call_over']).optional(),
  }),
  z.object({ t, kind: z.literal('noinput'), count: z.int().min(0) }),
  z.object({
    t,
    kind: z.literal('transfer'),
    team: text,
    outcome: z.union([z.literal('no_agents'), z.literal('queued'), transferOutcomeSchema]),
  }),
  z.object({ t, kind: z.literal('handoff'), bot: text }),
  z.object({ t, kind: z.literal('handoff'), agent: text }),
  z.object({ t, kind: z.literal('hangup'), reason: text }),
  z.object({ t, kind: z.literal('agent.error'), message: text }),
  z.object({
    t,
    kind: z.literal('end'),
    outcome: callOutcomeSchema,
    durationMs: t,
    error: text.optional(),
  }),
]);

export const transcriptSchema = z.array(traceLineSchema).max(100_000);

/** `mm:ss.mmm` of virtual time. */
export function formatTime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return `${String(minutes).padStart(2, '0')}:${seconds.toFixed(3).padStart(6, '0')}`;
}

function describeEvent(event: CallEvent): string {
  switch (event.type) {
    case 'dtmf':
      return `dtmf ${event.digit}`;
    case 'speech':
      return `speech ${JSON.stringify(event.text)}`;
    case 'agent.reply':
      return `agent.reply ${JSON.stringify(event.text)}${event.done ? ' (done)' : ''}`;
    case 'transfer.result':
      return `transfer.result ${event.outcome}`;
    case 'call.ended':
      return `call.ended by ${event.by}`;
    default:
      return event.type;
  }
}

function describeLine(line: TraceLine): string {
  switch (line.kind) {
    case 'node':
      return `node ${line.id} (${line.type})`;
    case 'say':
      return `say ${JSON.stringify(line.text)}${line.interruptible ? ' (interruptible)' : ''}`;
    case 'say.cancel':
      return 'say.cancel';
    case 'listen':
      return `listen ${line.on ? 'on' : 'off'}`;
    case 'input':
      return `input ${describeEvent(line.event)} ${
        line.accepted ? 'accepted' : `ignored (${line.reason ?? 'unknown'})`
      }`;
    case 'noinput':
      return `noinput ${line.count}`;
    case 'transfer':
      return `transfer ${line.team} ${line.outcome}`;
    case 'handoff':
      return 'bot' in line ? `handoff bot ${line.bot}` : `handoff agent ${line.agent}`;
    case 'hangup':
      return `hangup ${line.reason}`;
    case 'agent.error':
      return `agent.error ${JSON.stringify(line.message)}`;
    case 'end':
      return `end ${line.outcome} after ${formatTime(line.durationMs)}${
        line.error ? ` ${JSON.stringify(line.error)}` : ''
      }`;
  }
}

/**
 * A transcript as the lines a test compares: the time, then what happened
 * (nodes by id and kind, what was said, inputs and whether they were taken,
 * transfers, hand-offs, the outcome). Prompt ids and node labels are left out:
 * they are names, not behaviour.
 *
 * @example normalizeTranscript([{ t: 500, kind: 'input', event: { type: 'dtmf', digit: '3' }, accepted: false, reason: 'not_listening' }])
 * // ['00:00.500 input dtmf 3 ignored (not_listening)']
 */
export function normalizeTranscript(lines: readonly TraceLine[]): string[] {
  return lines.map((line) => `${formatTime(line.t)} ${describeLine(line)}`);
}

export type DiffLine = { op: 'same' | 'removed' | 'added'; text: string };

/**
 * A line-based difference (longest common subsequence): `removed` lines are
 * expected but missing, `added` ones appeared instead; in order, as a unified
 * diff reads.
 */
export function diffLines(expected: readonly string[], actual: readonly string[]): DiffLine[] {
  const n = expected.length;
  const m = actual.length;
  // lcs[i][j]: the common length of expected[i..] and actual[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        expected[i] === actual[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      out.push({ op: 'same', text: expected[i++]! });
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ op: 'removed', text: expected[i++]! });
    } else {
      out.push({ op: 'added', text: actual[j++]! });
    }
  }
  return out;
}

/** One row of expected against actual: the same line, a line that differs, or one on one side only. */
export type AlignedRow =
  | { op: 'same' | 'changed'; expected: TraceLine; actual: TraceLine }
  | { op: 'removed'; expected: TraceLine }
  | { op: 'added'; actual: TraceLine };

/**
 * The expected and actual transcripts side by side, aligned on the lines
 * they share (`diffLines` of their `normalize`d lines): between two shared
 * lines, what was expected and what happened instead are paired row by row
 * (`changed`); what is left over is on one side only.
 */
export function alignTranscripts(
  expected: readonly TraceLine[],
  actual: readonly TraceLine[],
  normalize: (lines: readonly TraceLine[]) => string[] = normalizeTranscript,
): AlignedRow[] {
  const diff = diffLines(normalize(expected), normalize(actual));
  const rows: AlignedRow[] = [];
  let removed: TraceLine[] = [];
  let added: TraceLine[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const e = removed[k];
      const a = added[k];
      if (e && a) rows.push({ op: 'changed', expected: e, actual: a });
      else if (e) rows.push({ op: 'removed', expected: e });
      else if (a) rows.push({ op: 'added', actual: a });
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const line of diff) {
    if (line.op === 'same') {
      flush();
      rows.push({ op: 'same', expected: expected[i++]!, actual: actual[j++]! });
    } else if (line.op === 'removed') removed.push(expected[i++]!);
    else added.push(actual[j++]!);
  }
  flush();
  return rows;
}

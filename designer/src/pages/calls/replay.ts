import { simulateCall, type Script, type TraceLine } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import {
  alignTranscripts,
  normalizeTranscript,
  type AlignedRow,
} from '../../simulator/tests/transcript.ts';

/**
 * A transcript as behaviour, without times: a real call's prompts last as
 * long as the voice took to say them and its no-input waits as long as the
 * network took, so the replay (in virtual time) is compared on what happened,
 * in order, not when.
 */
export const behaviourOf = (lines: readonly TraceLine[]): string[] =>
  normalizeTranscript(lines).map((line) =>
    line.slice(line.indexOf(' ') + 1).replace(/ after \d+:\d\d\.\d{3}/, ''),
  );

export type Replay =
  | { ok: true; same: boolean; rows: AlignedRow[]; actual: TraceLine[] }
  | { ok: false; error: string };

/**
 * Runs a recorded call's script (`scriptOfCall`) on a flow, in virtual
 * time, and lines up what the call did with what the flow does now: `same`
 * when every line matches; otherwise `rows` shows where they part.
 */
export function replayCall(
  doc: FlowDocument,
  script: Script,
  recorded: readonly TraceLine[],
): Replay {
  let actual: TraceLine[];
  try {
    actual = simulateCall(doc, script).lines;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const rows = alignTranscripts(recorded, actual, behaviourOf);
  return { ok: true, same: rows.every((r) => r.op === 'same'), rows, actual };
}

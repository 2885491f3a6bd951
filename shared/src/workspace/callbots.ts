import { refuse, type Refusal } from './result.ts';
import type { Line, Team } from './schema.ts';

export type AssignResult =
  | {
      ok: true;
      /** The lines after the assignment: the same array when nothing changed. */
      lines: Line[];
      /** The callbot the line had before, when `replace` took it off. */
      replaced?: string;
    }
  | (Refusal<'line.notFound' | 'R3.lineHasCallbot'> & { currentCallbotId?: string });

/** A line's number, when it has one (a SIP line may have none). */
const numberOf = (line: Line): string | undefined => line.number;

/**
 * The lines that carry the same number as `line`, itself included: one
 * number has one callbot across its WhatsApp and voice lines (R6, R3).
 */
export function linesOfNumber(lines: readonly Line[], line: Line): Line[] {
  const number = numberOf(line);
  return number === undefined
    ? [line]
    : lines.filter((l) => l.id === line.id || numberOf(l) === number);
}

/**
 * R3: gives the line `lineId` the callbot `callbotId`. A line has at most one
 * callbot: when it already has another one, the assignment is refused with
 * the current one named, unless `replace` is set, in which case the result
 * says which callbot was replaced. Assigning the callbot a line already has
 * changes nothing. R6: one number has one callbot, so the lines carrying the
 * same number (its WhatsApp line and its voice line) get it too, under the
 * same rule.
 */
export function assignCallbot(
  lines: Line[],
  lineId: string,
  callbotId: string,
  { replace = false }: { replace?: boolean } = {},
): AssignResult {
  const line = lines.find((l) => l.id === lineId);
  if (line === undefined) {
    return refuse('line.notFound', `There is no line "${lineId}".`, { lineId });
  }
  const twins = linesOfNumber(lines, line);
  const current = [line, ...twins].find(
    (l) => l.callbotId !== undefined && l.callbotId !== callbotId,
  )?.callbotId;
  if (current !== undefined && !replace) {
    return {
      ...refuse(
        'R3.lineHasCallbot',
        `This line is already answered by the callbot "${current}"; a line has one callbot. Replace it to answer with "${callbotId}" instead.`,
        { lineId, current, callbotId },
      ),
      currentCallbotId: current,
    };
  }
  const ids = new Set(twins.map((l) => l.id));
  if (twins.every((l) => l.callbotId === callbotId)) return { ok: true, lines };
  const next = lines.map((l) =>
    ids.has(l.id) && l.callbotId !== callbotId ? { ...l, callbotId } : l,
  );
  return current === undefined
    ? { ok: true, lines: next }
    : { ok: true, lines: next, replaced: current };
}

/**
 * R6: the callbot a new line takes: the one of the lines that already carry
 * its number (one number, one callbot), or none.
 */
export function callbotOfNumber(lines: readonly Line[], line: Line): string | undefined {
  return linesOfNumber(lines, line).find((l) => l.id !== line.id && l.callbotId !== undefined)
    ?.callbotId;
}

/**
 * Takes the callbot off one line, and off the lines carrying its number (R6);
 * the default callbot answers them then (R9).
 */
export function unassignCallbot(lines: Line[], lineId: string): Line[] {
  const line = lines.find((l) => l.id === lineId);
  if (line === undefined) return lines;
  const ids = new Set(linesOfNumber(lines, line).map((l) => l.id));
  return releaseLines(lines, (l) => ids.has(l.id));
}

/**
 * When a flow stops being a callbot or is deleted: every line it answered is
 * left without a callbot, so the default callbot answers there (R9).
 * `released` lists those lines' ids; `lines` is the same array when none.
 */
export function releaseCallbot(
  lines: Line[],
  flowId: string,
): { lines: Line[]; released: string[] } {
  const released = lines.filter((l) => l.callbotId === flowId).map((l) => l.id);
  return { lines: releaseLines(lines, (l) => l.callbotId === flowId), released };
}

function releaseLines(lines: Line[], which: (line: Line) => boolean): Line[] {
  if (!lines.some((l) => which(l) && l.callbotId !== undefined)) return lines;
  return lines.map((line) => {
    if (!which(line) || line.callbotId === undefined) return line;
    const { callbotId: _released, ...rest } = line;
    return rest;
  });
}

/**
 * The workspace's default team: the one `defaultTeamId` names when it is a
 * team, otherwise the team marked as the default, otherwise none.
 */
export function defaultTeamOf(teams: readonly Team[], defaultTeamId?: string): Team | undefined {
  return (
    teams.find((t) => defaultTeamId !== undefined && t.id === defaultTeamId) ??
    teams.find((t) => t.isDefault)
  );
}

export type AnsweringCallbot =
  | { kind: 'assigned'; callbotId: string }
  | {
      kind: 'default';
      /** The default team's id the default callbot transfers to; absent when the workspace has none. */
      team?: string;
      /** Why the default callbot answers: no callbot on the line, or its flow is no longer a callbot. */
      reason: 'none' | 'notCallbot';
    };

/**
 * R9: who answers calls on `line`. Its callbot when it has one that is still
 * a callbot; otherwise the default callbot, which transfers to the default
 * team ("answered by the default callbot, which transfers to <team>").
 */
export function answeringCallbot(
  line: Pick<Line, 'callbotId'>,
  { callbots, defaultTeamId }: { callbots: Iterable<string>; defaultTeamId?: string },
): AnsweringCallbot {
  const id = line.callbotId;
  if (id !== undefined && new Set(callbots).has(id)) return { kind: 'assigned', callbotId: id };
  const reason = id === undefined ? 'none' : 'notCallbot';
  return defaultTeamId === undefined
    ? { kind: 'default', reason }
    : { kind: 'default', team: defaultTeamId, reason };
}

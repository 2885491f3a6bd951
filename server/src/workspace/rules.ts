/**
 * R2 on the server: the rules that keep WhatsApp calls enabled only while
 * the line's reception callbot is ready (it checks a schedule and transfers
 * to teams that exist and have agents; see `whatsappCallingChecklist`).
 *
 * - Enabling calls on a line (writing it with `callsEnabled: true`) is
 *   refused with 409 `R2.checklistIncomplete` naming what is missing.
 * - A change that breaks the checklist of a line whose calls are enabled
 *   (its callbot taken off or replaced, the flow saved without its schedule
 *   or transfer, a team emptied, renamed away or deleted, a schedule
 *   emptied, a workspace imported) turns that line's calls off, in the same
 *   transaction, with the reason kept on the line (`callsTurnedOff`). We
 *   turn calls off rather than refuse the change: flows are autosaved while
 *   they are drawn, and the FAQ's point is that customers never see a call
 *   button that reaches a callbot not ready to receive them.
 *
 * And R19/R6 on a line written: a SIP line's number is refused as a
 * personal mobile only where its type is certain, the business declaring it
 * otherwise (`numberDeclared`); one number has one callbot across its
 * WhatsApp and voice lines (a new line takes the callbot of its number).
 *
 * The store calls these from its write paths, inside the transaction that
 * writes; `RulesIo` is how they read and write there.
 */
import {
  callbotOfNumber,
  canEnableWhatsAppCalls,
  checkLineNumber,
  linesOfNumber,
  linesToTurnOff,
  type ChecklistCallbot,
  type CallsTurnedOff,
  type Line,
  type Team,
  type WhatsAppLine,
} from '@callbot/shared';
import { WorkspaceError, type Change } from './store.ts';

/** What the rules read and write, in the writing transaction. */
export interface RulesIo {
  /** The workspace's lines (the caller may lock them). */
  lines(): Promise<Line[]>;
  teams(): Promise<Team[]>;
  /**
   * A flow of the workspace as the checklist reads it, read `FOR SHARE` so a
   * concurrent save of it waits for this transaction (and the other way round).
   */
  flow(id: string): Promise<ChecklistCallbot | undefined>;
  writeLine(line: Line): Promise<Change>;
  now(): number;
}

/**
 * R2: a line about to be written. When it has WhatsApp calls enabled, its
 * checklist must hold (else 409 naming what is missing); a line enabled
 * again loses the reason calls were turned off.
 */
export async function checkEnabledCalls(io: RulesIo, line: Line): Promise<Line> {
  if (line.kind !== 'whatsapp' || !line.callsEnabled) return line;
  const reception = line.callbotId === undefined ? undefined : await io.flow(line.callbotId);
  const verdict = canEnableWhatsAppCalls({ line, teams: await io.teams(), reception });
  if (!verdict.ok) {
    throw new WorkspaceError(409, verdict.code, verdict.message, {
      ...('missing' in verdict && { missing: verdict.missing }),
    });
  }
  const { callsTurnedOff: _cleared, ...enabled } = line;
  return enabled;
}

/**
 * R2 after a change: every WhatsApp line with calls enabled whose checklist
 * no longer holds gets its calls turned off, with the reason. Returns the
 * lines' changes and what was turned off.
 */
export async function keepCallingChecklist(
  io: RulesIo,
): Promise<{ changes: Change[]; turnedOff: CallsTurnedOff[] }> {
  const enabled = (await io.lines()).filter(
    (l): l is WhatsAppLine => l.kind === 'whatsapp' && l.callsEnabled,
  );
  if (enabled.length === 0) return { changes: [], turnedOff: [] };
  const teams = await io.teams();
  const receptions = new Map<string, ChecklistCallbot | undefined>();
  for (const id of new Set(enabled.flatMap((l) => (l.callbotId ? [l.callbotId] : [])))) {
    receptions.set(id, await io.flow(id));
  }
  const changes: Change[] = [];
  const turnedOff: CallsTurnedOff[] = [];
  for (const { line, off } of linesToTurnOff(
    enabled,
    teams,
    (l) => (l.callbotId === undefined ? undefined : receptions.get(l.callbotId)),
    io.now(),
  )) {
    changes.push(await io.writeLine(line));
    turnedOff.push(off);
  }
  return { changes, turnedOff };
}

/**
 * R19, R6, R2 on a line about to be written (`isNew` when it is not stored
 * yet): its number's check, its number's callbot, and its calls' checklist.
 * Returns the line to write, or throws the refusal naming the field.
 */
export async function checkLineRules(io: RulesIo, line: Line, isNew: boolean): Promise<Line> {
  const lines = (await io.lines()).filter((l) => l.id !== line.id);
  if (line.kind === 'sip' && line.number !== undefined) {
    const whatsappBusiness = lines.some((l) => l.kind === 'whatsapp' && l.number === line.number);
    const checked = checkLineNumber(line.number, {
      whatsappBusiness,
      ...(line.numberDeclared && { declared: line.numberDeclared }),
    });
    if (!checked.ok) {
      throw new WorkspaceError(422, checked.code, `The line: number: ${checked.message}`, {
        problems: [{ path: 'number', message: checked.message }],
      });
    }
  }
  let written = line;
  const ofNumber = callbotOfNumber([...lines, line], line);
  if (isNew && line.callbotId === undefined && ofNumber !== undefined) {
    written = { ...line, callbotId: ofNumber };
  }
  const other = linesOfNumber([...lines, written], written).find(
    (l) => l.callbotId !== written.callbotId,
  );
  if (other !== undefined) {
    throw new WorkspaceError(
      409,
      'R6.numberHasCallbot',
      `The line: its number ${written.number ?? ''} is also the line ${other.id}, answered by ${
        other.callbotId === undefined ? 'the default callbot' : `the callbot "${other.callbotId}"`
      }: one number has one callbot across its WhatsApp and voice lines.`,
      { problems: [{ path: 'number', message: 'this number is answered by another callbot' }] },
    );
  }
  return checkEnabledCalls(io, written);
}

import type { CallsTurnedOff } from '../api/workspace.ts';
import type { FlowDocument, FlowNode } from '../document/schema.ts';
import { reachableFrom, successors } from '../validation/graph.ts';
import { findNamed } from './names.ts';
import { refuse, type Refusal } from './result.ts';
import type { checklistItemIds, Team, WhatsAppLine } from './schema.ts';

export type ChecklistItemId = (typeof checklistItemIds)[number];

export interface ChecklistItem {
  id: ChecklistItemId;
  done: boolean;
  /** What the item asks for, or what is wrong with it, in English; the UI translates `id` and `params`. */
  message: string;
  /** For a missing item: the teams that do not exist or have no agents (`teamWithAgents`). */
  params?: Readonly<Record<string, string>>;
}

/** A flow of the workspace as the checklist reads it. */
export interface ChecklistCallbot {
  id: string;
  /** Whether the flow is marked as a callbot (only callbots answer lines, R10). */
  callbot: boolean;
  doc: FlowDocument;
}

export interface ChecklistInput {
  /** The WhatsApp line whose calls are (to be) enabled. */
  line: WhatsAppLine;
  /** The workspace's teams. */
  teams: readonly Team[];
  /**
   * The line's callbot (the flow `line.callbotId` names), when it exists.
   * Other flows of the workspace play no part: R2 asks about the callbot
   * that answers this line.
   */
  reception: ChecklistCallbot | undefined;
}

/** Node kinds that only speak or end the call: a flow made of them alone receives nobody. */
const SPEAKING_ONLY: ReadonlySet<string> = new Set(['greeting', 'message', 'hangup']);

/** The nodes a call can reach from the flow's greeting (none when it has no greeting). */
export function reachableNodes(doc: FlowDocument): FlowNode[] {
  const start = doc.nodes.find((n) => n.kind === 'greeting');
  if (start === undefined) return [];
  const reached = reachableFrom(successors(doc), start.id);
  return doc.nodes.filter((n) => reached.has(n.id));
}

/**
 * R2 as the FAQ means it: enabling WhatsApp calls shows customers the call
 * button at once, so it waits until the LINE's reception callbot is ready:
 *
 * - `receptionCallbot`: a callbot is assigned to this line, and its flow does
 *   more than speak and hang up (a fresh greeting → hang-up flow receives
 *   nobody);
 * - `openingHours`: that flow checks a schedule with opening hours on a path a
 *   call can take;
 * - `teamWithAgents`: that flow transfers to teams (at least one transfer a
 *   call can reach), and every team it transfers to exists in the workspace
 *   and has agents (found by its name as a call finds it: `findNamed`).
 *
 * Schedules and teams the reception callbot does not use do not count.
 */
export function whatsappCallingChecklist(input: ChecklistInput): ChecklistItem[] {
  const { line, teams } = input;
  const reception =
    input.reception !== undefined &&
    input.reception.id === line.callbotId &&
    input.reception.callbot
      ? input.reception
      : undefined;
  const nodes = reception === undefined ? [] : reachableNodes(reception.doc);

  const receives = nodes.some((n) => !SPEAKING_ONLY.has(n.kind));
  const receptionItem: ChecklistItem = {
    id: 'receptionCallbot',
    done: receives,
    message:
      line.callbotId === undefined
        ? 'A reception callbot: no callbot answers this line yet.'
        : reception === undefined
          ? 'A reception callbot: the flow assigned to this line is not a callbot of the workspace.'
          : receives
            ? 'A reception callbot answers this line.'
            : 'A reception callbot: the line’s callbot only speaks and hangs up; draw how it receives callers.',
  };

  const hours = nodes.some((n) => n.kind === 'schedule' && n.data.weekly.length > 0);
  const hoursItem: ChecklistItem = {
    id: 'openingHours',
    done: hours,
    message: hours
      ? 'The reception callbot checks the opening hours.'
      : 'Opening hours: the reception callbot does not check a schedule with opening hours.',
  };

  const transferred = [
    ...new Set(nodes.flatMap((n) => (n.kind === 'transfer' ? [n.data.team.trim()] : []))),
  ];
  const unready = transferred.filter((ref) => (findNamed(teams, ref)?.agents ?? 0) === 0);
  const teamsDone = transferred.length > 0 && unready.length === 0;
  const teamsItem: ChecklistItem = {
    id: 'teamWithAgents',
    done: teamsDone,
    message: teamsDone
      ? 'The reception callbot transfers to teams with agents.'
      : transferred.length === 0
        ? 'Answering teams: the reception callbot does not transfer to a team.'
        : `Answering teams: ${unready.map((r) => `"${r || '(none)'}"`).join(', ')} ${
            unready.length === 1 ? 'does' : 'do'
          } not exist or ${unready.length === 1 ? 'has' : 'have'} no agents.`,
    ...(unready.length > 0 && { params: { teams: unready.join(', ') } }),
  };

  return [receptionItem, hoursItem, teamsItem];
}

export type ChecklistRefusal = Refusal<'R2.checklistIncomplete'> & {
  missing: ChecklistItemId[];
};

/** The checklist's missing items as one refusal, or `undefined` when nothing is missing. */
export function checklistRefusal(
  items: readonly ChecklistItem[],
  lead: string,
): ChecklistRefusal | undefined {
  const missing = items.filter((item) => !item.done);
  if (missing.length === 0) return undefined;
  return {
    ...refuse(
      'R2.checklistIncomplete',
      `${lead} Missing: ${missing.map((m) => m.message).join(' ')}`,
      {
        missing: missing.map((m) => m.id).join(','),
      },
    ),
    missing: missing.map((m) => m.id),
  };
}

/**
 * R2: whether WhatsApp calls can be enabled on the line: refused while the
 * number's calling feature is off (R1) or an item of the checklist is
 * missing, the missing ones listed.
 */
export function canEnableWhatsAppCalls(
  input: ChecklistInput,
): { ok: true } | Refusal<'R1.callingOff'> | ChecklistRefusal {
  if (!input.line.calling) {
    return refuse(
      'R1.callingOff',
      `${input.line.number} does not have the WhatsApp calling feature on, so calls cannot be enabled.`,
      { number: input.line.number },
    );
  }
  return (
    checklistRefusal(
      whatsappCallingChecklist(input),
      'Calls cannot be enabled yet: customers would see the call button at once.',
    ) ?? { ok: true }
  );
}

/**
 * R2 kept after enabling: for each WhatsApp line with calls enabled whose
 * checklist a change has broken, the line with calls turned off and why.
 * We choose to turn calls off rather than refuse the change: the change may
 * be a flow's autosave or taking the callbot off the line, which the FAQ
 * says must not leave customers a call button to a line nobody receives
 * properly; the reason is kept on the line for the Channels page to show.
 * `receptionOf` gives each line's callbot (after the change).
 */
export function linesToTurnOff(
  lines: readonly WhatsAppLine[],
  teams: readonly Team[],
  receptionOf: (line: WhatsAppLine) => ChecklistCallbot | undefined,
  at: number,
): { line: WhatsAppLine; off: CallsTurnedOff }[] {
  return lines.flatMap((line) => {
    if (!line.callsEnabled) return [];
    const refusal = checklistRefusal(
      whatsappCallingChecklist({ line, teams, reception: receptionOf(line) }),
      `WhatsApp calls on ${line.number} were turned off: customers would have reached a callbot that is not ready.`,
    );
    if (refusal === undefined) return [];
    const off: CallsTurnedOff = {
      lineId: line.id,
      number: line.number,
      missing: refusal.missing,
      message: refusal.message,
    };
    return [
      {
        line: {
          ...line,
          callsEnabled: false,
          callsTurnedOff: { at, missing: refusal.missing },
        },
        off,
      },
    ];
  });
}

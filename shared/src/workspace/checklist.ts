import type { FlowDocument } from '../document/schema.ts';
import { defaultTeamOf } from './callbots.ts';
import { refuse, type Refusal } from './result.ts';
import type { NamedSchedule, Team, WhatsAppLine } from './schema.ts';

export type ChecklistItemId =
  'openingHours' | 'teamWithAgents' | 'defaultTeam' | 'receptionCallbot';

export interface ChecklistItem {
  id: ChecklistItemId;
  done: boolean;
  /** What the item asks for, in English; the UI translates `id`. */
  message: string;
}

export interface ChecklistInput {
  /** The WhatsApp line whose calls are to be enabled. */
  line: WhatsAppLine;
  teams: readonly Team[];
  schedules: readonly NamedSchedule[];
  defaultTeamId?: string;
  /** The workspace's callbots (flows marked as callbots), with their documents. */
  callbots: readonly { id: string; doc: FlowDocument }[];
}

/**
 * R2: what must be set before WhatsApp calls are enabled, since enabling
 * shows customers the call button at once: opening hours (a named schedule
 * with hours, or a schedule in the reception callbot with hours), a team
 * with agents, a default team, and a reception callbot on the line.
 */
export function whatsappCallingChecklist(input: ChecklistInput): ChecklistItem[] {
  const reception = input.callbots.find((c) => c.id === input.line.callbotId);
  const receptionHasHours =
    reception?.doc.nodes.some((n) => n.kind === 'schedule' && n.data.weekly.length > 0) ?? false;
  return [
    {
      id: 'openingHours',
      done: input.schedules.some((s) => s.weekly.length > 0) || receptionHasHours,
      message: 'Opening hours: a schedule with opening hours.',
    },
    {
      id: 'teamWithAgents',
      done: input.teams.some((t) => t.agents > 0),
      message: 'Answering teams: a team with at least one agent.',
    },
    {
      id: 'defaultTeam',
      done: defaultTeamOf(input.teams, input.defaultTeamId) !== undefined,
      message: 'A default team, which takes the calls the callbots transfer by default.',
    },
    {
      id: 'receptionCallbot',
      done: reception !== undefined,
      message: 'A reception callbot assigned to this WhatsApp line.',
    },
  ];
}

/**
 * R2: whether WhatsApp calls can be enabled on the line: refused while the
 * number's calling feature is off (R1) or an item of the checklist is
 * missing, the missing ones listed.
 */
export function canEnableWhatsAppCalls(
  input: ChecklistInput,
):
  | { ok: true }
  | Refusal<'R1.callingOff'>
  | (Refusal<'R2.checklistIncomplete'> & { missing: ChecklistItemId[] }) {
  if (!input.line.calling) {
    return refuse(
      'R1.callingOff',
      `${input.line.number} does not have the WhatsApp calling feature on, so calls cannot be enabled.`,
      { number: input.line.number },
    );
  }
  const missing = whatsappCallingChecklist(input).filter((item) => !item.done);
  if (missing.length > 0) {
    return {
      ...refuse(
        'R2.checklistIncomplete',
        `Calls cannot be enabled yet: customers would see the call button at once. Missing: ${missing
          .map((m) => m.message)
          .join(' ')}`,
        { missing: missing.map((m) => m.id).join(',') },
      ),
      missing: missing.map((m) => m.id),
    };
  }
  return { ok: true };
}

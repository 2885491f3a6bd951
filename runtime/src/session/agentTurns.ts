/**
 * The AI agent's turns: the conversation an aiAgent node holds with the
 * caller (bounded, so a long call does not make the saved call grow without
 * end), the requests made of the adapter, and the check of what it answers.
 */
import { MAX_AGENT_TEXT } from '@callbot/shared';
import { z } from '@callbot/shared/zod';
import type { AgentMessage, AgentTurn, AgentTurnRequest } from '../agents/adapter.ts';

/**
 * How much of the conversation an agent remembers: the most recent messages,
 * at most this many and this many characters in all. What is older is in the
 * trace (the `say` and `input` lines), not in the session nor its saved call.
 *
 * @example
 * const budget = AGENT_MEMORY.characters; // what a model is sent at most, besides its instructions
 */
export const AGENT_MEMORY = { messages: 40, characters: 24_000 } as const;

/** What an adapter must answer; extra fields are ignored. */
const agentTurnSchema = z.object({
  text: z.string(),
  done: z.boolean().optional(),
  transfer: z.boolean().optional(),
});

/** An adapter's answer, checked: a turn to deliver, or why it cannot be one. */
export type CheckedTurn = { ok: true; turn: AgentTurn } | { ok: false; why: string };

/** Checks what an adapter answered, never trusting it: any value may come back from a model's glue code. */
export function checkAgentTurn(value: unknown): CheckedTurn {
  const parsed = agentTurnSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return {
      ok: false,
      why: `the agent's turn is not { text, done?, transfer? } (${where}${issue?.message ?? 'invalid'})`,
    };
  }
  const { text, done, transfer } = parsed.data;
  if (text.length > MAX_AGENT_TEXT) {
    return {
      ok: false,
      why: `the agent's turn is ${text.length} characters long; a turn is at most ${MAX_AGENT_TEXT}`,
    };
  }
  return { ok: true, turn: { text, ...(done && { done }), ...(transfer && { transfer }) } };
}

/** One aiAgent node's conversation with the caller. */
export class AgentConversation {
  /** Turns asked of the adapter and not answered yet. */
  awaiting = 0;

  constructor(
    readonly node: string,
    readonly instructions: string,
    readonly endpoint: string,
    readonly messages: AgentMessage[] = [],
  ) {}

  /** Adds a message, forgetting the oldest beyond `AGENT_MEMORY`. */
  add(role: AgentMessage['role'], content: string): void {
    this.messages.push({ role, content });
    let characters = 0;
    for (const m of this.messages) characters += m.content.length;
    let drop = Math.max(0, this.messages.length - AGENT_MEMORY.messages);
    for (let i = 0; i < drop; i++) characters -= this.messages[i]!.content.length;
    while (characters > AGENT_MEMORY.characters && drop < this.messages.length - 1) {
      characters -= this.messages[drop]!.content.length;
      drop++;
    }
    if (drop > 0) this.messages.splice(0, drop);
  }

  /** What the adapter is asked: a copy, so nothing it does changes the conversation. */
  request(): AgentTurnRequest {
    return {
      node: this.node,
      instructions: this.instructions,
      endpoint: this.endpoint,
      messages: this.messages.map((m) => ({ ...m })),
    };
  }
}

import { z } from 'zod';

/**
 * The events a call sends to the runtime (see the call protocol). The
 * compiled machine reacts to these, plus nothing else.
 */
export const callStartedEvent = z.strictObject({
  type: z.literal('call.started'),
  callId: z.string().max(200).optional(),
  channel: z.enum(['line', 'whatsapp', 'sip']),
  direction: z.enum(['inbound', 'outbound']),
  from: z.string().max(64),
  to: z.string().max(64),
  /** ISO 8601 with offset, e.g. `2026-11-24T10:00:00-03:00`. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export const promptEndedEvent = z.strictObject({
  type: z.literal('prompt.ended'),
  promptId: z.string().max(200).optional(),
});
export const dtmfEvent = z.strictObject({
  type: z.literal('dtmf'),
  digit: z.enum(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']),
});
export const speechEvent = z.strictObject({
  type: z.literal('speech'),
  text: z.string().max(2000),
  confidence: z.number().min(0).max(1).optional(),
});
/** What became of a `transfer`: the media layer's answer. */
export const transferOutcomeSchema = z.enum(['answered', 'no_answer', 'busy', 'failed']);
export type TransferOutcome = z.infer<typeof transferOutcomeSchema>;

export const transferResultEvent = z.strictObject({
  type: z.literal('transfer.result'),
  outcome: transferOutcomeSchema,
});
/** The longest turn an AI agent may take, in characters (an `agent.reply`'s `text`). */
export const MAX_AGENT_TEXT = 8000;

export const agentReplyEvent = z.strictObject({
  type: z.literal('agent.reply'),
  text: z.string().max(MAX_AGENT_TEXT),
  /** The agent is finished: say the text, then take the `done` port. */
  done: z.boolean().optional(),
  /** The agent asks for a person: say the text, then take the `transfer` port. */
  transfer: z.boolean().optional(),
});
export const callEndedEvent = z.strictObject({
  type: z.literal('call.ended'),
  by: z.enum(['caller', 'network']),
});

export const callEventSchema = z.discriminatedUnion('type', [
  callStartedEvent,
  promptEndedEvent,
  dtmfEvent,
  speechEvent,
  transferResultEvent,
  agentReplyEvent,
  callEndedEvent,
]);
export type CallEvent = z.infer<typeof callEventSchema>;
export type CallEventType = CallEvent['type'];

/**
 * Events the runtime itself sends to the machine, never the call: the
 * no-input timer started by `listen` has run out, or a transfer's longest
 * wait in the queue has (`transfer`'s `maxWaitMs`).
 */
export type InternalEvent = { type: 'timer.noInput' } | { type: 'timer.queue' };

/** Everything the compiled machine reacts to. */
export type MachineEvent = CallEvent | InternalEvent;

/**
 * How a call ends (see the call protocol): put through to a team, handed to
 * a fallback bot, hung up by the bot, hung up by the caller (or the line),
 * or `error` when a safety cap or a runtime fault stops the run.
 */
export const callOutcomeSchema = z.enum([
  'transferred',
  'handed_off',
  'hung_up',
  'caller_hung_up',
  'error',
]);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

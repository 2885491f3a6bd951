import { callEventSchema, callStartedEvent } from '@callbot/shared';
import { z } from '@callbot/shared/zod';

/** An event a script may send: anything but `call.started`, which the simulator sends itself. */
const scriptEvent = callEventSchema.refine((e) => e.type !== 'call.started', {
  message: 'the simulator starts the call itself; use "call" and "startAt" instead',
});

const atStep = z.strictObject({
  /** Milliseconds of virtual time since the call started. */
  at: z.int().min(0).max(86_400_000),
  event: scriptEvent,
});

const whenStep = z.strictObject({
  /** Fire `delay` ms after the next moment listening turns on, or the next `say` starts. */
  when: z.enum(['listening', 'say']),
  delay: z.int().min(0).max(86_400_000).default(0),
  event: scriptEvent,
});

/**
 * A simulated call, as `callbot simulate` reads it (see the call protocol).
 *
 * @example
 * const script = scriptSchema.parse({
 *   call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
 *   steps: [{ when: 'listening', delay: 200, event: { type: 'dtmf', digit: '1' } }],
 * });
 */
export const scriptSchema = z.strictObject({
  call: callStartedEvent.omit({ type: true, at: true }),
  /** When the call happens (ISO 8601 with offset); schedules are read at this moment. */
  startAt: z.iso.datetime({ offset: true }).optional(),
  /** Agents available per team; a transfer is answered when its team has one. */
  agents: z.record(z.string(), z.int().min(0)).default({}),
  /** Speaking rate: each `say` ends after `60000 * words / wordsPerMinute` ms. */
  wordsPerMinute: z.number().positive().max(1000).default(150),
  /** The call is cut (by the network) at this much virtual time. */
  maxMs: z.int().positive().max(86_400_000).default(600_000),
  steps: z
    .array(z.union([atStep, whenStep]))
    .max(10_000)
    .default([]),
});

export type Script = z.infer<typeof scriptSchema>;
export type ScriptInput = z.input<typeof scriptSchema>;
export type ScriptStep = Script['steps'][number];

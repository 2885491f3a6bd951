/**
 * What the provider (Twilio) cannot play as drawn, checked when a flow is
 * published: these limits are the provider's, not the flow's, so they live
 * here and not in `@callbot/shared`'s validation.
 */
import { formatPath, type Diagnostic, type FlowDocument } from '@callbot/shared';
import { QUEUE_NAME_MAX, TWIML_MAX_BYTES } from './protocol.ts';
import { twiml } from './twiml.ts';

/** Node data that is never said: an AI agent's instructions and endpoint. */
const NOT_SPOKEN = new Set(['instructions', 'endpoint']);

/**
 * Errors for a text too long for one TwiML document (a run of prompts is
 * split across documents, one prompt cannot be) and for a team whose id
 * would name a queue longer than the provider allows.
 *
 * @example
 * const errors = twilioDiagnostics(doc);
 */
export function twilioDiagnostics(doc: FlowDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A prompt shares its document with at most the listening verbs and a redirect.
  const room = TWIML_MAX_BYTES - 1024;
  doc.nodes.forEach((node, index) => {
    const visit = (value: unknown, path: PropertyKey[]) => {
      const key = path.at(-1);
      if (typeof value === 'string') {
        const where = formatPath(['nodes', index, 'data', ...path]);
        if (key === 'team' && value.length > QUEUE_NAME_MAX) {
          out.push({
            severity: 'error',
            code: 'twilio.queueNameTooLong',
            message: `The team "${value}" has ${value.length} characters; a call queue's name has at most ${QUEUE_NAME_MAX}.`,
            hint: `Use a team id of at most ${QUEUE_NAME_MAX} characters.`,
            params: { team: value, max: QUEUE_NAME_MAX },
            nodeId: node.id,
            path: where,
          });
        }
        if (typeof key === 'string' && NOT_SPOKEN.has(key)) return;
        const bytes = Buffer.byteLength(
          twiml([{ verb: 'Say', text: value, language: doc.settings.locale }]),
        );
        if (bytes > room) {
          out.push({
            severity: 'error',
            code: 'twilio.textTooLong',
            message: `The text at ${where} takes ${Math.ceil(bytes / 1024)} KB of TwiML; the provider plays at most ${TWIML_MAX_BYTES / 1024} KB in one answer, and one text cannot be split.`,
            hint: 'Split it into several messages.',
            params: { path: where, kb: Math.ceil(bytes / 1024) },
            nodeId: node.id,
            path: where,
          });
        }
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => visit(item, [...path, i]));
      } else if (value !== null && typeof value === 'object') {
        for (const [name, item] of Object.entries(value)) visit(item, [...path, name]);
      }
    };
    visit(node.data, []);
  });
  return out;
}

/** Why a team's target cannot be used, or null: a queue's name is limited. */
export function teamTargetProblem(target: string): string | null {
  if (target.startsWith('sip:') || /^\+[1-9]\d{1,14}$/.test(target)) return null;
  return target.length > QUEUE_NAME_MAX
    ? `a queue's name has at most ${QUEUE_NAME_MAX} characters (this one has ${target.length}); a number is +E.164, a SIP address starts with sip:`
    : null;
}

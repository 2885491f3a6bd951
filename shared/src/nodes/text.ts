import { z } from 'zod';
import type { Diagnostic } from '../document/diagnostic.ts';
import { estimateSpeechMs } from '../speech/estimate.ts';
import { nodeDiagnostic, type ValidationContext } from './kind.ts';

/** What the bot says. Long enough for real prompts, short enough to refuse pasted novels. */
export const spokenTextSchema = z.string().max(2000);

/** Past this, callers sit through a speech they cannot interrupt (R17). */
export const LONG_PROMPT_MS = 30_000;

/** Which text of a node is checked: named in diagnostics, and their `params.text`. */
const spokenTextNames = {
  greeting: 'greeting',
  message: 'message',
  goodbye: 'goodbye',
  menuPrompt: 'menu prompt',
  noInputMessage: 'no-input message',
  noMatchMessage: 'no-match message',
} as const;
export type SpokenTextRole = keyof typeof spokenTextNames;

/** Checks a text the bot must say: present, and not so long that callers give up. */
export function checkSpokenText(
  node: { id: string },
  ctx: ValidationContext,
  field: string,
  text: string,
  role: SpokenTextRole,
  required = true,
): Diagnostic[] {
  const what = spokenTextNames[role];
  if (text.trim() === '') {
    return required
      ? [
          nodeDiagnostic(node, ctx, {
            severity: 'error',
            code: 'text.empty',
            field,
            message: `The ${what} is empty: the bot would have nothing to say.`,
            hint: `Write the ${what}.`,
            params: { text: role },
          }),
        ]
      : [];
  }
  const ms = estimateSpeechMs(text);
  if (ms > LONG_PROMPT_MS) {
    const seconds = Math.round(ms / 1000);
    return [
      nodeDiagnostic(node, ctx, {
        severity: 'warning',
        code: 'text.long',
        field,
        message: `The ${what} takes about ${seconds} s to say, and callers cannot interrupt it.`,
        hint: 'Shorten it, or split it into several messages.',
        params: { text: role, seconds },
      }),
    ];
  }
  return [];
}

import type { ActionRef } from '../../compiler/actions.ts';
import type { StateConfig, TransitionConfig } from '../../compiler/machineConfig.ts';
import type { BaseNode, CompileContext } from '../kind.ts';
import { listenAction, sayAction } from '../kind.ts';
import { normalizeSpeech } from './match.ts';
import { optionPort, type MenuData } from './schema.ts';

/**
 * A menu becomes a state with substates, VoiceXML style:
 *   prompt (speaking) -> listening (no-input timer runs) -> an option's port,
 *   or noInput / noMatch: repeat (optionally after a message) until the
 *   repeats are used up, then take the `noInput` / `noMatch` port.
 * Counters reset whenever the menu is entered anew.
 */
export function compileMenu(node: BaseNode<'menu', MenuData>, ctx: CompileContext): StateConfig {
  const { data } = node;
  const noInputMs = data.noInput.timeoutMs ?? ctx.doc.settings.noInputTimeoutMs;
  // A message of only spaces is no message, as validation and the hang-up node read it;
  // a keyword of only spaces or punctuation can never match (see speechMatches).
  const noInputMessage = data.noInput.message?.trim() ? data.noInput.message : undefined;
  const noMatchMessage = data.noMatch.message?.trim() ? data.noMatch.message : undefined;
  const speechOptions = data.options.filter((o) =>
    o.keywords.some((k) => normalizeSpeech(k) !== ''),
  );

  const retry = (
    counter: 'noInput' | 'noMatch',
    port: string,
    messageState: string | undefined,
  ): TransitionConfig[] => {
    const count: ActionRef = { type: counter };
    return [
      {
        guard: { type: 'below', params: { counter, max: data[counter].repeats } },
        actions: [count],
        target: messageState ?? 'prompt',
      },
      ctx.follow(node, port, [count]),
    ];
  };
  const noMatch = retry('noMatch', 'noMatch', noMatchMessage && 'noMatchMessage');

  const states: Record<string, StateConfig> = {
    prompt: {
      tags: ['speaking'],
      entry: [sayAction(data.prompt)],
      on: { 'prompt.ended': [{ target: 'listening' }] },
    },
    listening: {
      tags: ['listening'],
      // Listening, and with it the no-input timer (VoiceXML), starts once the
      // prompt has ended and stops when the state is left. The runtime keeps
      // the timer on its clock and sends `timer.noInput` when it runs out.
      entry: [
        listenAction({
          on: true,
          modes: speechOptions.length > 0 ? ['dtmf', 'speech'] : ['dtmf'],
          noInputMs,
        }),
      ],
      exit: [listenAction({ on: false })],
      on: {
        dtmf: [
          ...data.options.map((o) => ({
            guard: { type: 'dtmfIs' as const, params: { digit: o.key } },
            ...ctx.follow(node, optionPort(o)),
          })),
          ...noMatch,
        ],
        ...(speechOptions.length > 0 && {
          speech: [
            ...speechOptions.map((o) => ({
              guard: { type: 'speechMatches' as const, params: { keywords: o.keywords } },
              ...ctx.follow(node, optionPort(o)),
            })),
            ...noMatch,
          ],
        }),
        'timer.noInput': retry('noInput', 'noInput', noInputMessage && 'noInputMessage'),
      },
    },
  };
  if (noInputMessage) {
    states.noInputMessage = {
      tags: ['speaking'],
      entry: [sayAction(noInputMessage)],
      on: { 'prompt.ended': [{ target: 'prompt' }] },
    };
  }
  if (noMatchMessage) {
    states.noMatchMessage = {
      tags: ['speaking'],
      entry: [sayAction(noMatchMessage)],
      on: { 'prompt.ended': [{ target: 'prompt' }] },
    };
  }

  return {
    meta: { node: node.id },
    entry: [ctx.enter(node), { type: 'resetCounters' }],
    initial: 'prompt',
    states,
  };
}

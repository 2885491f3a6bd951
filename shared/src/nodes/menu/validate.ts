import type { Diagnostic } from '../../document/diagnostic.ts';
import { nodeDiagnostic, type BaseNode, type ValidationContext } from '../kind.ts';
import { checkSpokenText } from '../text.ts';
import { isDtmfKey, normalizeSpeech } from './match.ts';
import type { MenuData } from './schema.ts';

export function validateMenu(
  node: BaseNode<'menu', MenuData>,
  ctx: ValidationContext,
): Diagnostic[] {
  const { data } = node;
  const out: Diagnostic[] = [
    ...checkSpokenText(node, ctx, 'data.prompt', data.prompt, 'menuPrompt'),
  ];
  const at = (field: string, d: Omit<Diagnostic, 'nodeId' | 'path'>) =>
    out.push(nodeDiagnostic(node, ctx, { ...d, field }));

  if (data.options.length === 0) {
    at('data.options', {
      severity: 'error',
      code: 'menu.noOptions',
      message: 'This menu has no options: the caller could not choose anything.',
      hint: 'Add at least one option with a key.',
    });
  }

  const seenIds = new Set<string>();
  const keyOwner = new Map<string, number>();
  const keywordOwner = new Map<string, number>();
  data.options.forEach((option, i) => {
    const field = `data.options[${i}]`;
    if (seenIds.has(option.id)) {
      at(`${field}.id`, {
        severity: 'error',
        code: 'menu.duplicateOptionId',
        message: `Two options share the id "${option.id}", so their outputs would be confused.`,
        hint: 'Give each option its own id.',
        params: { id: option.id },
      });
    }
    seenIds.add(option.id);

    if (!isDtmfKey(option.key)) {
      at(`${field}.key`, {
        severity: 'error',
        code: 'menu.invalidKey',
        message:
          option.key === ''
            ? `Option ${i + 1} has no key.`
            : `Option ${i + 1} uses "${option.key}", which is not a phone key.`,
        hint: 'Use one key of the keypad: 0-9, * or #.',
        params: { option: i + 1, key: option.key },
      });
    } else if (keyOwner.has(option.key)) {
      at(`${field}.key`, {
        severity: 'error',
        code: 'menu.duplicateKey',
        message: `Key ${option.key} is used by options ${keyOwner.get(option.key)! + 1} and ${i + 1}; only the first would ever be chosen.`,
        hint: 'Give each option a different key.',
        params: { key: option.key, first: keyOwner.get(option.key)! + 1, second: i + 1 },
      });
    } else {
      keyOwner.set(option.key, i);
    }

    for (const keyword of option.keywords) {
      const k = normalizeSpeech(keyword);
      if (k === '') {
        at(`${field}.keywords`, {
          severity: 'warning',
          code: 'menu.emptyKeyword',
          message: `Option ${i + 1} has a keyword with no words ("${keyword}"); nobody can say it.`,
          hint: 'Write a word the caller would say, or remove it.',
          params: { option: i + 1, keyword },
        });
        continue;
      }
      const owner = keywordOwner.get(k);
      if (owner !== undefined && owner !== i) {
        at(`${field}.keywords`, {
          severity: 'warning',
          code: 'menu.duplicateKeyword',
          message: `The keyword "${keyword}" is also used by option ${owner + 1}; saying it chooses option ${owner + 1}.`,
          hint: 'Use different words for different options.',
          params: { keyword, owner: owner + 1 },
        });
        continue;
      }
      // Options are tried in order, so an earlier option's keyword inside this one wins.
      const shadow = [...keywordOwner].find(
        ([other, o]) => o < i && ` ${k} `.includes(` ${other} `),
      );
      if (shadow) {
        at(`${field}.keywords`, {
          severity: 'warning',
          code: 'menu.shadowedKeyword',
          message: `Saying "${keyword}" also says "${shadow[0]}", which chooses option ${shadow[1] + 1} first.`,
          hint: 'Make the keywords of different options not contain one another.',
          params: { keyword, other: shadow[0], owner: shadow[1] + 1 },
        });
      }
      keywordOwner.set(k, i);
    }
  });

  if (data.noInput.message !== undefined) {
    out.push(
      ...checkSpokenText(
        node,
        ctx,
        'data.noInput.message',
        data.noInput.message,
        'noInputMessage',
        false,
      ),
    );
  }
  if (data.noMatch.message !== undefined) {
    out.push(
      ...checkSpokenText(
        node,
        ctx,
        'data.noMatch.message',
        data.noMatch.message,
        'noMatchMessage',
        false,
      ),
    );
  }
  return out;
}

import { estimateSpeechMs } from '@callbot/shared';
import { i18n, type Translate } from '../i18n/index.ts';

/** How long the bot takes to say a text, in words: "about 3 s", "about 1 min 20 s". */
export function speakingTime(text: string, t: Translate = i18n.t): string {
  const ms = estimateSpeechMs(text);
  if (ms === 0) return t('inspector.nothingToSay');
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return t('inspector.about', { time: `${seconds} s` });
  const rest = seconds % 60;
  return t('inspector.about', {
    time: `${Math.floor(seconds / 60)} min${rest > 0 ? ` ${rest} s` : ''}`,
  });
}

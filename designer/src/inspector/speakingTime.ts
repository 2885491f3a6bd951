import { estimateSpeechMs } from '@callbot/shared';

/** How long the bot takes to say a text, in words: "about 3 s", "about 1 min 20 s". */
export function speakingTime(text: string): string {
  const ms = estimateSpeechMs(text);
  if (ms === 0) return 'nothing to say';
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `about ${seconds} s`;
  const rest = seconds % 60;
  return `about ${Math.floor(seconds / 60)} min${rest > 0 ? ` ${rest} s` : ''}`;
}

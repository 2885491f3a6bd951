/** Speaking rate used when nothing else is known (the call protocol's default). */
export const DEFAULT_WORDS_PER_MINUTE = 150;

/** Words as a text-to-speech engine would read them. */
export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * How long a prompt takes to say, in ms: `60000 * words / wordsPerMinute`
 * (the call protocol's rule, used by the simulator and the inspector alike).
 */
export function estimateSpeechMs(text: string, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  return Math.round((60000 * countWords(text)) / wordsPerMinute);
}

import type { Voice } from './store.ts';

/** The prompts said aloud by the browser's speech synthesis, when it has one. */
export function browserVoice(): Voice | null {
  const synth = typeof window === 'undefined' ? undefined : window.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return null;
  return {
    say(text, lang) {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      synth.speak(utterance);
    },
    cancel: () => synth.cancel(),
  };
}

/** The part of the Web Speech API's `SpeechRecognition` the phone panel uses. */
export interface Recognition {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
  start(): void;
  stop(): void;
}

/** The browser's speech recognition (Chrome names it `webkitSpeechRecognition`), or null. */
export function speechRecognition(): (new () => Recognition) | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as Record<string, unknown>;
  const ctor = w.SpeechRecognition ?? w.webkitSpeechRecognition;
  return typeof ctor === 'function' ? (ctor as new () => Recognition) : null;
}

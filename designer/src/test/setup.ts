import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
// Components translate with the designer's i18next instance; jsdom asks for en-US.
// Tests read every language at once, as the UI does once each is loaded.
import { loadLanguage } from '../i18n/index.ts';
import '../nodes/words.ts';

await Promise.all([loadLanguage('pt-BR'), loadLanguage('es')]);

// jsdom has no layout. React Flow observes the size of its panes and nodes, so
// give it an observer that never reports: nodes still render, unmeasured.
class NoopResizeObserver implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver;

// jsdom has no media queries either. Chartist reads them when it draws, on a
// timer of its own: answer every query "no match" (light theme, motion allowed).
const noMatch = (query: string): MediaQueryList => ({
  matches: false,
  media: query,
  onchange: null,
  addEventListener: () => {},
  removeEventListener: () => {},
  addListener: () => {},
  removeListener: () => {},
  dispatchEvent: () => false,
});
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = noMatch;
}

// Without vitest globals, Testing Library cannot register its own cleanup.
afterEach(cleanup);

// `findBy…` and `waitFor` wait up to 10 s (1 s by default): IndexedDB round trips
// through fake-indexeddb are slow on a loaded machine, not wrong.
configure({ asyncUtilTimeout: 10_000 });

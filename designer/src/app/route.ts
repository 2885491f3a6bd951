import { useSyncExternalStore } from 'react';

/** Where the designer is: the flows library, or one flow open in the editor. */
export type Route = { page: 'library' } | { page: 'editor'; flowId: string };

/** `#/flow/<id>` opens a flow; anything else is the library. */
export function parseRoute(hash: string): Route {
  const match = /^#\/flow\/([^/?#]+)$/.exec(hash);
  return match ? { page: 'editor', flowId: decodeURIComponent(match[1]!) } : { page: 'library' };
}

export const flowHref = (flowId: string) => `#/flow/${encodeURIComponent(flowId)}`;
export const libraryHref = '#/';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route, following the address bar's hash (so back and reload work). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

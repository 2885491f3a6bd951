import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether a header's row is too narrow to show everything in full: measured,
 * since the room its words take depends on the language and on what the row
 * holds (`content` names what was measured: the language, the pages or
 * people shown). Compact, the header remembers the width it
 * needed in full and goes back to full once it has that room again; a new
 * language or set of pages is measured anew, and so is anything that changes
 * what the row holds or how wide its words are (the account's corner loading,
 * the web font replacing the fallback one): a row measured with a passing
 * state does not stay compact.
 */
export function useCompact(header: RefObject<HTMLElement | null>, content: string): boolean {
  // Compact for the content it was measured with; new content starts in full, to be measured.
  const [compactFor, setCompactFor] = useState<string | null>(null);
  const compact = compactFor === content;
  const fullWidth = useRef(0);
  useLayoutEffect(() => {
    const element = header.current;
    if (!element) return;
    const measure = () => {
      if (!compact) {
        if (element.scrollWidth > element.clientWidth + 1) {
          fullWidth.current = element.scrollWidth;
          setCompactFor(content);
        }
      } else if (element.clientWidth >= fullWidth.current) setCompactFor(null);
    };
    // Measured in full again (before the next paint: no flicker).
    const remeasure = () => (compact ? setCompactFor(null) : measure());
    measure();
    // The window's width, and what loads later into the row (the account's corner).
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resized?.observe(element);
    const changed = new MutationObserver(remeasure);
    changed.observe(element, { childList: true, subtree: true, characterData: true });
    const fonts = typeof document === 'undefined' ? undefined : document.fonts;
    fonts?.addEventListener('loadingdone', remeasure);
    return () => {
      resized?.disconnect();
      changed.disconnect();
      fonts?.removeEventListener('loadingdone', remeasure);
    };
  }, [header, compact, content]);
  return compact;
}

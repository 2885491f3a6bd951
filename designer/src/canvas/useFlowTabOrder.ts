import { useEffect, type RefObject } from 'react';

/** Node ids and edge ids (`source:port`) in the order Tab visits them. */
export interface TabOrder {
  nodes: readonly string[];
  edges: readonly string[];
}

/** What the browser's Tab can stop at (then filtered by `tabIndex` and visibility). */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), summary, [tabindex]';

const byDataId = (root: Element, selector: string): Map<string, HTMLElement> =>
  new Map([...root.querySelectorAll<HTMLElement>(selector)].map((el) => [el.dataset.id ?? '', el]));

/** The focusable parts of a node besides itself: its outputs' handles, when they take Tab. */
const innerStops = (node: HTMLElement): HTMLElement[] =>
  [...node.querySelectorAll<HTMLElement>('[tabindex="0"]')].filter((el) => el !== node);

/**
 * Tab and Shift+Tab on the canvas visit nodes in flow order (`order().nodes`,
 * each followed by its outputs when they are tabbable: a selected node's),
 * then connections (`order().edges`), instead of React Flow's DOM order, which
 * puts every connection before the first node. Entering the canvas with Tab
 * lands on the first node (Shift+Tab: on the last connection); leaving it
 * goes on to what follows (or precedes) the canvas in the page.
 */
export function useFlowTabOrder(
  wrapper: RefObject<HTMLElement | null>,
  /** The order now (read on each Tab). */
  order: () => TabOrder,
): void {
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const viewport = () => root.querySelector<HTMLElement>('.react-flow__viewport');
    const stops = (): HTMLElement[] => {
      const current = order();
      const nodes = byDataId(root, '.react-flow__node[tabindex="0"]');
      const edges = byDataId(root, '.react-flow__edge[tabindex="0"]');
      return [
        ...current.nodes.flatMap((id) => {
          const node = nodes.get(id);
          return node ? [node, ...innerStops(node)] : [];
        }),
        ...current.edges.flatMap((id) => edges.get(id) ?? []),
      ];
    };
    /** The first thing Tab reaches after (or, backwards, before) the flow, outside it. */
    const beyond = (backwards: boolean): HTMLElement | undefined => {
      const inside = viewport();
      if (!inside) return undefined;
      const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter(
        (el) => el.tabIndex >= 0 && !inside.contains(el) && el.getClientRects().length > 0,
      );
      const after = (el: HTMLElement) =>
        (inside.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return backwards ? all.filter((el) => !after(el)).at(-1) : all.find(after);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.defaultPrevented) return;
      const list = stops();
      const at = list.indexOf(document.activeElement as HTMLElement);
      if (at === -1) return;
      const next = list[at + (event.shiftKey ? -1 : 1)];
      if (next) {
        event.preventDefault();
        next.focus();
        return;
      }
      // Leaving the flow, to what follows (or precedes) it in the page.
      const out = beyond(event.shiftKey);
      if (out) {
        event.preventDefault();
        out.focus();
      }
    };

    // Only Tab's arrivals are redirected, not a click on a node.
    let tabbing = false;
    const onDocumentKey = (event: KeyboardEvent) => {
      tabbing = event.type === 'keydown' && event.key === 'Tab';
    };
    const onPointerDown = () => (tabbing = false);

    const onFocusIn = (event: FocusEvent) => {
      const from = event.relatedTarget;
      const inside = viewport();
      if (!tabbing || !(from instanceof Element) || !inside || inside.contains(from)) return;
      if (!(event.target instanceof Element) || !inside.contains(event.target)) return;
      // Came in from outside by Tab (from before the canvas) or Shift+Tab (from after it).
      const list = stops();
      const forward = from.compareDocumentPosition(inside) & Node.DOCUMENT_POSITION_FOLLOWING;
      const target = forward ? list[0] : list.at(-1);
      if (target && target !== event.target) target.focus();
      tabbing = false;
    };

    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onDocumentKey, true);
    document.addEventListener('keyup', onDocumentKey, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onDocumentKey, true);
      document.removeEventListener('keyup', onDocumentKey, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [wrapper, order]);
}

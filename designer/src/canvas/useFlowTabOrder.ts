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

/** A place Tab stops at: a node (drawn or not), or a part of a drawn node or connection. */
interface Stop {
  /** The node's id (for a node not drawn: the one to bring into view). */
  node?: string;
  /** The element, when it is drawn. */
  el?: HTMLElement;
}

/**
 * Tab and Shift+Tab on the canvas visit nodes in flow order (`order().nodes`,
 * each followed by its outputs when they are tabbable: a selected node's),
 * then connections (`order().edges`), instead of React Flow's DOM order, which
 * puts every connection before the first node. Entering the canvas with Tab
 * lands on the first node (Shift+Tab: on the last connection); leaving it
 * goes on to what follows (or precedes) the canvas in the page.
 *
 * A large flow draws only the nodes in view: Tab's next node, when it is not
 * drawn, is brought into view (`reveal`, which pans to it) and focused once
 * drawn, so the keyboard reaches every node, not only those on screen.
 */
export function useFlowTabOrder(
  wrapper: RefObject<HTMLElement | null>,
  /** The order now (read on each Tab). */
  order: () => TabOrder,
  /** Pans the canvas so that the node is drawn (in view). */
  reveal: (nodeId: string) => void,
): void {
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const viewport = () => root.querySelector<HTMLElement>('.react-flow__viewport');
    const stops = (): Stop[] => {
      const current = order();
      const nodes = byDataId(root, '.react-flow__node');
      const edges = byDataId(root, '.react-flow__edge[tabindex="0"]');
      return [
        ...current.nodes.flatMap((id): Stop[] => {
          const node = nodes.get(id);
          if (!node) return [{ node: id }];
          if (node.tabIndex < 0) return [];
          return [{ node: id, el: node }, ...innerStops(node).map((el) => ({ el }))];
        }),
        ...current.edges.flatMap((id) => {
          const el = edges.get(id);
          return el ? [{ el }] : [];
        }),
      ];
    };

    /** Stops waiting for a node to be drawn (another key, a click, or it came). */
    let cancelWait = () => {};
    /** Focuses `stop`: at once when drawn, else once `reveal` has brought it into view. */
    const focusStop = (stop: Stop) => {
      cancelWait();
      if (stop.el) return stop.el.focus();
      const id = stop.node;
      if (id === undefined) return;
      const drawn = () =>
        [...root.querySelectorAll<HTMLElement>('.react-flow__node')].find(
          (el) => el.dataset.id === id,
        );
      const observer = new MutationObserver(() => {
        const el = drawn();
        if (!el) return;
        cancelWait();
        el.focus();
      });
      observer.observe(root, { childList: true, subtree: true });
      cancelWait = () => {
        observer.disconnect();
        cancelWait = () => {};
      };
      reveal(id);
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
      const at = list.findIndex((stop) => stop.el === document.activeElement);
      if (at === -1) return;
      const next = list[at + (event.shiftKey ? -1 : 1)];
      if (next) {
        event.preventDefault();
        focusStop(next);
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
    const onPointerDown = () => {
      tabbing = false;
      cancelWait();
    };

    const onFocusIn = (event: FocusEvent) => {
      const from = event.relatedTarget;
      const inside = viewport();
      if (!tabbing || !(from instanceof Element) || !inside || inside.contains(from)) return;
      if (!(event.target instanceof Element) || !inside.contains(event.target)) return;
      // Came in from outside by Tab (from before the canvas) or Shift+Tab (from after it).
      const list = stops();
      const forward = from.compareDocumentPosition(inside) & Node.DOCUMENT_POSITION_FOLLOWING;
      const target = forward ? list[0] : list.at(-1);
      if (target && target.el !== event.target) focusStop(target);
      tabbing = false;
    };

    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onDocumentKey, true);
    document.addEventListener('keyup', onDocumentKey, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      cancelWait();
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onDocumentKey, true);
      document.removeEventListener('keyup', onDocumentKey, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [wrapper, order, reveal]);
}

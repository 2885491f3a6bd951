import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useShallow } from 'zustand/shallow';
import './analytics.css';

/** What a badge says over a node: short words, and the whole in its title. */
export interface NodeBadgeText {
  text: string;
  title: string;
  /** Drawn as a warning (e.g. callers hung up here). */
  alert?: boolean;
}

const selectBoxes = (s: ReactFlowState) =>
  [...s.nodeLookup.values()].map((n) => ({
    id: n.id,
    x: n.internals.positionAbsolute.x,
    y: n.internals.positionAbsolute.y,
    width: n.measured.width ?? 0,
  }));

/**
 * Badges over the canvas's nodes (inside the canvas, so they pan and zoom
 * with it), at each node's top right corner: a node's figures in a period,
 * or how many calls are at it now. A node without a badge shows none.
 */
export function NodeBadges({ badges }: { badges: ReadonlyMap<string, readonly NodeBadgeText[]> }) {
  const boxes = useStore(useShallow(selectBoxes));
  return (
    <ViewportPortal>
      {boxes.map((box) => {
        const said = badges.get(box.id);
        if (!said || said.length === 0) return null;
        return (
          <div
            key={box.id}
            className="node-figures"
            data-node={box.id}
            style={{
              transform: `translate(${box.x + box.width}px, ${box.y}px) translate(-100%, -110%)`,
            }}
          >
            {said.map((badge) => (
              <span
                key={badge.text}
                className={
                  badge.alert
                    ? 'node-figures__badge node-figures__badge--alert'
                    : 'node-figures__badge'
                }
                title={badge.title}
              >
                {badge.text}
              </span>
            ))}
          </div>
        );
      })}
    </ViewportPortal>
  );
}

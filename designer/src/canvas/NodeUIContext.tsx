import { createContext, memo, useContext, type ComponentType } from 'react';
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import type { FlowNode, NodeKindName } from '@callbot/shared';
import { KindStyleProvider } from './NodeFrame.tsx';
import { estimateFrame, type NodeSizes, type SizeEstimate, type Sizes } from './placement.ts';
import type { NodeUI, NodeUIRegistry } from './defineNodeUI.ts';

/**
 * The registry of node kinds' UIs, handed to the canvas, inspector, palette
 * and search, which import no kind themselves: the editor page gives the
 * app's registry (`nodes/WithNodeUIs.tsx`), a test or story its own.
 */
const NodeUIContext = createContext<NodeUIRegistry | null>(null);
export const NodeUIProvider = NodeUIContext.Provider;
export function useNodeUIs(): NodeUIRegistry {
  const registry = useContext(NodeUIContext);
  if (!registry) throw new Error('useNodeUIs must be used inside a NodeUIProvider (WithNodeUIs)');
  return registry;
}

/** The UI of one kind, typed for it. */
export const nodeUIOf = <K extends NodeKindName>(registry: NodeUIRegistry, kind: K): NodeUI<K> =>
  registry[kind];

/** The kinds of a registry, in its order (the palette's). */
export const kindsOf = (registry: NodeUIRegistry): NodeKindName[] =>
  Object.keys(registry) as NodeKindName[];

/** A kind's colour, or a neutral grey for a type that is not a kind. */
export const colourOf = (registry: NodeUIRegistry, kind: string | undefined): string =>
  kind !== undefined && Object.hasOwn(registry, kind)
    ? registry[kind as NodeKindName].colour
    : '#64748b';

/** What "Find a node" searches in a node besides its id and label. */
export const searchTextsOf = (registry: NodeUIRegistry, node: FlowNode): string[] =>
  (registry[node.kind].searchTexts as (node: FlowNode) => string[])(node);

/** Each node's size before it is drawn in full, from its kind's width and body lines. */
export const estimateOf =
  (registry: NodeUIRegistry): SizeEstimate =>
  (node) => {
    const ui = registry[node.kind];
    return estimateFrame(node, {
      width: ui.width,
      bodyLines: (ui.bodyLines as (node: FlowNode) => number)(node),
    });
  };

/** Sizes for placing nodes: those `known` (measured in full detail), the registry's estimate for the others. */
export const nodeSizesOf = (registry: NodeUIRegistry, known: Sizes = new Map()): NodeSizes => ({
  known,
  estimate: estimateOf(registry),
});

const nodeTypesCache = new WeakMap<NodeUIRegistry, NodeTypes>();

/**
 * The registry as React Flow's `nodeTypes` (a canvas node's `type` is its
 * kind): each kind's view, given its colour and width. The same object for the same
 * registry, as React Flow re-creates every node when `nodeTypes` changes.
 *
 * A view is drawn from its node's data and selection only: it re-renders
 * when one of them changes, not when React Flow measures, moves or raises
 * the node (a dragged node gets a new data object on every move, with the
 * same document node in it).
 */
export function nodeTypesOf(registry: NodeUIRegistry): NodeTypes {
  let types = nodeTypesCache.get(registry);
  if (!types) {
    types = Object.fromEntries(
      kindsOf(registry).map((kind) => [kind, withColour(registry[kind] as NodeUI<NodeKindName>)]),
    );
    nodeTypesCache.set(registry, types);
  }
  return types;
}

function withColour(ui: NodeUI<NodeKindName>): ComponentType<NodeProps> {
  const View = ui.View as ComponentType<NodeProps>;
  const style = { colour: ui.colour, width: ui.width };
  const KindNode = (props: NodeProps) => (
    <KindStyleProvider value={style}>
      <View {...props} />
    </KindStyleProvider>
  );
  KindNode.displayName = `${ui.kind}Node`;
  return memo(
    KindNode,
    (before, after) => shallow(before.data, after.data) && before.selected === after.selected,
  );
}

import type { ComponentType } from 'react';
import type { LucideIcon } from 'lucide-react';
import type { Node, NodeProps } from '@xyflow/react';
import type { NodeKindName, NodeOfKind } from '@callbot/shared';
import type { KindWordsIn } from '../i18n/index.ts';
import type { FlowCanvasNode } from './toReactFlow.ts';

/** What every kind's inspector form receives: its node, as it is in the document. */
export interface InspectorFormProps<K extends NodeKindName> {
  node: NodeOfKind<K>;
}

/** The component that draws a node of kind `K` on the canvas. */
export type NodeView<K extends NodeKindName> = ComponentType<NodeProps<FlowCanvasNode<K> & Node>>;

/**
 * The designer's half of a node kind, in one object (the other half, its
 * schema, ports, validation and compile step, is `defineNodeKind` in
 * `@callbot/shared`). The canvas, the inspector, the palette and search
 * read kinds only through the registry of these (`nodes/index.ts`).
 */
export interface NodeUI<K extends NodeKindName, W extends KindWordsIn = KindWordsIn> {
  kind: K;
  /**
   * The kind's words in every language (its `words.ts`, `defineWords`): its
   * title and description, what its view says, its checks' words. i18n gets
   * them from the kind's folder without its view (`nodes/words.ts`), so the
   * first screen carries the words alone.
   */
  words: W;
  /**
   * The kind's colour: the node's top border and kind title, the palette's
   * swatch, the minimap. Reaches 4.5:1 against white (the kind's name is
   * written in it, WCAG AA).
   */
  colour: string;
  /** The kind's icon (lucide), beside its name in the palette and the canvas's menus. */
  icon: LucideIcon;
  /** The width of its nodes on the canvas, in px (their height follows their content). */
  width: number;
  /**
   * How many lines of text its view shows at most between the node's name and
   * its outputs: how nodes are placed before they are ever drawn in full.
   */
  bodyLines(node: NodeOfKind<K>): number;
  /** How a node of the kind is drawn on the canvas (inside `NodeFrame`). */
  View: NodeView<K>;
  /** The kind's own fields in the inspector; the label, id, outputs and checks are drawn around it. */
  Inspector: ComponentType<InspectorFormProps<K>>;
  /** The inspector form places each output's target itself (a menu, beside each option). */
  ownsOutputs?: boolean;
  /** Everything a node says or names besides its id and label: what "Find a node" searches. */
  searchTexts(node: NodeOfKind<K>): string[];
}

/** Every kind's UI, by kind name: a kind left out, or one too many, is a type error. */
export type NodeUIRegistry = { readonly [K in NodeKindName]: NodeUI<K> };

/**
 * Defines a kind's UI: typed for its kind, so its view, inspector and
 * search texts receive that kind's nodes.
 *
 * @example
 * export const hangup = defineNodeUI({
 *   kind: 'hangup', words, colour: '#dc2626', icon: PhoneOff, width: 240,
 *   View: HangupNodeView, Inspector: HangupInspector,
 *   bodyLines: (node) => linesOf(node.data.text, 3),
 *   searchTexts: (node) => [node.data.text],
 * });
 */
export function defineNodeUI<K extends NodeKindName, W extends KindWordsIn>(
  ui: NodeUI<K, W>,
): NodeUI<K, W> {
  return ui;
}

import type { FlowDocument, NodeKindName } from '@callbot/shared';
import { createNode, flowLanguageOf } from '@callbot/shared';
import { freshId, runCommand } from '../editor/commands.ts';
import {
  boxesOf,
  centredOn,
  firstFreePort,
  freeSpotNear,
  separate,
  sizeOf,
  spotBelow,
  type NodeSizes,
  type XY,
} from './placement.ts';

/**
 * The canvas's edits that place nodes, as pure functions from a document
 * to the next (with the id of the node they add), so the command registry
 * can record each as one undo step and tests run them without a browser.
 * `sizes` are the nodes' drawn sizes where known, and an estimate for the others.
 */

/** A new node of `kind` in the free spot nearest to `centre` (centred on it when free). */
export function addNodeNear(
  doc: FlowDocument,
  p: { kind: NodeKindName; centre: XY; sizes: NodeSizes; id?: string },
): { doc: FlowDocument; id: string } {
  const id = p.id ?? freshId(doc, p.kind);
  const size = p.sizes.estimate(createNode(p.kind, id, flowLanguageOf(doc.settings.locale)));
  const position = freeSpotNear(centredOn(p.centre, size), size, boxesOf(doc, p.sizes).values());
  return { doc: runCommand(doc, 'addNode', { kind: p.kind, position, id }), id };
}

/**
 * A new node of `kind` that `source`'s output `port` leads to: placed at
 * `at` (where a dragged connection was dropped, its top centre) or else
 * under the source, in the nearest free spot either way. Without `port`,
 * the source's first unconnected output; with none free, the node is only
 * placed beside it, unconnected.
 */
export function addNodeAfter(
  doc: FlowDocument,
  p: {
    kind: NodeKindName;
    source: string;
    port?: string;
    at?: XY;
    sizes: NodeSizes;
    id?: string;
    label?: string;
  },
): { doc: FlowDocument; id: string; port: string | undefined } {
  const source = doc.nodes.find((n) => n.id === p.source);
  if (!source) throw new Error(`No node "${p.source}" to add a node after`);
  const id = p.id ?? freshId(doc, p.kind);
  const size = p.sizes.estimate(createNode(p.kind, id, flowLanguageOf(doc.settings.locale)));
  const boxes = boxesOf(doc, p.sizes);
  const from = boxes.get(source.id) ?? { x: 0, y: 0, ...sizeOf(source, p.sizes) };
  const position = p.at
    ? freeSpotNear({ x: p.at.x - size.width / 2, y: p.at.y }, size, boxes.values())
    : spotBelow(from, size, boxes.values());
  const port = p.port ?? firstFreePort(source);
  const added = runCommand(doc, 'addNode', { kind: p.kind, position, id, label: p.label });
  return {
    doc: port ? runCommand(added, 'connect', { source: source.id, port, target: id }) : added,
    id,
    port,
  };
}

/**
 * The positions `autoLayout` gave, made safe: with the sizes the layout
 * used, no two nodes overlap (a node that would is moved down to the first
 * free row). Returns the positions to store.
 */
export function withoutOverlaps(
  doc: FlowDocument,
  positions: Readonly<Record<string, XY>>,
  sizes: NodeSizes,
): Record<string, XY> {
  const laidOut = {
    ...doc,
    layout: { ...doc.layout, nodes: { ...doc.layout.nodes, ...positions } },
  };
  return Object.fromEntries(separate(boxesOf(laidOut, sizes)));
}

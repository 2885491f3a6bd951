import { kindOf, type FlowNode } from '@callbot/shared';

/**
 * The order a keyboard user meets the flow in: the start node (the
 * greeting), then breadth-first along connections in the order of each
 * node's outputs, then the nodes no call reaches, in document order.
 * Connections follow the same order (by their source node, then port).
 *
 * @example
 * flowOrder(doc.nodes) // -> { nodes: ['greeting', 'menu', ...], edges: ['greeting:next', ...] }
 */
export function flowOrder(nodes: readonly FlowNode[]): { nodes: string[]; edges: string[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (start: FlowNode) => {
    if (seen.has(start.id)) return;
    seen.add(start.id);
    const queue = [start];
    for (let node = queue.shift(); node; node = queue.shift()) {
      order.push(node.id);
      for (const port of portsInOrder(node)) {
        const next = byId.get(node.connections[port]!);
        if (next && !seen.has(next.id)) {
          seen.add(next.id);
          queue.push(next);
        }
      }
    }
  };
  const start = nodes.find((n) => n.kind === 'greeting');
  if (start) visit(start);
  for (const node of nodes) visit(node);
  const edges = order.flatMap((id) => {
    const node = byId.get(id)!;
    return portsInOrder(node)
      .filter((port) => byId.has(node.connections[port]!))
      .map((port) => `${id}:${port}`);
  });
  return { nodes: order, edges };
}

/** The connected outputs of a node: the kind's ports first, in their order, then any other. */
function portsInOrder(node: FlowNode): string[] {
  const connected = Object.keys(node.connections);
  const declared = kindOf(node)
    .ports(node.data)
    .map((p) => p.id)
    .filter((id) => Object.hasOwn(node.connections, id));
  return [...declared, ...connected.filter((id) => !declared.includes(id))];
}

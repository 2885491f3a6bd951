import type { FlowDocument, FlowNode } from '../document/schema.ts';
import { kindOf } from '../nodes/index.ts';

/**
 * The flow as a graph: for each node, the nodes its ports lead to, counting
 * only connections from ports the node has to nodes that exist.
 */
export function successors(doc: FlowDocument): Map<string, string[]> {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const graph = new Map<string, string[]>();
  for (const node of doc.nodes) {
    if (graph.has(node.id)) continue; // duplicate ids are reported elsewhere
    const ports = new Set(
      kindOf(node)
        .ports(node.data)
        .map((p) => p.id),
    );
    const next: string[] = [];
    for (const [port, target] of Object.entries(node.connections)) {
      if (ports.has(port) && ids.has(target)) next.push(target);
    }
    graph.set(node.id, next);
  }
  return graph;
}

/** Ids reachable from `start`, `start` included. */
export function reachableFrom(graph: Map<string, string[]>, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const todo = [start];
  while (todo.length > 0) {
    for (const next of graph.get(todo.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return seen;
}

/**
 * Strongly connected components that contain a cycle (Tarjan's algorithm,
 * iterative so a large flow cannot overflow the stack). Each component is
 * returned in the order its nodes appear in `nodes`.
 */
export function cycles(nodes: readonly FlowNode[], graph: Map<string, string[]>): string[][] {
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;

  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.id) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        const selfLoop = component.length === 1 && edges.includes(frame.id);
        if (component.length > 1 || selfLoop) {
          found.push(component.sort((a, b) => order.get(a)! - order.get(b)!));
        }
      }
    }
  }
  return found;
}

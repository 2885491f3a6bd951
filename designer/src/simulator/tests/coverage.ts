import { kindOf, type FlowDocument, type FlowNode } from '@callbot/shared';
import type { TraceLine } from '@callbot/runtime';

/** An output port of a node, as `nodeId:portId` (e.g. `menu:option:vendas`). */
export type PortKey = `${string}:${string}`;

export const portKey = (nodeId: string, portId: string): PortKey => `${nodeId}:${portId}`;

export interface Coverage {
  /** Nodes the calls entered. */
  nodes: Set<string>;
  /** Connected output ports the calls took. */
  ports: Set<PortKey>;
  /** What there is to cover: every node, every connected port that can be taken. */
  totals: { nodes: number; ports: number };
  /** Whole percentages (0-100); 100 for a flow with nothing to cover. */
  percent: { nodes: number; ports: number };
}

/** A node's connected ports that can be taken, by the node they lead to. */
function connectedPorts(
  node: FlowNode,
  ids: ReadonlySet<string>,
): [port: string, target: string][] {
  const kind = kindOf(node);
  const reachable = kind.reachablePorts?.(node.data) ?? kind.ports(node.data).map((p) => p.id);
  return reachable.flatMap((port) => {
    const target = node.connections[port];
    return target !== undefined && ids.has(target) ? [[port, target]] : [];
  });
}

const percentOf = (covered: number, total: number): number =>
  total === 0 ? 100 : Math.floor((100 * covered) / total);

/**
 * What the transcripts of a flow's test cases exercise: every `node` line is
 * a node entered, and its `via` the output port that led there. A port left
 * unconnected (the call hangs up there) is neither counted nor coverable.
 * Transcripts recorded on another version of the flow are read against the
 * current one: a node or port that no longer exists, or no longer leads
 * there, is ignored.
 *
 * @example
 * const { percent } = computeCoverage(doc, testCases.map((c) => c.transcript));
 */
export function computeCoverage(
  doc: FlowDocument,
  transcripts: readonly (readonly TraceLine[])[],
): Coverage {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const coverable = new Set(
    doc.nodes.flatMap((n) =>
      connectedPorts(n, ids).map(([port, target]) => `${portKey(n.id, port)}>${target}`),
    ),
  );
  const covered: Coverage = {
    nodes: new Set(),
    ports: new Set(),
    totals: { nodes: ids.size, ports: coverable.size },
    percent: { nodes: 0, ports: 0 },
  };

  for (const lines of transcripts) {
    for (const line of lines) {
      if (line.kind !== 'node' || !ids.has(line.id)) continue;
      covered.nodes.add(line.id);
      if (line.via !== undefined && coverable.has(`${line.via}>${line.id}`)) {
        covered.ports.add(line.via as PortKey);
      }
    }
  }

  covered.percent = {
    nodes: percentOf(covered.nodes.size, covered.totals.nodes),
    ports: percentOf(covered.ports.size, covered.totals.ports),
  };
  return covered;
}

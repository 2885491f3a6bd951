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

/**
 * When several ports of a transfer lead to the same node, the transfer's own
 * trace line says which one was taken.
 */
function portFromTrace(candidates: string[], between: readonly TraceLine[]): string | undefined {
  const transfer = between.findLast((line) => line.kind === 'transfer');
  if (transfer?.kind !== 'transfer') return undefined;
  const port = transfer.outcome === 'no_agents' ? 'noAgents' : 'failed';
  return candidates.includes(port) ? port : undefined;
}

const percentOf = (covered: number, total: number): number =>
  total === 0 ? 100 : Math.floor((100 * covered) / total);

/**
 * What the transcripts of a flow's test cases exercise.
 *
 * Nodes: every `node` line is a node entered. Ports: the trace says which
 * node came next, not which port led there, so a port is derived from two
 * consecutive `node` lines A then B, as the port of A whose connection leads
 * to B. Limits: when several ports of A lead to B, only a transfer's trace
 * (its outcome) tells them apart; otherwise none of them is counted. A port
 * left unconnected (the call hangs up there) is neither counted nor
 * coverable, and the last node of a call takes no port. Transcripts recorded
 * on another version of the flow are read against the current connections:
 * a node or port that no longer exists is ignored.
 *
 * @example
 * const { percent } = computeCoverage(doc, testCases.map((c) => c.transcript));
 */
export function computeCoverage(
  doc: FlowDocument,
  transcripts: readonly (readonly TraceLine[])[],
): Coverage {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const ports = new Map(doc.nodes.map((n) => [n.id, connectedPorts(n, ids)]));
  const covered: Coverage = {
    nodes: new Set(),
    ports: new Set(),
    totals: { nodes: ids.size, ports: [...ports.values()].reduce((sum, p) => sum + p.length, 0) },
    percent: { nodes: 0, ports: 0 },
  };

  for (const lines of transcripts) {
    let previous: { id: string; at: number } | null = null;
    lines.forEach((line, at) => {
      if (line.kind !== 'node') return;
      if (!ids.has(line.id)) {
        previous = null; // the chain of nodes is broken: no port to derive across the gap
        return;
      }
      covered.nodes.add(line.id);
      if (previous) {
        const candidates = (ports.get(previous.id) ?? [])
          .filter(([, target]) => target === line.id)
          .map(([port]) => port);
        const port =
          candidates.length === 1
            ? candidates[0]
            : portFromTrace(candidates, lines.slice(previous.at + 1, at));
        if (port !== undefined) covered.ports.add(portKey(previous.id, port));
      }
      previous = { id: line.id, at };
    });
  }

  covered.percent = {
    nodes: percentOf(covered.nodes.size, covered.totals.nodes),
    ports: percentOf(covered.ports.size, covered.totals.ports),
  };
  return covered;
}

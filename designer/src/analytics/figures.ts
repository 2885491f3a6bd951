import type { TraceLine } from '@callbot/runtime';
import type { CallAnalytics } from '@callbot/shared';
import type { CanvasMarks } from '../canvas/canvasMarks.ts';

/** What the calls of a period did at one node. */
export interface NodeFigures {
  /** Calls that came to the node (once each). */
  calls: number;
  /** Times the node was entered (a menu said again counts each time): what the rates are over. */
  visits: number;
  /** Calls whose caller hung up while at the node (drop-off). */
  hungUp: number;
  /** Times the caller gave nothing in time, at a node that listens. */
  noInput: number;
  /** Times the caller gave something the node does not take. */
  noMatch: number;
}

/** A flow's figures over some calls: per node, and per output (`node:port`, as the canvas names edges). */
export interface FlowFigures {
  calls: number;
  nodes: ReadonlyMap<string, NodeFigures>;
  outputs: ReadonlyMap<string, number>;
}

export const noNodeFigures: NodeFigures = {
  calls: 0,
  visits: 0,
  hungUp: 0,
  noInput: 0,
  noMatch: 0,
};

/** `part / whole` (0..1), or null when nothing could have happened. */
export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;

/** Thinnest and thickest edge, in px. */
const THIN = 1.5;
const THICK = 10;

/**
 * The stroke width of an edge `count` calls passed, when the busiest passed
 * `most`: by the square root, so an edge ten times busier is about three
 * times thicker, and one call still shows.
 */
export function edgeWidth(count: number, most: number): number {
  if (count <= 0 || most <= 0) return THIN;
  return Math.round((THIN + (THICK - THIN) * Math.sqrt(Math.min(count, most) / most)) * 10) / 10;
}

/**
 * What a call's trace says about the flow: the nodes it came to, the outputs
 * it left them by, where the caller hung up, its no-inputs and no-matches. The
 * figures of calls are the sum of each call's: the same sum the server keeps
 * as calls end.
 */
export function figuresOfCall(lines: readonly TraceLine[]): FlowFigures {
  const nodes = new Map<string, NodeFigures>();
  const outputs = new Map<string, number>();
  let at: string | null = null;
  const bump = (id: string, field: keyof NodeFigures) => {
    const figures = nodes.get(id) ?? { ...noNodeFigures };
    nodes.set(id, { ...figures, [field]: figures[field] + 1 });
  };
  for (const line of lines) {
    if (line.kind === 'node') {
      at = line.id;
      if (!nodes.has(line.id)) bump(line.id, 'calls');
      bump(line.id, 'visits');
      if (line.via !== undefined) outputs.set(line.via, (outputs.get(line.via) ?? 0) + 1);
    } else if (at !== null) {
      if (line.kind === 'noinput') bump(at, 'noInput');
      else if (line.kind === 'input' && line.reason === 'no_match') bump(at, 'noMatch');
      else if (line.kind === 'end' && line.outcome === 'caller_hung_up') bump(at, 'hungUp');
    }
  }
  return { calls: 1, nodes, outputs };
}

/** The figures of several sets of calls together. */
export function addFigures(all: readonly FlowFigures[]): FlowFigures {
  const nodes = new Map<string, NodeFigures>();
  const outputs = new Map<string, number>();
  for (const figures of all) {
    for (const [id, f] of figures.nodes) {
      const before = nodes.get(id) ?? noNodeFigures;
      nodes.set(id, {
        calls: before.calls + f.calls,
        visits: before.visits + f.visits,
        hungUp: before.hungUp + f.hungUp,
        noInput: before.noInput + f.noInput,
        noMatch: before.noMatch + f.noMatch,
      });
    }
    for (const [id, n] of figures.outputs) outputs.set(id, (outputs.get(id) ?? 0) + n);
  }
  return { calls: all.reduce((sum, f) => sum + f.calls, 0), nodes, outputs };
}

/** The edges' widths and labels (the calls that passed) for the canvas overlay. */
export function edgeFigures(
  figures: FlowFigures,
  label: (count: number) => string,
): Map<string, { width: number; label: string }> {
  const most = Math.max(0, ...figures.outputs.values());
  return new Map(
    [...figures.outputs].map(([id, count]) => [
      id,
      { width: edgeWidth(count, most), label: label(count) },
    ]),
  );
}

/**
 * One call's path as canvas marks: the nodes it came to (`is-visited`), the
 * one it ended at (`is-active`), and the outputs it took (`is-taken`), as the
 * simulator marks a simulated call.
 */
export function pathMarks(lines: readonly TraceLine[]): CanvasMarks {
  const nodes = new Map<string, string>();
  const edges = new Map<string, string>();
  let last: string | null = null;
  for (const line of lines) {
    if (line.kind !== 'node') continue;
    nodes.set(line.id, 'is-visited');
    if (line.via !== undefined) edges.set(line.via, 'is-taken');
    last = line.id;
  }
  if (last !== null) nodes.set(last, 'is-visited is-active');
  return { nodes, edges };
}

/** The server's analytics of a period (counters kept as calls end) as the canvas's figures. */
export function figuresOfAnalytics(analytics: CallAnalytics): FlowFigures {
  const nodes = new Map<string, NodeFigures>();
  const outputs = new Map<string, number>();
  for (const n of analytics.nodes) {
    nodes.set(n.node, {
      calls: n.calls,
      visits: n.visits,
      hungUp: n.droppedOff,
      noInput: n.noInput,
      noMatch: n.noMatch,
    });
    for (const [port, count] of Object.entries(n.outputs)) outputs.set(`${n.node}:${port}`, count);
  }
  return { calls: analytics.totals.calls, nodes, outputs };
}

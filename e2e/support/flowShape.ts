import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The root of the repository, where `runtime/bin/callbot.js` lives. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A flow file as `Export flow` writes it (only what these specs read). */
export interface FlowFile {
  schemaVersion: number;
  settings: { name: string } & Record<string, unknown>;
  nodes: FlowFileNode[];
  layout: unknown;
}

interface FlowFileNode {
  id: string;
  kind: string;
  label?: string;
  data: Record<string, unknown>;
  connections: Record<string, string>;
}

interface MenuOptionJson {
  id: string;
  key: string;
  [field: string]: unknown;
}

/** A flow file of the repository, e.g. `runtime/examples/reception.flow.json`. */
export function readRepoFlow(path: string): FlowFile {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as FlowFile;
}

const optionsOf = (node: FlowFileNode): MenuOptionJson[] =>
  node.kind === 'menu' && Array.isArray(node.data.options)
    ? (node.data.options as MenuOptionJson[])
    : [];

/** A menu option's port named by its key rather than its generated id. */
function canonicalPort(node: FlowFileNode, port: string): string {
  const option = optionsOf(node).find((o) => port === `option:${o.id}`);
  return option ? `option:key ${option.key}` : port;
}

/**
 * The logic of a flow without anything generated: node ids become `n0`, `n1`...
 * in the order a walk from the greeting meets them (ports in name order),
 * menu option ids become their keys, the flow's name, the nodes' labels (names
 * the designer gives new nodes in the UI language) and the layout are left out.
 * Two flows with the same texts, teams, keys and graph have the same shape,
 * whatever ids and names the designer gave their nodes.
 */
export function flowShape(flow: FlowFile) {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const ref = new Map<string, string>();
  const queue = flow.nodes.filter((n) => n.kind === 'greeting').map((n) => n.id);
  const visit = (id: string) => {
    if (ref.has(id) || !byId.has(id)) return;
    ref.set(id, `n${ref.size}`);
    queue.push(id);
  };
  const roots = queue.splice(0);
  roots.forEach(visit);
  while (queue.length > 0) {
    const node = byId.get(queue.shift()!)!;
    const ports = Object.keys(node.connections).sort((a, b) =>
      canonicalPort(node, a).localeCompare(canonicalPort(node, b)),
    );
    for (const port of ports) visit(node.connections[port]!);
  }
  // Nodes the walk never met (there should be none) keep a stable order too.
  const unreached = flow.nodes
    .filter((n) => !ref.has(n.id))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  unreached.forEach((n) => ref.set(n.id, `unreached ${n.kind}`));

  const nodes = [...ref.keys()].map((id) => {
    const node = byId.get(id)!;
    const options = optionsOf(node);
    const data =
      options.length > 0
        ? {
            ...node.data,
            options: options.map(({ id: _id, ...option }) => option),
          }
        : node.data;
    const connections: Record<string, string> = Object.fromEntries(
      Object.entries(node.connections)
        .map(([port, target]): [string, string] => [
          canonicalPort(node, port),
          ref.get(target) ?? `missing ${target}`,
        ])
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    return {
      ref: ref.get(id),
      kind: node.kind,
      data,
      connections,
    };
  });
  const { name: _name, ...settings } = flow.settings;
  return { schemaVersion: flow.schemaVersion, settings, nodes };
}

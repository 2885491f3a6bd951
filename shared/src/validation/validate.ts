import type { Diagnostic } from '../document/diagnostic.ts';
import { loadFlow } from '../document/load.ts';
import type { FlowDocument } from '../document/schema.ts';
import { kindOf } from '../nodes/index.ts';
import { isValidTimeZone } from '../schedules/time.ts';
import { cycles, reachableFrom, successors } from './graph.ts';
import { checkTextHygiene } from './textHygiene.ts';

const nodePath = (i: number, field?: string) => `nodes[${i}]${field ? `.${field}` : ''}`;

function isValidLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

function checkSettings(doc: FlowDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!isValidTimeZone(doc.settings.timeZone)) {
    out.push({
      severity: 'error',
      code: 'settings.invalidTimeZone',
      message: `"${doc.settings.timeZone}" is not a time zone, so schedules cannot be read.`,
      hint: 'Pick the time zone of the business, e.g. America/Sao_Paulo.',
      params: { timeZone: doc.settings.timeZone },
      path: 'settings.timeZone',
    });
  }
  if (!isValidLocale(doc.settings.locale)) {
    out.push({
      severity: 'error',
      code: 'settings.invalidLocale',
      message: `"${doc.settings.locale}" is not a language tag.`,
      hint: 'Use a tag such as pt-BR, es or en-US.',
      params: { locale: doc.settings.locale },
      path: 'settings.locale',
    });
  }
  return out;
}

/**
 * Names every JavaScript object answers to (`Object.prototype`'s members)
 * that a node id could take (ids start with a letter or digit, so the
 * `__proto__` family is refused by the schema already, as are `constructor`
 * and `prototype`). A tool that looks an id up in a plain object would find
 * the built-in instead of nothing: the runtime and `shared` use `Map`s, and
 * validation refuses the names so no consumer can be caught out.
 */
export const RESERVED_NODE_IDS: ReadonlySet<string> = new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

function checkNodes(doc: FlowDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  doc.nodes.forEach((node, i) => {
    if (RESERVED_NODE_IDS.has(node.id)) {
      out.push({
        severity: 'error',
        code: 'node.reservedId',
        message: `"${node.id}" cannot be a node id: it is the name of a built-in property of every JavaScript object, which tools reading the flow could mistake for the node.`,
        hint: 'Rename the node.',
        params: { id: node.id },
        nodeId: node.id,
        path: nodePath(i, 'id'),
      });
    }
    if (seen.has(node.id)) {
      out.push({
        severity: 'error',
        code: 'node.duplicateId',
        message: `Two nodes are called "${node.id}"; connections to it would be ambiguous.`,
        hint: 'Rename one of them.',
        params: { id: node.id },
        nodeId: node.id,
        path: nodePath(i, 'id'),
      });
    }
    seen.add(node.id);
  });

  const greetings = doc.nodes.filter((n) => n.kind === 'greeting');
  if (greetings.length === 0) {
    out.push({
      severity: 'error',
      code: 'flow.noGreeting',
      message: 'The flow has no greeting, so a call would have nowhere to start.',
      hint: 'Add a Greeting node: every call starts there.',
      path: 'nodes',
    });
  }
  for (const extra of greetings.slice(1)) {
    out.push({
      severity: 'error',
      code: 'flow.manyGreetings',
      message: `A flow has exactly one greeting; "${extra.id}" is a second one.`,
      hint: 'Delete it, or turn it into a Message node.',
      params: { id: extra.id },
      nodeId: extra.id,
      path: nodePath(doc.nodes.indexOf(extra)),
    });
  }
  return out;
}

function checkConnections(doc: FlowDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Set(doc.nodes.map((n) => n.id));
  doc.nodes.forEach((node, i) => {
    const kind = kindOf(node);
    const ports = kind.ports(node.data);
    const portIds = new Set(ports.map((p) => p.id));
    const name = node.label ?? node.id;
    for (const [port, target] of Object.entries(node.connections)) {
      const path = nodePath(i, `connections.${port}`);
      if (!portIds.has(port)) {
        out.push({
          severity: 'warning',
          code: 'edge.unknownPort',
          message: `"${name}" has a connection from an output it no longer has ("${port}"); it is ignored.`,
          hint: 'Delete the connection.',
          params: { node: name, port, portId: port },
          nodeId: node.id,
          port,
          path,
        });
      } else if (!ids.has(target)) {
        const label = ports.find((p) => p.id === port)?.label ?? port;
        out.push({
          severity: 'error',
          code: 'edge.missingTarget',
          message: `The "${label}" output of "${name}" leads to "${target}", which does not exist.`,
          hint: 'Connect it to an existing node.',
          params: { port: label, portId: port, node: name, target },
          nodeId: node.id,
          port,
          path,
        });
      }
    }
    const reachable = new Set(kind.reachablePorts?.(node.data) ?? ports.map((p) => p.id));
    for (const port of ports) {
      if (reachable.has(port.id) && node.connections[port.id] === undefined) {
        out.push({
          severity: 'warning',
          code: 'port.unconnected',
          message: `The "${port.label}" output of "${node.label ?? node.id}" is not connected: if the call gets there, the bot hangs up.`,
          hint: 'Connect it to the node that should come next.',
          params: { port: port.label, portId: port.id, node: node.label ?? node.id },
          nodeId: node.id,
          port: port.id,
          path: nodePath(i, 'connections'),
        });
      }
    }
  });
  return out;
}

function checkGraph(doc: FlowDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const graph = successors(doc);
  const start = doc.nodes.find((n) => n.kind === 'greeting');
  if (start) {
    const reached = reachableFrom(graph, start.id);
    doc.nodes.forEach((node, i) => {
      if (!reached.has(node.id)) {
        out.push({
          severity: 'warning',
          code: 'node.unreachable',
          message: `No call can reach "${node.label ?? node.id}": nothing leads to it from the greeting.`,
          hint: 'Connect an output to it, or delete it.',
          params: { node: node.label ?? node.id },
          nodeId: node.id,
          path: nodePath(i),
        });
      }
    });
  }

  const listening = new Set(doc.nodes.filter((n) => kindOf(n).listens).map((n) => n.id));
  const silent = new Map([...graph].filter(([id]) => !listening.has(id)));
  // A silent caller takes a menu's noInput port; if that leads back to the
  // menu without anything else listening, a silent caller loops for ever.
  doc.nodes.forEach((node, i) => {
    const next = node.kind === 'menu' ? node.connections.noInput : undefined;
    if (next === undefined || !graph.has(next)) return;
    if (reachableFrom(silent, next).has(node.id)) {
      out.push({
        severity: 'warning',
        code: 'menu.noInputLoop',
        message: `A caller who says nothing hears "${node.label ?? node.id}" again and again: its "no input" output leads back to it.`,
        hint: 'Lead "no input" to a transfer or a goodbye.',
        params: { node: node.label ?? node.id },
        nodeId: node.id,
        port: 'noInput',
        path: nodePath(i, 'connections.noInput'),
      });
    }
  });

  for (const loop of cycles(doc.nodes, silent)) {
    const route = [...loop, loop[0]].join(' → ');
    for (const id of loop) {
      out.push({
        severity: 'error',
        code: 'flow.silentLoop',
        message: `"${id}" is in a loop where the bot never listens (${route}): the call would talk forever.`,
        hint: 'Put a menu in the loop, or lead one of its outputs elsewhere.',
        params: { id, route },
        nodeId: id,
        path: nodePath(doc.nodes.findIndex((n) => n.id === id)),
      });
    }
  }
  return out;
}

/**
 * Every check on a parsed document: settings, nodes, connections, the
 * graph, then each kind's own rules. Errors block compilation; warnings don't.
 */
export function validateDocument(doc: FlowDocument): Diagnostic[] {
  return [
    ...checkSettings(doc),
    ...checkNodes(doc),
    ...checkConnections(doc),
    ...checkGraph(doc),
    ...checkTextHygiene(doc),
    ...doc.nodes.flatMap((node, index) => kindOf(node).validate(node, { doc, index })),
  ];
}

/**
 * Checks anything claiming to be a flow (a parsed file, an object from the
 * designer) and returns its diagnostics. Never throws.
 *
 * @example
 * const diagnostics = validateFlow(JSON.parse(text));
 * if (hasErrors(diagnostics)) showThem(diagnostics);
 */
export function validateFlow(input: unknown): Diagnostic[] {
  const loaded = loadFlow(input);
  return loaded.ok ? validateDocument(loaded.doc) : loaded.diagnostics;
}

import type { NodeKindName, PortDef } from '@callbot/shared';
import { en } from './en.ts';
import { i18n, type Translate } from './index.ts';

/**
 * `@callbot/shared` names node kinds and ports in English; the designer says
 * them in the UI language, by kind name and port id.
 */

/** A node kind's title, as the palette and the canvas show it. */
export const kindTitle = (kind: NodeKindName, t: Translate = i18n.t): string =>
  t(`kinds.${kind}.title`);

type FixedPort = keyof typeof en.ports;
const isFixedPort = (id: string): id is FixedPort => Object.hasOwn(en.ports, id);

/**
 * An output's label: the kind's own outputs (no input, open, no agents...)
 * by their id; a menu option's, made of its key and the user's words, as is.
 */
export const portLabel = (port: PortDef, t: Translate = i18n.t): string =>
  isFixedPort(port.id) ? t(`ports.${port.id}`) : port.label;

/**
 * The name a new node gets, in the UI language: its kind's title ("Mensagem"),
 * or the title with the first free number when a node already goes by it
 * ("Menu de botões 2"). Ids stay ids; only what the canvas shows is named.
 */
export function defaultNodeLabel(
  nodes: readonly { id: string; label?: string | undefined }[],
  kind: NodeKindName,
  t: Translate = i18n.t,
): string {
  const title = kindTitle(kind, t);
  const taken = new Set(nodes.map((n) => n.label ?? n.id));
  if (!taken.has(title)) return title;
  for (let i = 2; ; i++) if (!taken.has(`${title} ${i}`)) return `${title} ${i}`;
}

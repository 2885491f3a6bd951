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

import { nodeKinds, type FlowNode, type NodeKindName } from '../nodes/index.ts';
import type { ByLanguage, FlowLanguage } from './language.ts';
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from './schema.ts';

/** The id of a new flow's hang-up: a word, in the flow's language. */
const goodbyeId: ByLanguage<string> = { 'pt-BR': 'tchau', es: 'adios', en: 'goodbye' };

/**
 * A new flow: a greeting that hangs up, ready to be drawn on. Its prompts are
 * in `language`, which also becomes the flow's `settings.locale`.
 */
export function createFlow(
  name: string,
  language: FlowLanguage = 'pt-BR',
  timeZone = 'America/Sao_Paulo',
): FlowDocument {
  const goodbye = goodbyeId[language];
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    settings: { name, timeZone, locale: language, noInputTimeoutMs: 5000 },
    nodes: [
      {
        id: 'greeting',
        kind: 'greeting',
        data: nodeKinds.greeting.defaults(language),
        connections: { next: goodbye },
      },
      { id: goodbye, kind: 'hangup', data: nodeKinds.hangup.defaults(language), connections: {} },
    ],
    layout: { nodes: { greeting: { x: 0, y: 0 }, [goodbye]: { x: 0, y: 160 } } },
  };
}

/** A node of a kind with its default data (texts in `language`) and no connections. */
export function createNode<K extends NodeKindName>(
  kind: K,
  id: string,
  language: FlowLanguage,
): Extract<FlowNode, { kind: K }> {
  return { id, kind, data: nodeKinds[kind].defaults(language), connections: {} } as Extract<
    FlowNode,
    { kind: K }
  >;
}

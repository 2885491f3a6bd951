import { loadFlow, type FlowDocument } from '@callbot/shared';
import aiAgentJson from '../examples/ai-agent.flow.json' with { type: 'json' };
import receptionJson from '../examples/reception.flow.json' with { type: 'json' };

function load(name: string, json: unknown): FlowDocument {
  const loaded = loadFlow(json);
  if (!loaded.ok) {
    const why = loaded.diagnostics.map((d) => d.message).join('; ');
    throw new Error(`The bundled example ${name} is invalid: ${why}`);
  }
  return loaded.doc;
}

/**
 * The example flows shipped with the runtime, parsed through the schema:
 * `reception` (a store's reception: schedule, menu, transfers, fallback bots)
 * and `aiAgent` (a greeting, then an AI agent that can transfer).
 *
 * @example
 * import { examples } from '@callbot/runtime';
 * const { machine } = compileFlow(examples.reception);
 */
export const examples: { readonly reception: FlowDocument; readonly aiAgent: FlowDocument } = {
  reception: load('reception.flow.json', receptionJson),
  aiAgent: load('ai-agent.flow.json', aiAgentJson),
};

import { openAiChatAgent, type AgentAdapter } from '@callbot/runtime';

/** The OpenAI-compatible endpoint simulated calls ask for AI agent turns. */
export interface AgentSettings {
  url: string;
  model: string;
  apiKey: string;
}

/** Where the settings are kept: this browser's local storage, nowhere else. */
export const AGENT_SETTINGS_KEY = 'callbot.designer.simulator.agent';

export const noAgentSettings: AgentSettings = { url: '', model: '', apiKey: '' };

export function loadAgentSettings(
  storage: Storage | undefined = globalThis.localStorage,
): AgentSettings {
  try {
    const raw = storage?.getItem(AGENT_SETTINGS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object') {
      const { url, model, apiKey } = parsed as Record<string, unknown>;
      return {
        url: typeof url === 'string' ? url : '',
        model: typeof model === 'string' ? model : '',
        apiKey: typeof apiKey === 'string' ? apiKey : '',
      };
    }
  } catch {
    // Unreadable settings count as none.
  }
  return noAgentSettings;
}

export function saveAgentSettings(
  settings: AgentSettings,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  if (!settings.url.trim()) storage?.removeItem(AGENT_SETTINGS_KEY);
  else storage?.setItem(AGENT_SETTINGS_KEY, JSON.stringify(settings));
}

/** The agent adapter for the settings, or none (the trainer types the turns) without a URL. */
export function agentFor(settings: AgentSettings): AgentAdapter | undefined {
  if (!settings.url.trim()) return undefined;
  return openAiChatAgent({
    url: settings.url.trim(),
    model: settings.model.trim(),
    ...(settings.apiKey && { apiKey: settings.apiKey }),
  });
}

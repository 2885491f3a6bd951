import { describe, expect, it } from 'vitest';
import {
  AGENT_SETTINGS_KEY,
  agentFor,
  loadAgentSettings,
  noAgentSettings,
  saveAgentSettings,
} from './agentSettings.ts';

describe('agent settings', () => {
  it('are kept in this browser’s local storage, and a blank URL removes them', () => {
    const settings = {
      url: 'http://localhost:11434/v1/chat/completions',
      model: 'llama3.1',
      apiKey: '',
    };
    saveAgentSettings(settings, localStorage);
    expect(loadAgentSettings(localStorage)).toEqual(settings);
    saveAgentSettings({ ...settings, url: '  ' }, localStorage);
    expect(localStorage.getItem(AGENT_SETTINGS_KEY)).toBeNull();
    expect(loadAgentSettings(localStorage)).toEqual(noAgentSettings);
  });

  it('read anything unreadable as none', () => {
    localStorage.setItem(AGENT_SETTINGS_KEY, '{not json');
    expect(loadAgentSettings(localStorage)).toEqual(noAgentSettings);
    localStorage.setItem(AGENT_SETTINGS_KEY, JSON.stringify({ url: 42, model: 'm' }));
    expect(loadAgentSettings(localStorage)).toEqual({ url: '', model: 'm', apiKey: '' });
    localStorage.clear();
  });

  it('give an agent only with a URL', () => {
    expect(agentFor(noAgentSettings)).toBeUndefined();
    expect(
      typeof agentFor({ url: 'https://x.test/v1/chat/completions', model: 'm', apiKey: 'k' }),
    ).toBe('function');
  });
});

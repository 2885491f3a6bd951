import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultProviderSettings,
  loadProviderSettings,
  normaliseBaseUrl,
  PROVIDER_SETTINGS_KEY,
  saveProviderSettings,
} from './settings.ts';

afterEach(() => localStorage.clear());

describe('provider settings', () => {
  it('default to the sandbox', () => {
    expect(loadProviderSettings(localStorage)).toEqual({ mode: 'sandbox', baseUrl: '', token: '' });
  });

  it('are kept in this browser’s local storage; back to a bare sandbox removes them', () => {
    const remote = { mode: 'remote' as const, baseUrl: 'https://api.provider.example', token: 't' };
    saveProviderSettings(remote, localStorage);
    expect(loadProviderSettings(localStorage)).toEqual(remote);
    saveProviderSettings(defaultProviderSettings, localStorage);
    expect(localStorage.getItem(PROVIDER_SETTINGS_KEY)).toBeNull();
  });

  it('refuse to save a remote provider without an http(s) base URL', () => {
    expect(() =>
      saveProviderSettings({ mode: 'remote', baseUrl: 'ftp://x', token: '' }, localStorage),
    ).toThrow('Not an http(s) base URL');
    expect(localStorage.getItem(PROVIDER_SETTINGS_KEY)).toBeNull();
  });

  it('read anything unreadable, or remote without a usable URL, as the sandbox', () => {
    localStorage.setItem(PROVIDER_SETTINGS_KEY, '{not json');
    expect(loadProviderSettings(localStorage)).toEqual(defaultProviderSettings);
    localStorage.setItem(
      PROVIDER_SETTINGS_KEY,
      JSON.stringify({ mode: 'remote', baseUrl: 'javascript:alert(1)', token: '' }),
    );
    expect(loadProviderSettings(localStorage)).toEqual(defaultProviderSettings);
  });

  it('accept only http(s) base URLs without query or fragment, without the trailing slash', () => {
    expect(normaliseBaseUrl(' https://api.provider.example/v2/ ')).toBe(
      'https://api.provider.example/v2',
    );
    expect(normaliseBaseUrl('http://localhost:8080')).toBe('http://localhost:8080');
    expect(normaliseBaseUrl('https://x.example/?a=1')).toBeNull();
    expect(normaliseBaseUrl('not a url')).toBeNull();
  });
});

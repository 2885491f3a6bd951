import { z } from 'zod';

/**
 * Which provider the designer talks to: the in-process sandbox (the default),
 * or a real provider's API at a base URL with a bearer token.
 */
export interface ProviderSettings {
  mode: 'sandbox' | 'remote';
  baseUrl: string;
  token: string;
}

/** Where the sandbox answers (in-process: nothing is ever sent to this address). */
export const SANDBOX_BASE_URL = 'https://sandbox.provider.test';

/** Where the settings are kept: this browser's local storage, nowhere else (the token too). */
export const PROVIDER_SETTINGS_KEY = 'callbot.designer.provider';

export const defaultProviderSettings: ProviderSettings = {
  mode: 'sandbox',
  baseUrl: '',
  token: '',
};

const storedSchema = z.object({
  mode: z.enum(['sandbox', 'remote']),
  baseUrl: z.string(),
  token: z.string(),
});

/** A base URL the client can use: http(s), no query or fragment; `null` otherwise. */
export function normaliseBaseUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
      return null;
    }
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** The saved settings; anything unreadable, or remote without a usable URL, reads as the sandbox. */
export function loadProviderSettings(
  storage: Storage | undefined = globalThis.localStorage,
): ProviderSettings {
  try {
    const raw = storage?.getItem(PROVIDER_SETTINGS_KEY);
    const parsed = storedSchema.safeParse(raw ? JSON.parse(raw) : null);
    if (parsed.success) {
      const { mode, baseUrl, token } = parsed.data;
      if (mode === 'sandbox' || normaliseBaseUrl(baseUrl)) return { mode, baseUrl, token };
    }
  } catch {
    // Unreadable settings count as none.
  }
  return defaultProviderSettings;
}

/** Saves the settings; back to the sandbox with nothing kept removes them. */
export function saveProviderSettings(
  settings: ProviderSettings,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  if (settings.mode === 'remote' && !normaliseBaseUrl(settings.baseUrl)) {
    throw new Error(`Not an http(s) base URL: "${settings.baseUrl}"`);
  }
  if (settings.mode === 'sandbox' && !settings.baseUrl.trim() && !settings.token) {
    storage?.removeItem(PROVIDER_SETTINGS_KEY);
  } else {
    storage?.setItem(PROVIDER_SETTINGS_KEY, JSON.stringify(settings));
  }
}

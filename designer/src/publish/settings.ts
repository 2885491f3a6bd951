import { z } from 'zod';

/**
 * Where the designer publishes: a runtime server's URL and its API token.
 * Kept in this browser's local storage only (the token too).
 */
export interface PublishSettings {
  serverUrl: string;
  token: string;
}

export const PUBLISH_SETTINGS_KEY = 'callbot.designer.publish';

export const emptyPublishSettings: PublishSettings = { serverUrl: '', token: '' };

const storedSchema = z.object({ serverUrl: z.string(), token: z.string() });

/** A server URL the client can use: http(s), no path, query or fragment; `null` otherwise. */
export function normaliseServerUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.search || url.hash || url.username || url.password) return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** The saved settings; anything unreadable reads as none. */
export function loadPublishSettings(
  storage: Storage | undefined = globalThis.localStorage,
): PublishSettings {
  try {
    const raw = storage?.getItem(PUBLISH_SETTINGS_KEY);
    const parsed = storedSchema.safeParse(raw ? JSON.parse(raw) : null);
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable settings count as none.
  }
  return emptyPublishSettings;
}

export function savePublishSettings(
  settings: PublishSettings,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  storage?.setItem(PUBLISH_SETTINGS_KEY, JSON.stringify(settings));
}

/**
 * A callbot id the server accepts (lowercase letters, digits and dashes),
 * made from a flow's name: `Recepção Loja Exemplo` → `recepcao-loja-exemplo`.
 */
export function callbotIdFromName(name: string): string {
  const id = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return id === '' ? 'callbot' : id;
}

export const CALLBOT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The callbot server of `workspace-pages.spec.ts`: like the remote one (this
 * run's designer build on one origin with the API, a fixed setup token,
 * PGlite emptied each run), on a port of its own (`E2E_PORT` + 4500, else
 * 8792), so its one-time setup is its own.
 */
const designerPort = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : null;
export const WS_PAGES_PORT = Number(
  process.env.E2E_WS_PAGES_PORT ?? (designerPort ? designerPort + 4500 : 8792),
);
export const WS_PAGES_URL = `http://127.0.0.1:${WS_PAGES_PORT}`;
export const WS_PAGES_SETUP_TOKEN = 'e2e-workspace-pages-setup-token';
export const WS_PAGES_DATA_DIR = path.join(tmpdir(), `callbot-e2e-ws-pages-${WS_PAGES_PORT}`);

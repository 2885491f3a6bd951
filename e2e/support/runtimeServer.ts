import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The runtime server the e2e suite publishes to (the second `webServer` of
 * `playwright.config.ts`): its own port (`E2E_SERVER_PORT`; with `E2E_PORT`
 * set, that port + 1000; else 8788), fixed test tokens, and PGlite in a
 * temporary folder emptied before each run.
 */
const designerPort = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : null;
export const SERVER_PORT = Number(
  process.env.E2E_SERVER_PORT ?? (designerPort ? designerPort + 1000 : 8788),
);
export const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;
export const SERVER_API_TOKEN = 'e2e-api-token';
export const SERVER_AUTH_TOKEN = 'e2e-auth-token';
export const SERVER_DATA_DIR = path.join(tmpdir(), `callbot-e2e-server-${SERVER_PORT}`);

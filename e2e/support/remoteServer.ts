import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The callbot server of `remote.spec.ts` (the fourth `webServer` of
 * `playwright.config.ts`): like the accounts one (this run's designer build
 * on one origin with the API, a fixed setup token, PGlite emptied each run),
 * on a port of its own (`E2E_PORT` + 3000, else 8790), so its one-time setup
 * is its own.
 */
const designerPort = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : null;
export const REMOTE_PORT = Number(
  process.env.E2E_REMOTE_PORT ?? (designerPort ? designerPort + 3000 : 8790),
);
export const REMOTE_URL = `http://127.0.0.1:${REMOTE_PORT}`;
export const REMOTE_SETUP_TOKEN = 'e2e-remote-setup-token';
export const REMOTE_DATA_DIR = path.join(tmpdir(), `callbot-e2e-remote-${REMOTE_PORT}`);

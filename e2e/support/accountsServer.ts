import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The callbot server that serves the designer itself, for `accounts.spec.ts`
 * (the third `webServer` of `playwright.config.ts`): this run's build of the
 * designer on one origin with the API, its own port (`E2E_ACCOUNTS_PORT`;
 * with `E2E_PORT` set, that port + 2000; else 8789), a fixed one-time setup
 * token (`CALLBOT_SETUP_TOKEN`, the server's hook for automation), and
 * PGlite in a temporary folder emptied before each run.
 */
const designerPort = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : null;
export const ACCOUNTS_PORT = Number(
  process.env.E2E_ACCOUNTS_PORT ?? (designerPort ? designerPort + 2000 : 8789),
);
export const ACCOUNTS_URL = `http://127.0.0.1:${ACCOUNTS_PORT}`;
export const ACCOUNTS_SETUP_TOKEN = 'e2e-setup-token';
export const ACCOUNTS_DATA_DIR = path.join(tmpdir(), `callbot-e2e-accounts-${ACCOUNTS_PORT}`);

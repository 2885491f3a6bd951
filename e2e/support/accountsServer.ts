import { tmpdir } from 'node:os';
import path from 'node:path';
import { originOf, portOf } from './ports.ts';

/**
 * The callbot server that serves the designer itself, for `accounts.spec.ts`
 * (the third `webServer` of `playwright.config.ts`): this run's build of the
 * designer on one origin with the API, its own port (`ports.ts`), a fixed one-time setup
 * token (`CALLBOT_SETUP_TOKEN`, the server's hook for automation), and
 * PGlite in a temporary folder emptied before each run.
 */
export const ACCOUNTS_PORT = portOf('accounts');
export const ACCOUNTS_URL = originOf('accounts');
export const ACCOUNTS_SETUP_TOKEN = 'e2e-setup-token';
export const ACCOUNTS_DATA_DIR = path.join(tmpdir(), `callbot-e2e-accounts-${ACCOUNTS_PORT}`);

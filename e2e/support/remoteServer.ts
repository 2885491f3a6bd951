import { tmpdir } from 'node:os';
import path from 'node:path';
import { originOf, portOf } from './ports.ts';

/**
 * The callbot server of `remote.spec.ts` (the fourth `webServer` of
 * `playwright.config.ts`): like the accounts one (this run's designer build
 * on one origin with the API, a fixed setup token, PGlite emptied each run),
 * on a port of its own (`ports.ts`), so its one-time setup is its own.
 */
export const REMOTE_PORT = portOf('remote');
export const REMOTE_URL = originOf('remote');
export const REMOTE_SETUP_TOKEN = 'e2e-remote-setup-token';
export const REMOTE_DATA_DIR = path.join(tmpdir(), `callbot-e2e-remote-${REMOTE_PORT}`);

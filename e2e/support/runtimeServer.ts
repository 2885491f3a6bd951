import { tmpdir } from 'node:os';
import path from 'node:path';
import { originOf, portOf } from './ports.ts';

/**
 * The runtime server the e2e suite publishes to (the second `webServer` of
 * `playwright.config.ts`): its own port (`ports.ts`), fixed test tokens, and PGlite in a
 * temporary folder emptied before each run.
 */
export const SERVER_PORT = portOf('runtime');
export const SERVER_URL = originOf('runtime');
export const SERVER_API_TOKEN = 'e2e-api-token';
export const SERVER_AUTH_TOKEN = 'e2e-auth-token';
export const SERVER_DATA_DIR = path.join(tmpdir(), `callbot-e2e-server-${SERVER_PORT}`);

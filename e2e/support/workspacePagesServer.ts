import { tmpdir } from 'node:os';
import path from 'node:path';
import { originOf, portOf } from './ports.ts';

/**
 * The callbot server of `workspace-pages.spec.ts`: like the remote one (this
 * run's designer build on one origin with the API, a fixed setup token,
 * PGlite emptied each run), on a port of its own (`ports.ts`), so its
 * one-time setup is its own.
 */
export const WS_PAGES_PORT = portOf('workspacePages');
export const WS_PAGES_URL = originOf('workspacePages');
export const WS_PAGES_SETUP_TOKEN = 'e2e-workspace-pages-setup-token';
export const WS_PAGES_DATA_DIR = path.join(tmpdir(), `callbot-e2e-ws-pages-${WS_PAGES_PORT}`);

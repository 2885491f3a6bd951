import { tmpdir } from 'node:os';
import path from 'node:path';
import { originOf, portOf } from './ports.ts';

/**
 * The callbot server of `provider.spec.ts` (a `webServer` of
 * `playwright.config.ts`): this run's designer build on one origin with the
 * API and the sandbox provider (no provider credentials), a fixed setup
 * token, PGlite emptied each run, on a port of its own (`ports.ts`), so
 * its one-time setup is its own.
 */
export const PROVIDER_PORT = portOf('provider');
export const PROVIDER_URL = originOf('provider');
export const PROVIDER_SETUP_TOKEN = 'e2e-provider-setup-token';
export const PROVIDER_DATA_DIR = path.join(tmpdir(), `callbot-e2e-provider-${PROVIDER_PORT}`);

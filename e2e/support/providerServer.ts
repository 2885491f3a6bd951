import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The callbot server of `provider.spec.ts` (a `webServer` of
 * `playwright.config.ts`): this run's designer build on one origin with the
 * API and the sandbox provider (no provider credentials), a fixed setup
 * token, PGlite emptied each run, on a port of its own (`E2E_PORT` + 4000,
 * else 8791), so its one-time setup is its own.
 */
const designerPort = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : null;
export const PROVIDER_PORT = Number(
  process.env.E2E_PROVIDER_PORT ?? (designerPort ? designerPort + 5500 : 8794),
);
export const PROVIDER_URL = `http://127.0.0.1:${PROVIDER_PORT}`;
export const PROVIDER_SETUP_TOKEN = 'e2e-provider-setup-token';
export const PROVIDER_DATA_DIR = path.join(tmpdir(), `callbot-e2e-provider-${PROVIDER_PORT}`);

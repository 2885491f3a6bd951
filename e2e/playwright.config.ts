import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import {
  ACCOUNTS_DATA_DIR,
  ACCOUNTS_PORT,
  ACCOUNTS_SETUP_TOKEN,
  ACCOUNTS_URL,
} from './support/accountsServer.ts';
import {
  PROVIDER_DATA_DIR,
  PROVIDER_PORT,
  PROVIDER_SETUP_TOKEN,
  PROVIDER_URL,
} from './support/providerServer.ts';
import {
  REMOTE_DATA_DIR,
  REMOTE_PORT,
  REMOTE_SETUP_TOKEN,
  REMOTE_URL,
} from './support/remoteServer.ts';
import {
  CALLS_WS_DATA_DIR,
  CALLS_WS_PORT,
  CALLS_WS_URL,
  PUBLISH_WS_AUTH_TOKEN,
  PUBLISH_WS_DATA_DIR,
  PUBLISH_WS_PORT,
  PUBLISH_WS_SETUP_TOKEN,
  PUBLISH_WS_URL,
} from './support/publishWorkspaceServer.ts';
import {
  SERVER_API_TOKEN,
  SERVER_AUTH_TOKEN,
  SERVER_DATA_DIR,
  SERVER_PORT,
  SERVER_URL,
} from './support/runtimeServer.ts';
import { DESIGNER_OUT_DIR, DESIGNER_PORT } from './support/ports.ts';
import {
  WS_PAGES_DATA_DIR,
  WS_PAGES_PORT,
  WS_PAGES_SETUP_TOKEN,
  WS_PAGES_URL,
} from './support/workspacePagesServer.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/**
 * `E2E_PORT=4301 npx playwright test -c e2e/playwright.config.ts` serves its own
 * build (in `designer/dist-e2e-4301`) on its own port, and its servers on the
 * ports of `support/ports.ts`, so two runs side by side never test each
 * other's build or server.
 */
const port = DESIGNER_PORT;
const outDir = DESIGNER_OUT_DIR;

/**
 * Specs run against the production build of the designer, served by
 * `vite preview`, in Debian's Chromium (no Playwright browser download:
 * CI has no internet).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  // On CI, a spec that fails once is run again and reported as flaky (as
  // Playwright's own template does); one that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    // The designer speaks the browser's language: specs find controls by their
    // English names, whatever the machine's locale (`i18n.spec.ts` sets its own).
    locale: 'en-US',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: `npm run build --workspace @callbot/designer -- --outDir ${outDir} && npm run preview --workspace @callbot/designer -- --outDir ${outDir} --port ${port} --strictPort`,
      cwd: repoRoot,
      url: `http://localhost:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      // The runtime server that `publish.spec.ts` publishes to, on an empty database each run
      // (never reused: a server left from another run holds its versions).
      command: `rm -rf ${SERVER_DATA_DIR} && npm run server`,
      cwd: repoRoot,
      url: `${SERVER_URL}/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(SERVER_PORT),
        HOST: '127.0.0.1',
        CALLBOT_DATA_DIR: SERVER_DATA_DIR,
        CALLBOT_API_TOKEN: SERVER_API_TOKEN,
        TWILIO_AUTH_TOKEN: SERVER_AUTH_TOKEN,
      },
    },
    {
      // A callbot server serving this run's designer build (built by the first entry, which
      // Playwright starts first), for `accounts.spec.ts`: setup, sign-in and invitations on
      // one origin. An empty database each run: setup happens once per database.
      command: `rm -rf ${ACCOUNTS_DATA_DIR} && npm run server`,
      cwd: repoRoot,
      url: `${ACCOUNTS_URL}/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(ACCOUNTS_PORT),
        HOST: '127.0.0.1',
        CALLBOT_DATA_DIR: ACCOUNTS_DATA_DIR,
        CALLBOT_SETUP_TOKEN: ACCOUNTS_SETUP_TOKEN,
        CALLBOT_DESIGNER_DIR: `${repoRoot}designer/${outDir}`,
      },
    },
    {
      command: `rm -rf ${REMOTE_DATA_DIR} && npm run server`,
      cwd: repoRoot,
      url: `${REMOTE_URL}/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(REMOTE_PORT),
        HOST: '127.0.0.1',
        CALLBOT_DATA_DIR: REMOTE_DATA_DIR,
        CALLBOT_SETUP_TOKEN: REMOTE_SETUP_TOKEN,
        CALLBOT_DESIGNER_DIR: `${repoRoot}designer/${outDir}`,
      },
    },
    {
      // The server of `workspace-pages.spec.ts` (two editors on the teams, lines and schedules pages).
      command: `rm -rf ${WS_PAGES_DATA_DIR} && npm run server`,
      cwd: repoRoot,
      url: `${WS_PAGES_URL}/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(WS_PAGES_PORT),
        HOST: '127.0.0.1',
        CALLBOT_DATA_DIR: WS_PAGES_DATA_DIR,
        CALLBOT_SETUP_TOKEN: WS_PAGES_SETUP_TOKEN,
        CALLBOT_DESIGNER_DIR: `${repoRoot}designer/${outDir}`,
      },
    },
    // The servers of `publish-workspace.spec.ts` and of `calls.spec.ts` (one-click publish, then
    // signed webhooks): one each, so each spec's calls and counts are its own.
    ...[
      [PUBLISH_WS_PORT, PUBLISH_WS_URL, PUBLISH_WS_DATA_DIR] as const,
      [CALLS_WS_PORT, CALLS_WS_URL, CALLS_WS_DATA_DIR] as const,
    ].map(([port, url, dataDir]) => ({
      command: `rm -rf ${dataDir} && npm run server`,
      cwd: repoRoot,
      url: `${url}/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        CALLBOT_DATA_DIR: dataDir,
        CALLBOT_SETUP_TOKEN: PUBLISH_WS_SETUP_TOKEN,
        CALLBOT_DESIGNER_DIR: `${repoRoot}designer/${outDir}`,
        TWILIO_AUTH_TOKEN: PUBLISH_WS_AUTH_TOKEN,
        CALLBOT_PUBLIC_URL: url,
      },
    })),
    {
      // The server of `provider.spec.ts`: the sandbox provider on the server, a setup of its own.
      command: `rm -rf ${PROVIDER_DATA_DIR} && npm run server`,
      cwd: repoRoot,
      url: `${PROVIDER_URL}/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(PROVIDER_PORT),
        HOST: '127.0.0.1',
        CALLBOT_DATA_DIR: PROVIDER_DATA_DIR,
        CALLBOT_SETUP_TOKEN: PROVIDER_SETUP_TOKEN,
        CALLBOT_DESIGNER_DIR: `${repoRoot}designer/${outDir}`,
      },
    },
  ],
});

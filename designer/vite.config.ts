import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Builds the designer SPA to `designer/dist`, and is also the designer's
 * vitest project (listed in the root `vite.config.ts`). Storybook reads it
 * too, so the stories are built the way the app is.
 *
 * `@callbot/shared` and `@callbot/runtime` are bundled from their TypeScript
 * sources (the `@callbot/source` export condition): no build step first.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { conditions: ['@callbot/source', ...defaultClientConditions] },
  // Tests in the node environment (the layers test) resolve as the server side does.
  ssr: { resolve: { conditions: ['@callbot/source', ...defaultServerConditions] } },
  build: { outDir: 'dist', emptyOutDir: true },
  // `npm run dev`: the designer with hot reload on :5173, its API calls sent to the server
  // (`npm run server`, :8787; `CALLBOT_SERVER_URL` overrides), so the session cookie is first-party.
  server: { proxy: { '/api': process.env.CALLBOT_SERVER_URL ?? 'http://127.0.0.1:8787' } },
  // `vite preview` would inherit that proxy: it stays a static host (the designer browser-only,
  // as the e2e specs run it), and a server that is down is no 502 in the browser's console.
  preview: { proxy: {} },
  test: {
    name: 'designer',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Interaction tests type and click through whole forms: on a loaded 2-core
    // machine some take seconds, which is slowness, not failure.
    testTimeout: 30_000,
  },
});

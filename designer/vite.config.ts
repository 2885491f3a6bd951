import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Builds the designer SPA to `designer/dist`, and is also the designer's
 * vitest project (listed in the root `vite.config.ts`). Storybook reads it
 * too, so the stories are built the way the app is.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    name: 'designer',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Interaction tests type and click through whole forms: on a loaded 2-core
    // machine some take seconds, which is slowness, not failure.
    testTimeout: 20_000,
  },
});

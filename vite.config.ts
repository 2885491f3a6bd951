import { defineConfig } from 'vitest/config';

/**
 * Unit tests for every package, run from the root with `npm run test:unit`.
 * Tests sit beside their source as `*.test.ts(x)`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'runtime',
          root: './runtime',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      './designer/vite.config.ts',
    ],
  },
});

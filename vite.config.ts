import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Inside the monorepo, `@callbot/shared` and `@callbot/runtime` resolve to
 * their TypeScript sources through this export condition, so nothing needs
 * building first; what is published is the build in `dist/`.
 */
const SOURCE_CONDITION = '@callbot/source';

/**
 * A package whose tests run in Node. The processes they spawn (the `callbot`
 * bin, the server) are given the condition too, through `NODE_OPTIONS`.
 */
const nodeProject = (name: string): TestProjectInlineConfiguration => ({
  // Then Vite's own defaults for Node, as `defaultServerConditions` lists them
  // (not imported: this file is linted without a tsconfig that resolves 'vite').
  ssr: { resolve: { conditions: [SOURCE_CONDITION, 'module', 'node', 'development|production'] } },
  test: {
    name,
    root: `./${name}`,
    include: ['src/**/*.test.ts'],
    environment: 'node',
    env: { NODE_OPTIONS: `--conditions=${SOURCE_CONDITION}` },
  },
});

/**
 * Unit tests for every package, run from the root with `npm run test:unit`.
 * Tests sit beside their source as `*.test.ts(x)`.
 */
export default defineConfig({
  test: {
    projects: [
      nodeProject('shared'),
      nodeProject('runtime'),
      nodeProject('server'),
      './designer/vite.config.ts',
    ],
  },
});

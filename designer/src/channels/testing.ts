// Test and story helpers: a fresh workspace on fake-indexeddb and a sandbox
// provider sharing one manual clock. Imported by tests and stories only.
import { createTestRepository, createTestWorkspace } from '../persistence/testing.ts';
import type { SandboxOptions } from '../provider/sandbox/handlers.ts';
import { sandboxForStories } from '../provider/sandbox/stories.ts';
import type { ChannelServices } from './services.tsx';

/** Monday 2 March 2026, 12:00 in São Paulo (15:00 UTC). */
export const START = Date.parse('2026-03-02T15:00:00Z');

/**
 * A workspace, a flow repository on the same database and a sandbox
 * provider, all on one clock that only moves when told (`advance`); waiting
 * between polls moves it too, so a ringing call or an order progresses.
 */
export function channelsFixture(options: Omit<SandboxOptions, 'now' | 'storage'> = {}) {
  const clock = { now: START };
  const now = () => clock.now;
  const sandbox = sandboxForStories({ delayMs: 0, ...options, now });
  const { workspace, db } = createTestWorkspace();
  const { repo } = createTestRepository(db);
  let ids = 0;
  const services: ChannelServices = {
    provider: sandbox.client,
    now,
    newId: () => `line-${++ids}`,
    wait: (ms) => {
      clock.now += ms;
      return Promise.resolve();
    },
    pollMs: 1_000,
  };
  return {
    workspace,
    repo,
    db,
    services,
    deps: { workspace, ...services },
    advance: (ms: number) => {
      clock.now += ms;
    },
    clock,
  };
}

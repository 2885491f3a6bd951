// Test and story helpers: a fresh workspace on fake-indexeddb and a sandbox
// provider sharing one manual clock. Imported by tests and stories only.
import { createTestRepository, createTestWorkspace } from '../../persistence/testing.ts';
import type { SandboxOptions } from '../../provider/sandbox/handlers.ts';
import { sandboxForStories } from '../../provider/sandbox/stories.ts';
import type { ReactNode } from 'react';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';
import { ChannelServicesProvider, type ChannelServices } from './services.tsx';

/** Monday 2 March 2026, 12:00 in São Paulo (15:00 UTC). */
export const START = Date.parse('2026-03-02T15:00:00Z');

/**
 * A workspace, a flow repository on the same database and a sandbox
 * provider, all on one clock that only moves when told (`advance`); waiting
 * between polls moves it too, so a ringing call or an order progresses.
 */
export function channelsFixture(
  options: Omit<SandboxOptions, 'now' | 'storage'> & {
    /** For components: waiting between polls takes 5 ms of real time and leaves the clock alone. */
    realWait?: boolean;
    /** The wall clock instead of the manual one (stories). */
    wallClock?: boolean;
  } = {},
) {
  const { realWait = false, wallClock = false, ...sandboxOptions } = options;
  const clock = { now: START };
  const now = wallClock ? () => Date.now() : () => clock.now;
  const sandbox = sandboxForStories({ delayMs: 0, ...sandboxOptions, now });
  const { workspace, db } = createTestWorkspace();
  const { repo } = createTestRepository(db);
  let ids = 0;
  const services: ChannelServices = {
    provider: sandbox.client,
    now,
    newId: () => `line-${++ids}`,
    wait: wallClock
      ? (ms) => new Promise((resolve) => setTimeout(resolve, ms))
      : realWait
        ? () => new Promise((resolve) => setTimeout(resolve, 5))
        : (ms) => {
            clock.now += ms;
            return Promise.resolve();
          },
    pollMs: 1_000,
  };
  /** The providers the channels and customers pages need, over this fixture. */
  const Providers = ({ children }: { children: ReactNode }) => (
    <RepositoryProvider repository={repo}>
      <WorkspaceProvider repository={workspace}>
        <ChannelServicesProvider services={services}>{children}</ChannelServicesProvider>
      </WorkspaceProvider>
    </RepositoryProvider>
  );
  return {
    workspace,
    repo,
    db,
    services,
    Providers,
    deps: { workspace, ...services },
    advance: (ms: number) => {
      clock.now += ms;
    },
    clock,
  };
}

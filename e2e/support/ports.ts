/**
 * Every server an e2e run starts, by name, with its port as an offset from
 * the designer's: `E2E_PORT` (each engineer's run its own), else 4173 (CI).
 * One table, read by `playwright.config.ts` and every spec, so two servers
 * of a run never share a port; runs side by side stay apart as long as their
 * `E2E_PORT`s differ by less than the smallest gap here (500).
 */
const OFFSETS = {
  /** `vite preview` of this run's build of the designer. */
  designer: 0,
  /** The runtime server `publish.spec.ts` publishes to by URL and token. */
  runtime: 1000,
  /** `accounts.spec.ts`: setup, sign-in and invitations. */
  accounts: 2000,
  /** `remote.spec.ts`. */
  remote: 3000,
  /** `publish-workspace.spec.ts`: one-click publish, signed webhooks. */
  publishWorkspace: 4000,
  /** `calls.spec.ts`: the same kind of server, its own, so its calls and counts are only its own. */
  callsWorkspace: 6000,
  /** `workspace-pages.spec.ts`: two editors on the workspace's pages. */
  workspacePages: 4500,
  /** `team.spec.ts`, which starts and stops its server itself. */
  team: 5000,
  /** `provider.spec.ts`: the sandbox provider on the server. */
  provider: 5500,
} as const;

export type E2eServer = keyof typeof OFFSETS;

const taken = new Map<number, E2eServer>();
for (const [name, offset] of Object.entries(OFFSETS) as [E2eServer, number][]) {
  const other = taken.get(offset);
  if (other)
    throw new Error(`e2e/support/ports.ts: ${name} and ${other} share the offset ${offset}.`);
  taken.set(offset, name);
}

/** The designer's port; set, it also names the run's own build folder. */
export const DESIGNER_PORT = Number(process.env.E2E_PORT ?? 4173);

/** The folder (in `designer/`) this run's build of the designer is written to and served from. */
export const DESIGNER_OUT_DIR = process.env.E2E_PORT ? `dist-e2e-${DESIGNER_PORT}` : 'dist';

/** The port of one of the run's servers. */
export const portOf = (server: E2eServer): number => DESIGNER_PORT + OFFSETS[server];

/** Its origin, on the loopback address the servers listen on. */
export const originOf = (server: E2eServer): string => `http://127.0.0.1:${portOf(server)}`;

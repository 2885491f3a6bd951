import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useCurrentWorkspace } from '../../account/AccountContext.tsx';
import {
  loadProviderSettings,
  providerClientFor,
  type ProviderClient,
} from '../../provider/index.ts';
import { serverProviderClient } from '../../provider/server.ts';

/**
 * What the channels and customers pages need besides the workspace storage:
 * the telephony provider, one clock (epoch ms) and how long to wait between
 * two polls of the provider. Tests and stories give their own (a sandbox and
 * a manual clock).
 */
export interface ChannelServices {
  provider: ProviderClient;
  /**
   * The provider is the workspace's server, which keeps the permissions and
   * attempts and applies R13-R15 itself; otherwise (browser-only) this
   * browser does, with the in-browser sandbox or a provider of its settings.
   */
  onServer?: boolean;
  now: () => number;
  newId: () => string;
  /** Waits `ms` before the next poll of an order or a ringing call. */
  wait: (ms: number) => Promise<void>;
  /** Between two polls of the provider, in ms. */
  pollMs: number;
}

const ServicesContext = createContext<ChannelServices | null>(null);

const wallClock = () => Date.now();
const randomId = () => crypto.randomUUID();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The app's services: the workspace's server for the provider when one
 * serves the designer (`workspaceId`), else the provider of this browser's
 * settings (the in-browser sandbox by default); the wall clock.
 */
export function appServices(workspaceId?: string): ChannelServices {
  return {
    provider: workspaceId
      ? serverProviderClient(workspaceId)
      : providerClientFor(loadProviderSettings()),
    ...(workspaceId && { onServer: true }),
    now: wallClock,
    newId: randomId,
    wait: sleep,
    pollMs: 1_000,
  };
}

export function ChannelServicesProvider({
  services,
  children,
}: {
  services: ChannelServices;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The services given by a `ChannelServicesProvider`, or the app's. */
export function useChannelServices(): ChannelServices {
  const given = useContext(ServicesContext);
  const workspaceId = useCurrentWorkspace()?.workspace.id;
  const fallback = useMemo(() => (given ? null : appServices(workspaceId)), [given, workspaceId]);
  return given ?? fallback!;
}

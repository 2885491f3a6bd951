import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  loadProviderSettings,
  providerClientFor,
  type ProviderClient,
} from '../../provider/index.ts';

/**
 * What the channels and customers pages need besides the workspace storage:
 * the telephony provider, one clock (epoch ms) and how long to wait between
 * two polls of the provider. Tests and stories give their own (a sandbox and
 * a manual clock).
 */
export interface ChannelServices {
  provider: ProviderClient;
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

/** The app's services: the provider of the designer's settings, the wall clock. */
export function appServices(): ChannelServices {
  return {
    provider: providerClientFor(loadProviderSettings()),
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
  const fallback = useMemo(() => (given ? null : appServices()), [given]);
  return given ?? fallback!;
}

import { createContext, useContext } from 'react';
import type { CallsClient } from './callsClient.ts';

const ClientContext = createContext<CallsClient | null>(null);

/** Gives the calls views the calls API of the workspace in use (a test one in tests and stories). */
export const CallsClientProvider = ClientContext.Provider;

export function useCallsClient(): CallsClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useCallsClient must be used inside a CallsClientProvider');
  return client;
}

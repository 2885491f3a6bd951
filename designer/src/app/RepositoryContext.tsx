import { createContext, useContext, type ReactNode } from 'react';
import type { FlowRepository } from '../persistence/index.ts';

const RepositoryContext = createContext<FlowRepository | null>(null);

/** Gives the pages the browser's flow storage (a test repository in tests). */
export function RepositoryProvider({
  repository,
  children,
}: {
  repository: FlowRepository;
  children: ReactNode;
}) {
  return <RepositoryContext.Provider value={repository}>{children}</RepositoryContext.Provider>;
}

export function useRepository(): FlowRepository {
  const repository = useContext(RepositoryContext);
  if (!repository) throw new Error('useRepository must be used inside a RepositoryProvider');
  return repository;
}

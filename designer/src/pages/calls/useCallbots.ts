import { useEffect, useState } from 'react';
import { useRepository } from '../../app/RepositoryContext.tsx';

/**
 * The workspace's callbots (flows marked as callbots) by id, with their
 * names; empty until read, and when they cannot be (a call's callbot is then
 * shown by its id).
 */
export function useCallbotNames(): ReadonlyMap<string, string> {
  const repository = useRepository();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    repository.list().then(
      (flows) =>
        live && setNames(new Map(flows.filter((f) => f.callbot).map((f) => [f.id, f.name]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [repository]);
  return names;
}

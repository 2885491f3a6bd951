import { workspaceEventSchema } from '@callbot/shared';
import type { RemoteSync } from './flowRepository.ts';

/** What `connectEvents` needs of `EventSource` (the browser's, or a stand-in in tests). */
export interface EventSourceLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  onopen: (() => void) | null;
  close(): void;
}

/**
 * Listens to the workspace's server-sent events and passes each one, read
 * through the shared schema (anything else is ignored), to `sync`. When the
 * stream (re)opens — the browser reconnects on its own after the server was
 * away — the outbox is sent at once rather than at its next retry; so is it
 * when the browser says it is online again. Returns the stop.
 */
export function connectEvents(
  url: string,
  sync: Pick<RemoteSync, 'receive' | 'outbox'>,
  open: (url: string) => EventSourceLike = (u) =>
    new EventSource(u, { withCredentials: true }) as unknown as EventSourceLike,
): () => void {
  const source = open(url);
  source.onmessage = ({ data }) => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const event = workspaceEventSchema.safeParse(json);
    if (event.success) sync.receive(event.data);
  };
  const flush = () => void sync.outbox.flush();
  source.onopen = flush;
  globalThis.addEventListener?.('online', flush);
  return () => {
    source.close();
    globalThis.removeEventListener?.('online', flush);
  };
}

/**
 * Changes by others without a reload: every committed change and every
 * presence heartbeat goes on a bus, and each server instance hands what the
 * bus carries to its own event-stream clients. On PostgreSQL the bus is
 * LISTEN/NOTIFY, so instances sharing the database see each other's
 * changes; on PGlite (one process) it stays in the process.
 *
 * Presence (who has which flow open) is kept by each instance from the
 * heartbeats on the bus, and forgotten `expiryMs` after someone's last one
 * (by the injected clock, at each `sweep`).
 */
import {
  actorSchema,
  PRESENCE_EXPIRY_SECONDS,
  workspaceEventSchema,
  type Actor,
  type WorkspaceEvent,
} from '@callbot/shared';
import type http from 'node:http';
import pg from 'pg';
import { z } from 'zod';
import type { SqlClient } from '../db.ts';

/** What travels on the bus: an event for the stream, or a presence heartbeat (or leave). */
const busMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), ws: z.string(), event: workspaceEventSchema }),
  z.object({
    kind: z.literal('beat'),
    ws: z.string(),
    flowId: z.string(),
    actor: actorSchema,
    leaving: z.boolean(),
  }),
]);
export type BusMessage = z.infer<typeof busMessageSchema>;

export interface WorkspaceBus {
  /** Sends to every instance (this one too). */
  publish(message: BusMessage): Promise<void>;
  /** Hears every message; returns the unsubscribe. */
  subscribe(listener: (message: BusMessage) => void): () => void;
  close(): Promise<void>;
}

/** One instance: messages go straight to the listeners. */
export function inProcessBus(): WorkspaceBus {
  const listeners = new Set<(message: BusMessage) => void>();
  return {
    publish(message) {
      for (const listener of [...listeners]) listener(message);
      return Promise.resolve();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => Promise.resolve(),
  };
}

/** The PostgreSQL channel the instances share. */
export const NOTIFY_CHANNEL = 'callbot_workspace';

/**
 * Instances on one PostgreSQL: a message is a NOTIFY through `db` (sent
 * once the transaction that made the change committed), heard by a
 * dedicated connection to `url` that LISTENs. It connects in the
 * background and comes back `retryMs` after a break; `ready` settles once
 * it first listens. What arrives is read through the bus schema.
 */
export function postgresBus(
  db: SqlClient,
  url: string,
  { log = () => {}, retryMs = 1000 }: { log?: (line: string) => void; retryMs?: number } = {},
): WorkspaceBus & { ready: Promise<void> } {
  const listeners = new Set<(message: BusMessage) => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const again = () => {
    if (!closed) retry = setTimeout(() => void connect().catch(() => {}), retryMs);
  };

  async function connect() {
    const next = new pg.Client({ connectionString: url, keepAlive: true });
    next.on('notification', (note) => {
      if (note.channel !== NOTIFY_CHANNEL || note.payload === undefined) return;
      let raw: unknown;
      try {
        raw = JSON.parse(note.payload);
      } catch {
        return;
      }
      const parsed = busMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      for (const listener of [...listeners]) listener(parsed.data);
    });
    next.on('error', (error) => {
      log(`workspace events: the LISTEN connection broke (${error.message}); reconnecting`);
      void next.end().catch(() => {});
      if (client === next) client = null;
      again();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      log(`workspace events: cannot LISTEN (${(error as Error).message}); retrying`);
      void next.end().catch(() => {});
      again();
      throw error;
    }
    if (closed) await next.end();
    else client = next;
  }

  const ready = connect();
  // Retried in the background (logged): a start with the database down must not crash the process.
  ready.catch(() => {});
  return {
    ready,
    async publish(message) {
      await db.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, JSON.stringify(message)]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}

export interface WorkspaceHub {
  /** Hears the events of workspace `ws`; returns the unsubscribe. */
  subscribe(ws: string, listener: (event: WorkspaceEvent) => void): () => void;
  /** Hears the events of every workspace (the voice path's caches); returns the unsubscribe. */
  subscribeAll(listener: (ws: string, event: WorkspaceEvent) => void): () => void;
  /** Tells every instance's subscribers of `ws`. */
  publish(ws: string, event: WorkspaceEvent): Promise<void>;
  /** "`actor` has `flowId` open" (or has closed it); who has it open now. */
  beat(ws: string, flowId: string, actor: Actor, leaving?: boolean): Promise<Actor[]>;
  /** Who has the flow open now. */
  editors(ws: string, flowId: string): Actor[];
  /** Forgets those whose last heartbeat is older than the expiry, telling the subscribers. */
  sweep(): void;
}

/**
 * The events of every workspace on a bus, with presence. `now` is the
 * clock presence expires by (epoch ms).
 *
 * @example
 * const hub = createHub(inProcessBus(), () => Date.now());
 * hub.subscribe('ws1', (event) => send(event));
 */
export function createHub(
  bus: WorkspaceBus,
  now: () => number,
  { expiryMs = PRESENCE_EXPIRY_SECONDS * 1000 }: { expiryMs?: number } = {},
): WorkspaceHub {
  const subscribers = new Map<string, Set<(event: WorkspaceEvent) => void>>();
  /** ws → flow → user id → who and when last heard. */
  const presence = new Map<string, Map<string, Map<string, { actor: Actor; at: number }>>>();

  const everyone = new Set<(ws: string, event: WorkspaceEvent) => void>();

  const deliver = (ws: string, event: WorkspaceEvent) => {
    for (const listener of [...everyone]) listener(ws, event);
    for (const listener of [...(subscribers.get(ws) ?? [])]) listener(event);
  };

  const editorsOf = (ws: string, flowId: string): Actor[] =>
    [...(presence.get(ws)?.get(flowId)?.values() ?? [])]
      .filter((entry) => now() - entry.at <= expiryMs)
      .map((entry) => entry.actor)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  /** A heartbeat or leave heard (its own, applied at once, comes back from PostgreSQL: no change then). */
  function applyBeat({ ws, flowId, actor, leaving }: Extract<BusMessage, { kind: 'beat' }>) {
    const flows = presence.get(ws) ?? new Map<string, Map<string, { actor: Actor; at: number }>>();
    presence.set(ws, flows);
    const open = flows.get(flowId) ?? new Map<string, { actor: Actor; at: number }>();
    flows.set(flowId, open);
    const before = editorsOf(ws, flowId)
      .map((a) => a.id)
      .join();
    if (leaving) open.delete(actor.id);
    else open.set(actor.id, { actor, at: now() });
    if (open.size === 0) flows.delete(flowId);
    if (flows.size === 0) presence.delete(ws);
    // Told when the set of editors changes, not at every heartbeat.
    const after = editorsOf(ws, flowId);
    if (after.map((a) => a.id).join() !== before) {
      deliver(ws, { type: 'presence', flowId, editors: after });
    }
  }

  bus.subscribe((message) => {
    if (message.kind === 'event') deliver(message.ws, message.event);
    else applyBeat(message);
  });

  return {
    subscribe(ws, listener) {
      const set = subscribers.get(ws) ?? new Set();
      subscribers.set(ws, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) subscribers.delete(ws);
      };
    },
    subscribeAll(listener) {
      everyone.add(listener);
      return () => everyone.delete(listener);
    },
    publish: (ws, event) => bus.publish({ kind: 'event', ws, event }),
    async beat(ws, flowId, actor, leaving = false) {
      const message = { kind: 'beat', ws, flowId, actor, leaving } as const;
      applyBeat(message);
      await bus.publish(message);
      return editorsOf(ws, flowId);
    },
    editors: editorsOf,
    sweep() {
      for (const [ws, flows] of presence) {
        for (const [flowId, open] of flows) {
          let changed = false;
          for (const [userId, entry] of open) {
            if (now() - entry.at > expiryMs) {
              open.delete(userId);
              changed = true;
            }
          }
          if (open.size === 0) flows.delete(flowId);
          if (changed) deliver(ws, { type: 'presence', flowId, editors: editorsOf(ws, flowId) });
        }
        if (flows.size === 0) presence.delete(ws);
      }
    },
  };
}

/** Whether someone is still a member of a workspace (read from the database). */
export type StillMember = (ws: string, userId: string) => Promise<boolean>;

/**
 * A stream's subscription kept while its viewer is a member of the
 * workspace: without `stillMember` it lasts until the client leaves; with
 * it, membership is asked every `everyMs` and the stream ends (`end`) once
 * the viewer was removed (sessions and tokens are refused at once by the
 * route table; an open stream, within a check). Returns what stops it.
 */
export function whileMember(
  subscribe: () => () => void,
  viewer: { ws: string; userId: string },
  end: () => void,
  stillMember: StillMember | undefined,
  everyMs: number,
): () => void {
  const unsubscribe = subscribe();
  const check =
    stillMember &&
    setInterval(() => {
      stillMember(viewer.ws, viewer.userId)
        .then((still) => {
          if (!still) end();
        })
        .catch(() => {});
    }, everyMs);
  check?.unref();
  return () => {
    clearInterval(check);
    unsubscribe();
  };
}

/**
 * Answers a request with a server-sent events stream: `open` gets the
 * sender and what ends the stream, and returns what to do once it ended
 * (the client left, or `end` was called). A
 * comment line every `keepAliveMs` keeps proxies from closing it.
 */
export function writeEventStream(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  open: (send: (data: unknown) => void, end: () => void) => () => void,
  keepAliveMs = 25_000,
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  const close = open(
    (data) => res.write(`data: ${JSON.stringify(data)}\n\n`),
    () => res.end(),
  );
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  keepAlive.unref();
  let ended = false;
  const stop = () => {
    if (ended) return;
    ended = true;
    clearInterval(keepAlive);
    close();
  };
  req.on('close', stop);
  res.on('close', stop);
}

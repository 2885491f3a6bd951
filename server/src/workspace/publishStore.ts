/**
 * A workspace's published versions, the live one of each flow, and the
 * teams' routing (see `publishMigration.ts`); and what the voice webhooks
 * read of a workspace: its lines by number, its teams with their routing,
 * its settings and the live version of each callbot.
 *
 * Published versions are only ever inserted. Numbering and the live pointer
 * change under the flow's own lock, so two publishes at once get 1 and 2.
 */
import {
  botSchema,
  lineSchema,
  loadFlow,
  serverWorkspaceSettingsSchema,
  teamSchema,
  type Actor,
  type Bot as WorkspaceBot,
  type FlowDocument,
  type Line,
  type PublishedVersion,
  type ServerWorkspaceSettings,
  type Team,
  type TeamRouting,
} from '@callbot/shared';
import type { Database, Row, SqlClient } from '../db.ts';
import { DEFAULT_SETTINGS, WorkspaceError } from './store.ts';

/** A flow's publishes and roll-backs take turns (across instances on one PostgreSQL). */
const PUBLISH_LOCK = 7_210_417;

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

const versionOf = (row: Row): PublishedVersion => ({
  flowId: String(row.flow_id),
  version: Number(row.version),
  note: String(row.note),
  fingerprint: String(row.fingerprint),
  publishedAt: iso(row.published_at),
  publishedBy: { id: String(row.published_by_id), name: String(row.published_by_name) },
});

const VERSION_COLUMNS =
  'flow_id, version, note, fingerprint, published_at, published_by_id, published_by_name';

/** A workspace line found by the number a call is addressed to. */
export interface NumberLine {
  ws: string;
  line: Line;
}

/** What a call of a workspace reads, besides its line: one statement. */
export interface WorkspaceSnapshot {
  settings: ServerWorkspaceSettings;
  teams: Team[];
  routing: Map<string, { target: string | null; agentsAvailable: number }>;
  /** The workspace's fallback bots. */
  bots: WorkspaceBot[];
  /** flow id → the version its lines answer with. */
  live: Map<string, number>;
}

export interface PublishStore {
  /** The new version, made live; a 404 when the workspace has no such flow. */
  publish(
    ws: string,
    flowId: string,
    input: { doc: FlowDocument; fingerprint: string; note: string },
    by: Actor,
  ): Promise<PublishedVersion>;
  /** Newest first, with the live one; null when the flow is neither in the workspace nor published. */
  listPublished(
    ws: string,
    flowId: string,
  ): Promise<{ versions: PublishedVersion[]; live: number | null } | null>;
  /** Makes `version` (by default the one before the live one) live. */
  rollback(
    ws: string,
    flowId: string,
    version: number | undefined,
    by: Actor,
  ): Promise<PublishedVersion>;
  /** A published version's document (never changes: callers may keep it). */
  publishedDoc(ws: string, flowId: string, version: number): Promise<FlowDocument | null>;

  listRouting(ws: string): Promise<TeamRouting[]>;
  putRouting(
    ws: string,
    teamId: string,
    input: { target?: string; agentsAvailable: number },
  ): Promise<TeamRouting>;

  /** Every workspace line with this number (the voice and WhatsApp lines of one number). */
  linesByNumber(number: string): Promise<NumberLine[]>;
  snapshot(ws: string): Promise<WorkspaceSnapshot>;
}

/** The routing of a team: what was set, or the defaults (a queue named by its id, all its agents). */
export function routingOf(
  team: Team,
  set: { target: string | null; agentsAvailable: number } | undefined,
): TeamRouting {
  return {
    teamId: team.id,
    target: set?.target ?? team.id,
    agentsAvailable: set?.agentsAvailable ?? team.agents,
    set: set !== undefined,
  };
}

/**
 * @example
 * const published = createPublishStore(db, () => Date.now());
 * await published.publish('ws1', 'recepcao', { doc, fingerprint, note: '' }, actor);
 */
export function createPublishStore(db: Database, now: () => number): PublishStore {
  const stamp = () => new Date(now()).toISOString();

  const lockFlow = (tx: SqlClient, ws: string, flowId: string) =>
    tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PUBLISH_LOCK, `${ws}/${flowId}`]);

  async function liveOf(q: SqlClient, ws: string, flowId: string): Promise<number | null> {
    const { rows } = await q.query<{ version: number }>(
      'SELECT version FROM ws_live WHERE workspace_id = $1 AND flow_id = $2',
      [ws, flowId],
    );
    return rows[0] ? Number(rows[0].version) : null;
  }

  async function setLive(tx: SqlClient, ws: string, flowId: string, version: number, by: Actor) {
    await tx.query(
      `INSERT INTO ws_live (workspace_id, flow_id, version, set_at, set_by_id, set_by_name)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace_id, flow_id) DO UPDATE SET version = EXCLUDED.version,
         set_at = EXCLUDED.set_at, set_by_id = EXCLUDED.set_by_id, set_by_name = EXCLUDED.set_by_name`,
      [ws, flowId, version, stamp(), by.id, by.name],
    );
  }

  async function teamsOf(q: SqlClient, ws: string): Promise<Team[]> {
    const { rows } = await q.query<{ data: unknown }>(
      'SELECT data FROM ws_teams WHERE workspace_id = $1 ORDER BY id',
      [ws],
    );
    return rows.flatMap((r) => {
      const parsed = teamSchema.safeParse(r.data);
      return parsed.success ? [parsed.data] : [];
    });
  }

  return {
    publish: (ws, flowId, { doc, fingerprint, note }, by) =>
      db.transaction(async (tx) => {
        const flow = await tx.query('SELECT 1 FROM ws_flows WHERE workspace_id = $1 AND id = $2', [
          ws,
          flowId,
        ]);
        if (flow.count === 0 && flow.rows.length === 0) {
          throw new WorkspaceError(
            404,
            'not_found',
            `The flow ${flowId} is not in this workspace.`,
          );
        }
        await lockFlow(tx, ws, flowId);
        const { rows } = await tx.query(
          `INSERT INTO ws_published (workspace_id, flow_id, version, doc, fingerprint, note,
             published_at, published_by_id, published_by_name)
           SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8
           FROM ws_published WHERE workspace_id = $1 AND flow_id = $2
           RETURNING ${VERSION_COLUMNS}`,
          [ws, flowId, JSON.stringify(doc), fingerprint, note, stamp(), by.id, by.name],
        );
        const version = versionOf(rows[0]!);
        await setLive(tx, ws, flowId, version.version, by);
        return version;
      }),

    async listPublished(ws, flowId) {
      const { rows } = await db.query(
        `SELECT ${VERSION_COLUMNS} FROM ws_published WHERE workspace_id = $1 AND flow_id = $2
         ORDER BY version DESC`,
        [ws, flowId],
      );
      if (rows.length === 0) {
        const flow = await db.query('SELECT 1 FROM ws_flows WHERE workspace_id = $1 AND id = $2', [
          ws,
          flowId,
        ]);
        if (flow.rows.length === 0) return null;
      }
      return { versions: rows.map(versionOf), live: await liveOf(db, ws, flowId) };
    },

    rollback: (ws, flowId, version, by) =>
      db.transaction(async (tx) => {
        await lockFlow(tx, ws, flowId);
        const live = await liveOf(tx, ws, flowId);
        const { rows } = await tx.query(
          `SELECT ${VERSION_COLUMNS} FROM ws_published WHERE workspace_id = $1 AND flow_id = $2
           ORDER BY version DESC`,
          [ws, flowId],
        );
        const versions = rows.map(versionOf);
        if (versions.length === 0) {
          throw new WorkspaceError(404, 'not_found', `The flow ${flowId} was never published.`);
        }
        const earlier = versions.filter((v) => live === null || v.version < live);
        const target =
          version === undefined ? earlier[0] : versions.find((v) => v.version === version);
        if (!target) {
          throw new WorkspaceError(
            409,
            'no_earlier_version',
            version === undefined
              ? `Version ${live} is the first one of this flow: there is nothing to roll back to.`
              : `This flow has no published version ${version}.`,
          );
        }
        await setLive(tx, ws, flowId, target.version, by);
        return target;
      }),

    async publishedDoc(ws, flowId, version) {
      const { rows } = await db.query<{ doc: unknown }>(
        'SELECT doc FROM ws_published WHERE workspace_id = $1 AND flow_id = $2 AND version = $3',
        [ws, flowId, version],
      );
      if (!rows[0]) return null;
      const loaded = loadFlow(rows[0].doc);
      if (!loaded.ok) throw new Error(`The published version ${flowId}@${version} does not read.`);
      return loaded.doc;
    },

    async listRouting(ws) {
      const snapshot = await this.snapshot(ws);
      return snapshot.teams.map((team) => routingOf(team, snapshot.routing.get(team.id)));
    },

    async putRouting(ws, teamId, { target, agentsAvailable }) {
      const team = (await teamsOf(db, ws)).find((t) => t.id === teamId);
      if (!team)
        throw new WorkspaceError(404, 'not_found', `The team ${teamId} is not in this workspace.`);
      await db.query(
        `INSERT INTO ws_team_routing (workspace_id, team_id, target, agents_available, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id, team_id) DO UPDATE SET target = EXCLUDED.target,
           agents_available = EXCLUDED.agents_available, updated_at = EXCLUDED.updated_at`,
        [ws, teamId, target ?? null, agentsAvailable, stamp()],
      );
      return routingOf(team, { target: target ?? null, agentsAvailable });
    },

    async linesByNumber(number) {
      const { rows } = await db.query<{ workspace_id: string; data: unknown }>(
        `SELECT workspace_id, data FROM ws_lines WHERE data ->> 'number' = $1
         ORDER BY updated_at, workspace_id, id`,
        [number],
      );
      return rows.flatMap((r) => {
        const parsed = lineSchema.safeParse(r.data);
        return parsed.success ? [{ ws: r.workspace_id, line: parsed.data }] : [];
      });
    },

    async snapshot(ws) {
      const { rows } = await db.query(
        `SELECT
           (SELECT data FROM ws_settings WHERE workspace_id = $1) AS settings,
           (SELECT coalesce(json_agg(t.data ORDER BY t.id), '[]') FROM ws_teams t WHERE t.workspace_id = $1) AS teams,
           (SELECT coalesce(json_agg(json_build_object('id', r.team_id, 'target', r.target, 'agents', r.agents_available)), '[]')
              FROM ws_team_routing r WHERE r.workspace_id = $1) AS routing,
           (SELECT coalesce(json_agg(b.data ORDER BY b.id), '[]') FROM ws_bots b WHERE b.workspace_id = $1) AS bots,
           (SELECT coalesce(json_agg(json_build_object('flow', l.flow_id, 'version', l.version)), '[]')
              FROM ws_live l WHERE l.workspace_id = $1) AS live`,
        [ws],
      );
      const row = rows[0]!;
      const json = <T>(value: unknown): T =>
        (typeof value === 'string' ? JSON.parse(value) : value) as T;
      const settings = serverWorkspaceSettingsSchema.safeParse(json(row.settings));
      const teams = json<unknown[]>(row.teams).flatMap((t) => {
        const parsed = teamSchema.safeParse(t);
        return parsed.success ? [parsed.data] : [];
      });
      const bots = json<unknown[]>(row.bots).flatMap((b) => {
        const parsed = botSchema.safeParse(b);
        return parsed.success ? [parsed.data] : [];
      });
      const routing = new Map(
        json<{ id: string; target: string | null; agents: number }[]>(row.routing).map((r) => [
          r.id,
          { target: r.target, agentsAvailable: Number(r.agents) },
        ]),
      );
      const live = new Map(
        json<{ flow: string; version: number }[]>(row.live).map((l) => [l.flow, Number(l.version)]),
      );
      return {
        settings: settings.success ? settings.data : DEFAULT_SETTINGS,
        teams,
        routing,
        bots,
        live,
      };
    },
  };
}

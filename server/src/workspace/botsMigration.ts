/**
 * The workspace's bots (bots de contingência), which fallback-bot nodes name
 * (issue 14: nodes pick from the workspace): kept like the teams, as their
 * shared schema's JSON (`botSchema`), one row each, read back through it.
 */
export const WORKSPACE_BOTS_MIGRATION = `
  CREATE TABLE ws_bots (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id text NOT NULL,
    data jsonb NOT NULL,
    revision integer NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, id)
  );
`;

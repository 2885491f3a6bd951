/**
 * Publishing under a workspace and answering its calls (issue 14, 15):
 * - `ws_published`: every version of a workspace's flow ever published, as
 *   it was (immutable: rows are only inserted), numbered per flow, with who
 *   published it, when, and the note. Kept when the flow is deleted: a call
 *   in progress still runs the version it started on.
 * - `ws_live`: the version of each flow the workspace's lines assigned to it
 *   answer with (the last published, or the one rolled back to).
 * - `ws_team_routing`: a team's telephony side, changed often and by scripts
 *   (agents logging in and out), so kept apart from the team's record: where
 *   a transfer dials and how many agents can take a call now.
 * - an index to find a workspace's line by the number a call is addressed to.
 */
export const PUBLISH_MIGRATION = `
  CREATE TABLE ws_published (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    flow_id text NOT NULL,
    version integer NOT NULL,
    doc jsonb NOT NULL,
    fingerprint text NOT NULL,
    note text NOT NULL,
    published_at timestamptz NOT NULL,
    published_by_id text NOT NULL,
    published_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, flow_id, version)
  );
  CREATE TABLE ws_live (
    workspace_id text NOT NULL,
    flow_id text NOT NULL,
    version integer NOT NULL,
    set_at timestamptz NOT NULL,
    set_by_id text NOT NULL,
    set_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, flow_id),
    FOREIGN KEY (workspace_id, flow_id, version) REFERENCES ws_published (workspace_id, flow_id, version) ON DELETE CASCADE
  );
  CREATE TABLE ws_team_routing (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    team_id text NOT NULL,
    target text,
    agents_available integer NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, team_id)
  );
  CREATE INDEX ws_lines_number ON ws_lines ((data ->> 'number'));
`;

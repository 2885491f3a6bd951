/**
 * The workspace's tables (issue 14): every row belongs to one workspace
 * (`workspace_id`, first in every key, so a workspace's rows are read by
 * prefix and never mixed). Flows keep their document as jsonb with a
 * revision; versions and test cases go with their flow. The other records
 * (teams, named schedules, lines, customers, call permissions, call
 * attempts) are kept as their shared schema's JSON, one table each, read
 * back through that schema every time. Who wrote a row is kept as the
 * user's id and name at the time (shown as "changed by"). A workspace
 * deleted takes all its rows with it.
 */
export const WORKSPACE_MIGRATION = `
  CREATE TABLE ws_settings (
    workspace_id text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    data jsonb NOT NULL,
    revision integer NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL
  );
  CREATE TABLE ws_flows (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id text NOT NULL,
    name text NOT NULL,
    doc jsonb NOT NULL,
    revision integer NOT NULL,
    callbot boolean NOT NULL DEFAULT false,
    is_example boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, id)
  );
  CREATE TABLE ws_flow_versions (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text NOT NULL,
    flow_id text NOT NULL,
    revision integer NOT NULL,
    note text NOT NULL,
    auto boolean NOT NULL,
    doc jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    created_by_id text NOT NULL,
    created_by_name text NOT NULL,
    FOREIGN KEY (workspace_id, flow_id) REFERENCES ws_flows (workspace_id, id) ON DELETE CASCADE
  );
  CREATE INDEX ws_flow_versions_flow ON ws_flow_versions (workspace_id, flow_id, id);
  CREATE TABLE ws_test_cases (
    workspace_id text NOT NULL,
    flow_id text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    script jsonb NOT NULL,
    transcript jsonb NOT NULL,
    flow_revision integer NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, flow_id, id),
    FOREIGN KEY (workspace_id, flow_id) REFERENCES ws_flows (workspace_id, id) ON DELETE CASCADE
  );
  CREATE UNIQUE INDEX ws_test_cases_name ON ws_test_cases (workspace_id, flow_id, lower(name));
  CREATE TABLE ws_teams (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id text NOT NULL,
    data jsonb NOT NULL,
    revision integer NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, id)
  );
  CREATE UNIQUE INDEX ws_teams_one_default ON ws_teams (workspace_id) WHERE (data ->> 'isDefault') = 'true';
  CREATE TABLE ws_schedules (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id text NOT NULL,
    data jsonb NOT NULL,
    revision integer NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, id)
  );
  CREATE TABLE ws_lines (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id text NOT NULL,
    data jsonb NOT NULL,
    revision integer NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, id)
  );
  CREATE INDEX ws_lines_callbot ON ws_lines (workspace_id, (data ->> 'callbotId'));
  CREATE TABLE ws_customers (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id text NOT NULL,
    data jsonb NOT NULL,
    revision integer NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, id)
  );
  CREATE INDEX ws_customers_number ON ws_customers (workspace_id, (data ->> 'number'));
  CREATE TABLE ws_permissions (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id text NOT NULL,
    data jsonb NOT NULL,
    revision integer NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, id)
  );
  CREATE TABLE ws_attempts (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id text NOT NULL,
    data jsonb NOT NULL,
    revision integer NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_id text NOT NULL,
    updated_by_name text NOT NULL,
    PRIMARY KEY (workspace_id, id)
  );
  CREATE INDEX ws_attempts_number ON ws_attempts (workspace_id, (data ->> 'number'), (data ->> 'at'));
`;

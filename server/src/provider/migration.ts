/**
 * The provider's tables (issue 15), each row in its workspace:
 * - `ws_provider_accounts`: the workspace's provider account, its secret
 *   part sealed with AES-256-GCM (`credentials.ts`);
 * - `ws_provider_events`: every provider event applied, by the provider's
 *   own id: the same event delivered twice is found here and changes nothing;
 * - `ws_number_orders`: number orders and their status (R7), the reason of
 *   a failure kept;
 * - `ws_permission_origins`: where each customer's permission state came
 *   from (a provider reply, the invitation sent, a call), and when;
 * - `ws_outbound_calls`: the business-initiated calls placed, each with its
 *   call attempt (`ws_attempts`) and the provider's call id, closed by the
 *   call's status.
 */
export const PROVIDER_MIGRATION = `
  CREATE TABLE ws_provider_accounts (
    workspace_id text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    account_sid text NOT NULL,
    sealed text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by_name text NOT NULL
  );
  CREATE TABLE ws_provider_events (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    event_id text NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    outcome text NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, event_id)
  );
  CREATE TABLE ws_number_orders (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    order_id text NOT NULL,
    number text NOT NULL,
    country text NOT NULL,
    status text NOT NULL,
    failure_reason text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, order_id)
  );
  CREATE TABLE ws_permission_origins (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    number text NOT NULL,
    source text NOT NULL,
    event text NOT NULL,
    at bigint NOT NULL,
    PRIMARY KEY (workspace_id, number)
  );
  CREATE TABLE ws_outbound_calls (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    attempt_id text NOT NULL,
    call_id text,
    line_id text NOT NULL,
    from_number text NOT NULL,
    to_number text NOT NULL,
    status text NOT NULL,
    failure_reason text,
    started_at timestamptz NOT NULL,
    ended_at timestamptz,
    PRIMARY KEY (workspace_id, attempt_id)
  );
  CREATE UNIQUE INDEX ws_outbound_calls_call ON ws_outbound_calls (workspace_id, call_id);
`;

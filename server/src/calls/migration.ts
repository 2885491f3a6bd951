/**
 * The calls page's storage (issue 16), one migration:
 *
 * - what a call came to, set once when it ends (`finish.ts`): when it ended,
 *   how long it lasted, the node it ended at, what it cost; `summarized`
 *   says the counters below have it (a partial index finds those not yet);
 * - indexes for the list's filters and sorts, each led by the workspace and
 *   ending in the page order (`created_at`, `sid`), so a page is read from
 *   the index in order, never sorted;
 * - counters kept as calls end, per workspace, callbot, version and hour of
 *   the call's start: calls by status (with duration and cost), and per node
 *   visits, calls, outputs taken, no-inputs, no-matches and where calls
 *   ended. Analytics read these, never the events;
 * - each workspace's call-record settings (retention, caller speech,
 *   transcripts for viewers);
 * - the redaction of caller speech as it is written: a trigger on
 *   `call_events` masks or drops the words of a `speech` input by the call's
 *   workspace's setting, in the statement that writes the line (the call's
 *   row, written by the same statement when the call starts, is seen).
 */
export const CALLS_MIGRATION = `
  ALTER TABLE calls ADD COLUMN ended_at timestamptz;
  ALTER TABLE calls ADD COLUMN duration_ms integer;
  ALTER TABLE calls ADD COLUMN ended_node text;
  ALTER TABLE calls ADD COLUMN ended_node_label text;
  ALTER TABLE calls ADD COLUMN cost_amount integer;
  ALTER TABLE calls ADD COLUMN cost_currency text;
  ALTER TABLE calls ADD COLUMN cost_example boolean;
  ALTER TABLE calls ADD COLUMN summarized boolean NOT NULL DEFAULT false;
  CREATE INDEX calls_ws_started ON calls (workspace_id, created_at, sid);
  CREATE INDEX calls_ws_callbot_started ON calls (workspace_id, callbot_id, created_at, sid);
  CREATE INDEX calls_ws_line_started ON calls (workspace_id, line, created_at, sid);
  CREATE INDEX calls_ws_status_started ON calls (workspace_id, status, created_at, sid);
  CREATE INDEX calls_ws_duration ON calls (workspace_id, (coalesce(duration_ms, -1)), sid);
  CREATE INDEX calls_ws_cost ON calls (workspace_id, (coalesce(cost_amount, -1)), sid);
  CREATE INDEX calls_ws_live ON calls (workspace_id, created_at) WHERE status = 'in_progress';
  CREATE INDEX calls_to_summarize ON calls (updated_at) WHERE NOT summarized AND status <> 'in_progress';
  CREATE TABLE call_stats (
    workspace_id text NOT NULL,
    callbot_id text NOT NULL,
    version integer NOT NULL,
    hour timestamptz NOT NULL,
    status text NOT NULL,
    currency text NOT NULL,
    calls integer NOT NULL,
    duration_ms bigint NOT NULL,
    cost_amount bigint NOT NULL,
    PRIMARY KEY (workspace_id, callbot_id, version, hour, status, currency)
  );
  CREATE TABLE call_node_stats (
    workspace_id text NOT NULL,
    callbot_id text NOT NULL,
    version integer NOT NULL,
    hour timestamptz NOT NULL,
    node text NOT NULL,
    metric text NOT NULL,
    detail text NOT NULL,
    count integer NOT NULL,
    PRIMARY KEY (workspace_id, callbot_id, version, hour, node, metric, detail)
  );
  CREATE TABLE call_settings (
    workspace_id text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    retention_days integer NOT NULL,
    speech text NOT NULL CHECK (speech IN ('store', 'redact', 'none')),
    viewers_see_transcripts boolean NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE FUNCTION call_speech_masked(words text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(regexp_replace(words, '[^[:space:]@]+@[^[:space:]@]+', '[e-mail]', 'g'), '[0-9]', '#', 'g')
  $$;
  CREATE FUNCTION call_events_redact() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    mode text;
  BEGIN
    IF NEW.line ->> 'kind' = 'input' AND NEW.line -> 'event' ->> 'type' = 'speech' THEN
      SELECT s.speech INTO mode FROM calls c JOIN call_settings s ON s.workspace_id = c.workspace_id
        WHERE c.sid = NEW.sid;
      IF mode = 'none' THEN
        NEW.line := jsonb_set(NEW.line, '{event,text}', '""'::jsonb) || '{"redacted":"not_stored"}'::jsonb;
      ELSIF mode = 'redact' THEN
        NEW.line := jsonb_set(NEW.line, '{event,text}',
          to_jsonb(call_speech_masked(NEW.line -> 'event' ->> 'text'))) || '{"redacted":"masked"}'::jsonb;
      END IF;
    END IF;
    RETURN NEW;
  END
  $$;
  CREATE TRIGGER call_events_redact BEFORE INSERT ON call_events
    FOR EACH ROW EXECUTE FUNCTION call_events_redact();
`;

/**
 * The list filtered by callbot and version: without it, a version with no
 * calls in the period scanned all the callbot's calls of the period (1.7 s
 * at a million calls, `npm run bench:calls`); with it, 0.1 ms.
 */
export const CALLS_VERSION_INDEX_MIGRATION = `
  CREATE INDEX calls_ws_version_started ON calls (workspace_id, callbot_id, version, created_at, sid);
`;

/**
 * The analytics counters per quarter hour of UTC (the slot a call started
 * in) rather than per hour: an hour of UTC is not an hour of Asia/Kolkata
 * (+5:30), America/St_Johns (−3:30) or Asia/Kathmandu (+5:45), so hourly
 * counters put a call in the wrong local hour, and the wrong day at a
 * period's edge. Every zone's offset is a whole number of quarter hours, so
 * a quarter-hour slot lies in one local hour of any zone, and the by-hour
 * and by-day figures are exact everywhere (`analytics` in `store.ts`).
 * Counters kept before this stay in their hour's first slot: exact for
 * whole-hour zones, as they were.
 */
export const CALLS_QUARTER_HOUR_MIGRATION = `
  ALTER TABLE call_stats RENAME COLUMN hour TO slot;
  ALTER TABLE call_node_stats RENAME COLUMN hour TO slot;
  CREATE INDEX call_stats_all_versions ON call_stats (workspace_id, callbot_id, slot);
  CREATE INDEX call_node_stats_all_versions ON call_node_stats (workspace_id, callbot_id, slot);
`;

/**
 * The server's configuration from its environment, checked before anything
 * starts. Unsafe settings are refused, not warned about: a server reachable
 * beyond loopback must check webhook signatures and take a long API token.
 */
import { defaultCallSettings, MAX_RETENTION_DAYS } from '@callbot/shared';
import { HOLD_MESSAGES, type HoldMessages } from './protocol.ts';
import { DEFAULT_BOUNDS, type DatabaseBounds } from './db.ts';

/** An API token shorter than this is refused on a server reachable beyond loopback. */
export const MIN_TOKEN_LENGTH = 32;

export interface ServerConfig {
  port: number;
  host: string;
  /** The API token given, or undefined: one is made and kept in `tokenFile`. */
  token: string | undefined;
  tokenFile: string;
  authToken: string | undefined;
  sharedKeySecret: string | undefined;
  baseUrl: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  insecureNoSignature: boolean;
  keepAliveTimeoutMs: number;
  maxInFlight: number;
  deadlineMs: number;
  bounds: DatabaseBounds;
  /** A call with no request for this long is closed by the sweep. */
  sweepAfterMs: number;
  /** How many days the calls of server-wide lines (no workspace) are kept (`CALLBOT_CALL_RETENTION_DAYS`). */
  callRetentionDays: number;
  holdMessages: HoldMessages;
  /** The setup link's one-time token (`CALLBOT_SETUP_TOKEN`, for automation); random when unset. */
  setupToken: string | undefined;
  /** The built designer to serve (`CALLBOT_DESIGNER_DIR`); the default is used when it exists. */
  designerDir: string | undefined;
  /** `CALLBOT_TRUST_PROXY=1`: the client's address is the last of `X-Forwarded-For`. */
  trustProxy: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Whether `host` listens on loopback only. */
export const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * The configuration, or every reason it is refused (one line each).
 *
 * @example
 * const result = readConfig(process.env, { dataDir: 'server/.data' });
 * if (!result.ok) { console.error(result.errors.join('\n')); process.exit(2); }
 */
export function readConfig(
  env: Env,
  defaults: { dataDir: string },
): { ok: true; config: ServerConfig } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const number = (name: string, fallback: number, min: number, max: number) => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      errors.push(`${name}=${text}: expected a whole number from ${min} to ${max}.`);
      return fallback;
    }
    return value;
  };
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = env.CALLBOT_DATA_DIR ?? defaults.dataDir;
  const insecureNoSignature = env.CALLBOT_INSECURE_NO_SIGNATURE === '1';
  const token = env.CALLBOT_API_TOKEN || undefined;
  const public_ = !isLoopback(host);
  if (public_ && insecureNoSignature) {
    errors.push(
      `CALLBOT_INSECURE_NO_SIGNATURE=1 with HOST=${host}: anyone who reaches the server could drive calls. ` +
        'Unchecked webhooks are for loopback only (HOST=127.0.0.1).',
    );
  }
  if (public_ && token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    errors.push(
      `CALLBOT_API_TOKEN has ${token.length} characters and HOST=${host} is reachable beyond loopback: ` +
        `use at least ${MIN_TOKEN_LENGTH} (e.g. openssl rand -base64 33), or leave it unset to have one made.`,
    );
  }
  const keepAliveTimeoutMs = number('CALLBOT_KEEP_ALIVE_MS', 65_000, 1000, 600_000);
  const deadlineMs = number('CALLBOT_WEBHOOK_DEADLINE_MS', 8000, 500, 12_000);
  const bounds = {
    connectMs: number('CALLBOT_DB_CONNECT_TIMEOUT_MS', DEFAULT_BOUNDS.connectMs, 100, 12_000),
    statementMs: number('CALLBOT_DB_STATEMENT_TIMEOUT_MS', DEFAULT_BOUNDS.statementMs, 100, 12_000),
  };
  const language = env.CALLBOT_HOLD_LANGUAGE ?? 'pt-BR';
  const holdMessages = HOLD_MESSAGES[language];
  if (!holdMessages) {
    errors.push(
      `CALLBOT_HOLD_LANGUAGE=${language}: expected one of ${Object.keys(HOLD_MESSAGES).join(', ')}.`,
    );
  }
  const config: ServerConfig = {
    port: number('PORT', 8787, 0, 65_535),
    host,
    token,
    tokenFile: env.CALLBOT_API_TOKEN_FILE ?? `${dataDir}/api-token`,
    authToken: env.TWILIO_AUTH_TOKEN || undefined,
    sharedKeySecret: env.TWILIO_SHARED_KEY_SECRET || undefined,
    baseUrl: env.CALLBOT_PUBLIC_URL?.replace(/\/$/, '') || undefined,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    insecureNoSignature,
    keepAliveTimeoutMs,
    maxInFlight: number('CALLBOT_MAX_IN_FLIGHT', 64, 2, 100_000),
    deadlineMs,
    bounds,
    sweepAfterMs: number('CALLBOT_SWEEP_AFTER_MS', 4 * 3600_000, 60_000, 7 * 24 * 3600_000),
    callRetentionDays: number(
      'CALLBOT_CALL_RETENTION_DAYS',
      defaultCallSettings.retentionDays,
      1,
      MAX_RETENTION_DAYS,
    ),
    holdMessages: holdMessages ?? HOLD_MESSAGES['pt-BR']!,
    setupToken: env.CALLBOT_SETUP_TOKEN || undefined,
    designerDir: env.CALLBOT_DESIGNER_DIR || undefined,
    trustProxy: env.CALLBOT_TRUST_PROXY === '1',
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

/**
 * A workspace's provider credentials, encrypted at rest: AES-256-GCM
 * (node:crypto) with the server's key from the environment
 * (`CALLBOT_SECRET_KEY`, 32 bytes as 64 hex digits or base64), a random
 * 12-byte IV per write, and the workspace's id as additional data (a row
 * copied to another workspace does not decrypt). Without a key the server
 * cannot store credentials: every workspace uses the sandbox. The secret
 * part never leaves the server: the API answers only whether credentials
 * are set and the account SID's last characters, and nothing here logs.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ProviderCredentialsRequest, ProviderStatus } from '@callbot/shared';
import type { SqlClient } from '../db.ts';

/** The environment variable holding the key. */
export const SECRET_KEY_VARIABLE = 'CALLBOT_SECRET_KEY';

/**
 * The key from its environment value: 64 hex digits or base64 of 32 bytes.
 * `null` when unset; an error naming the variable when it is not a key.
 */
export function readSecretKey(value: string | undefined): Buffer | null {
  if (value === undefined || value.trim() === '') return null;
  const text = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(text)
      ? Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64')
      : null;
  if (!key || key.length !== 32) {
    throw new Error(
      `${SECRET_KEY_VARIABLE} must be 32 bytes, as 64 hexadecimal digits or base64 (openssl rand -hex 32 makes one).`,
    );
  }
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => p.toString('base64url')).join('.');
}

/** The plain text, or an error when the key, the context or the text is not the one it was made with. */
export function decryptSecret(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || data === undefined) {
    throw new Error('The stored credentials are not in a format this server reads.');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new Error(
      `The stored provider credentials do not decrypt: ${SECRET_KEY_VARIABLE} is not the key they were saved with.`,
    );
  }
}

/** A workspace's Twilio account, decrypted, for the adapter only. */
export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  permissionTemplateSid?: string;
}

export interface CredentialStore {
  status(ws: string): Promise<ProviderStatus>;
  /** The decrypted credentials, or null (none set, or no key: the sandbox). */
  read(ws: string): Promise<TwilioCredentials | null>;
  save(ws: string, request: ProviderCredentialsRequest, byName: string, at: number): Promise<void>;
  clear(ws: string): Promise<void>;
}

/** The credentials of every workspace, on the database, sealed with `key` (null: none can be kept). */
export function createCredentialStore(db: SqlClient, key: Buffer | null): CredentialStore {
  const row = async (ws: string) =>
    (
      await db.query<{
        account_sid: string;
        sealed: string;
        updated_at: unknown;
        updated_by_name: string;
      }>(
        'SELECT account_sid, sealed, updated_at, updated_by_name FROM ws_provider_accounts WHERE workspace_id = $1',
        [ws],
      )
    ).rows[0];

  return {
    async status(ws) {
      const found = key ? await row(ws) : undefined;
      let secret: Omit<TwilioCredentials, 'accountSid'> | null = null;
      try {
        secret = found && key ? readSealed(key, found.sealed, ws) : null;
      } catch {
        // Sealed with another key: shown as set, without its template; using it says why.
      }
      return {
        provider: found ? 'twilio' : 'sandbox',
        credentials: found
          ? {
              accountSidEnding: found.account_sid.slice(-4),
              hasPermissionTemplate: secret?.permissionTemplateSid !== undefined,
              updatedAt: new Date(String(found.updated_at)).toISOString(),
              updatedBy: found.updated_by_name,
            }
          : null,
        canStoreCredentials: key !== null,
      };
    },
    async read(ws) {
      if (!key) return null;
      const found = await row(ws);
      return found ? { accountSid: found.account_sid, ...readSealed(key, found.sealed, ws) } : null;
    },
    async save(ws, request, byName, at) {
      if (!key) {
        throw new Error(
          `No ${SECRET_KEY_VARIABLE} is set: the server cannot keep credentials (the sandbox is used).`,
        );
      }
      const sealed = encryptSecret(
        key,
        JSON.stringify({
          authToken: request.authToken,
          ...(request.permissionTemplateSid && {
            permissionTemplateSid: request.permissionTemplateSid,
          }),
        }),
        ws,
      );
      await db.query(
        `INSERT INTO ws_provider_accounts (workspace_id, account_sid, sealed, updated_at, updated_by_name)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id) DO UPDATE SET account_sid = EXCLUDED.account_sid,
           sealed = EXCLUDED.sealed, updated_at = EXCLUDED.updated_at,
           updated_by_name = EXCLUDED.updated_by_name`,
        [ws, request.accountSid, sealed, new Date(at).toISOString(), byName],
      );
    },
    async clear(ws) {
      await db.query('DELETE FROM ws_provider_accounts WHERE workspace_id = $1', [ws]);
    },
  };

  function readSealed(
    k: Buffer,
    sealed: string,
    ws: string,
  ): Omit<TwilioCredentials, 'accountSid'> {
    return JSON.parse(decryptSecret(k, sealed, ws)) as Omit<TwilioCredentials, 'accountSid'>;
  }
}

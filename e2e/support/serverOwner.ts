import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  ACCOUNT_ERRORS,
  accountErrorSchema,
  sessionSchema,
  workspaceSummarySchema,
  type SetupRequest,
} from '../../shared/src/api/accounts.ts';

/**
 * The owner of a callbot server a spec runs on, and a workspace of the test
 * attempt's own.
 *
 * A server's setup happens once (its database is emptied only when the run
 * starts it), but a test may run on it more than once: retried on CI, or
 * under `--repeat-each`. The first attempt sets the server up, as a new owner
 * would; any other finds it set up, signs in as that same owner and creates a
 * new workspace (seeded as setup seeds one), so each attempt starts from a
 * workspace nobody has touched. What the server keeps unique across
 * workspaces (an email, a line's number, a call's sid) a spec makes its own
 * per attempt with {@link attemptOf} and {@link personOf}.
 */

/** Someone with an account on the server. */
export interface Person {
  name: string;
  email: string;
  password: string;
}

/** Where the designer remembers the workspace last used, per browser (`designer/src/account/account.ts`). */
const WORKSPACE_STORAGE_KEY = 'callbot.designer.workspace';

/**
 * This attempt's number in the run: 0 on a test's first run, and a number of
 * its own on each retry or repeat (`--repeat-each` runs the repeats side by
 * side, on the same server).
 */
export function attemptOf(info = test.info()): number {
  return info.repeatEachIndex * (info.project.retries + 1) + info.retry;
}

/** `text` (a call's sid) made this attempt's own: as written on a first attempt. */
export function ofAttempt(text: string): string {
  const attempt = attemptOf();
  return attempt === 0 ? text : `${text}-${attempt}`;
}

/** `person` with an email of this attempt's own: the email as written on a first attempt. */
export function personOf(person: Person): Person {
  const attempt = attemptOf();
  if (attempt === 0) return person;
  const at = person.email.lastIndexOf('@');
  return {
    ...person,
    email: `${person.email.slice(0, at)}+${attempt}${person.email.slice(at)}`,
  };
}

/** The designer in `page` opens workspace `ws` (its owner on a retry has more than one). */
export async function opensWorkspace(page: Page, ws: string): Promise<void> {
  await page.addInitScript(([key, id]) => localStorage.setItem(key, id), [
    WORKSPACE_STORAGE_KEY,
    ws,
  ] as const);
}

/**
 * Signs the server's owner in (`setup`: the setup's token, the owner, the
 * workspace's name) on `owner`, a page (its designer then opens the workspace)
 * or an API context, with a workspace of this attempt's own: the setup's on
 * the server's first attempt, a new one, by the same name, on any other.
 */
export async function ownerWorkspace(
  owner: Page | APIRequestContext,
  setup: SetupRequest,
): Promise<{ ws: string; attempt: number }> {
  const request = 'goto' in owner ? owner.request : owner;
  const attempt = attemptOf();
  const first = await request.post('/api/setup', { data: setup });
  let ws: string;
  if (first.status() === 201) {
    ws = sessionSchema.parse(await first.json()).workspaces[0]!.id;
  } else {
    // Set up already (by an earlier attempt): the same owner signs in and makes a workspace.
    const refusal = accountErrorSchema.parse(await first.json());
    expect(refusal.error, `setup: ${refusal.message}`).toBe(ACCOUNT_ERRORS.setupToken);
    const login = await request.post('/api/login', {
      data: { email: setup.email, password: setup.password },
    });
    expect(login.status(), `sign-in of the server's owner: ${await login.text()}`).toBe(200);
    const { csrfToken } = sessionSchema.parse(await login.json());
    const made = await request.post('/api/workspaces', {
      data: { name: setup.workspaceName },
      headers: { 'x-csrf-token': csrfToken ?? '' },
    });
    expect(made.status(), `a new workspace: ${await made.text()}`).toBe(201);
    ws = workspaceSummarySchema.parse(await made.json()).id;
  }
  if ('goto' in owner) await opensWorkspace(owner, ws);
  return { ws, attempt };
}

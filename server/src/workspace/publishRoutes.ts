/**
 * Publishing under a workspace (contract: `@callbot/shared`'s
 * `api/published.ts`), as entries of the server's route table: an editor
 * publishes a flow in one click (checked like the server-wide publish, plus
 * the workspace's teams and bots), rolls back, and sets a team's routing;
 * viewers read, a published version's document included. Each change is
 * told on the workspace's events, which is also how every instance's voice
 * path learns it (`publishDirectory.ts`).
 */
import {
  compileFlow,
  loadFlow,
  PUBLISHED_ERRORS,
  teamRoutingRequestSchema,
  unknownReferenceDiagnostics,
  workspacePublishRequestSchema,
  workspaceRollbackRequestSchema,
  type Diagnostic,
  type PublishedVersionDoc,
  type WorkspaceEvent,
} from '@callbot/shared';
import { machineFingerprint } from '@callbot/runtime';
import type { AnyRoute, Reply } from '../router.ts';
import { teamTargetProblem, twilioDiagnostics } from '../twilioChecks.ts';
import type { WorkspaceHub } from './events.ts';
import type { PublishStore } from './publishStore.ts';
import { authorOf, toRoute, type Member, type WorkspaceRoute } from './routes.ts';
import { parseOr, WorkspaceError, type WorkspaceStore } from './store.ts';

/** The codes `unknownReferenceDiagnostics` gives: a client may offer to create what is missing. */
const REFERENCE_CODES: ReadonlySet<string> = new Set([
  'transfer.unknownTeam',
  'fallbackBot.unknownBot',
]);

const json = (status: number, body: unknown): Reply => ({ status, body });

/** The first error's words, as the checks panel says them: "node: message". */
function blocking(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `The flow has errors; nothing was published: ${first?.message ?? 'it does not read'}${more}`;
}

/**
 * @example
 * const routes = publishRoutes({ published, store, hub });
 */
export function publishRoutes({
  published,
  store,
  hub,
  log = () => {},
}: {
  published: PublishStore;
  store: WorkspaceStore;
  hub: WorkspaceHub;
  log?: (line: string) => void;
}): AnyRoute[] {
  const base = '/api/workspaces/:ws';

  async function announce(
    ws: string,
    member: Member,
    event: Omit<Extract<WorkspaceEvent, { type: 'change' }>, 'type' | 'by' | 'deleted'>,
  ) {
    await hub
      .publish(ws, {
        type: 'change',
        ...event,
        deleted: false,
        ...authorOf(member),
      })
      .catch((error: unknown) => {
        log(`workspace events: an event was not sent: ${(error as Error).message}`);
      });
  }

  const actor = (member: Member) => ({ id: member.userId, name: member.name });

  const routes: WorkspaceRoute[] = [
    {
      method: 'POST',
      path: `${base}/flows/:id/publish`,
      minRole: 'editor',
      async handle({ ws, params, body, member }) {
        const flowId = params.get('id')!;
        const request = parseOr(workspacePublishRequestSchema, body, 'The publish request');
        const loaded = loadFlow(request.doc);
        const compiled = loaded.ok
          ? compileFlow(loaded.doc)
          : { machine: null, diagnostics: loaded.diagnostics };
        const diagnostics = loaded.ok
          ? [
              ...compiled.diagnostics,
              ...twilioDiagnostics(loaded.doc),
              ...unknownReferenceDiagnostics(loaded.doc, {
                teams: await store.listRecords(ws, 'teams'),
                bots: await store.listRecords(ws, 'bots'),
              }),
            ]
          : compiled.diagnostics;
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (!loaded.ok || !compiled.machine || errors.length > 0) {
          return json(422, {
            // Only unknown teams or bots: the words say which, the code lets a client offer to create them.
            error:
              errors.length > 0 && errors.every((d) => REFERENCE_CODES.has(d.code))
                ? PUBLISHED_ERRORS.unknownReference
                : PUBLISHED_ERRORS.invalidFlow,
            message: blocking(diagnostics),
            diagnostics,
          });
        }
        const version = await published.publish(
          ws,
          flowId,
          {
            doc: loaded.doc,
            fingerprint: machineFingerprint(compiled.machine),
            note: request.note ?? '',
          },
          actor(member),
        );
        await announce(ws, member, {
          table: 'versions',
          id: `published-${version.version}`,
          flowId,
          revision: version.version,
        });
        return json(201, { version, diagnostics });
      },
    },
    {
      method: 'GET',
      path: `${base}/flows/:id/published`,
      minRole: 'viewer',
      async handle({ ws, params }) {
        const flowId = params.get('id')!;
        const list = await published.listPublished(ws, flowId);
        if (!list)
          throw new WorkspaceError(404, 'not_found', 'This flow is not in this workspace.');
        const lines = (await store.listRecords(ws, 'lines'))
          .filter((l) => l.callbotId === flowId)
          .map((l) => ({
            id: l.id,
            kind: l.kind,
            ...(l.number !== undefined && { number: l.number }),
          }));
        return json(200, { ...list, lines });
      },
    },
    {
      method: 'GET',
      path: `${base}/flows/:id/published/:version`,
      minRole: 'viewer',
      async handle({ ws, params }) {
        const flowId = params.get('id')!;
        const text = params.get('version')!;
        const number = /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null;
        const found =
          number === null
            ? undefined
            : (await published.listPublished(ws, flowId))?.versions.find(
                (v) => v.version === number,
              );
        const doc = found && (await published.publishedDoc(ws, flowId, found.version));
        if (!found || !doc) {
          throw new WorkspaceError(
            404,
            'not_found',
            `This flow has no published version ${text} in this workspace.`,
          );
        }
        const answer: PublishedVersionDoc = { ...found, doc };
        return json(200, answer);
      },
    },
    {
      method: 'POST',
      path: `${base}/flows/:id/rollback`,
      minRole: 'editor',
      async handle({ ws, params, body, member }) {
        const flowId = params.get('id')!;
        const request = parseOr(workspaceRollbackRequestSchema, body ?? {}, 'The roll-back');
        const live = await published.rollback(ws, flowId, request.version, actor(member));
        await announce(ws, member, {
          table: 'versions',
          id: `published-${live.version}`,
          flowId,
          revision: live.version,
        });
        return json(200, { live });
      },
    },
    {
      method: 'GET',
      path: `${base}/routing`,
      minRole: 'viewer',
      handle: async ({ ws }) => json(200, { teams: await published.listRouting(ws) }),
    },
    {
      method: 'PUT',
      path: `${base}/teams/:id/routing`,
      minRole: 'editor',
      async handle({ ws, params, body, member }) {
        const teamId = params.get('id')!;
        const request = parseOr(teamRoutingRequestSchema, body, 'The routing');
        const problem = request.target === undefined ? null : teamTargetProblem(request.target);
        if (problem) {
          throw new WorkspaceError(422, 'invalid_request', `The routing: target: ${problem}.`, {
            problems: [{ path: 'target', message: problem }],
          });
        }
        const routing = await published.putRouting(ws, teamId, {
          agentsAvailable: request.agentsAvailable,
          ...(request.target !== undefined && { target: request.target }),
        });
        const team = await store.getRecord(ws, 'teams', teamId);
        await announce(ws, member, { table: 'teams', id: teamId, revision: team?.revision ?? 1 });
        return json(200, routing);
      },
    },
  ];
  return routes.map(toRoute);
}

/**
 * The workspace API's routes, each with its method, path and the least role
 * that may call it: viewers read everything and follow the events; trainers
 * also write test cases; editors write flows, the workspace's records and
 * its settings; owners import a whole workspace (it replaces everything).
 * They join the server's one route table (`router.ts`), whose one check
 * (401 no caller, 403 CSRF, 404 not a member, 403 role) runs before any of
 * these handlers; the handlers check their path parameters and bodies.
 */
import {
  checkWorkspaceValue,
  CLIENT_HEADER,
  clientIdSchema,
  entityIdSchema,
  flowSaveRequestSchema,
  IF_MATCH_HEADER,
  parseIfMatch,
  lineCallbotRequestSchema,
  loadFlow,
  testCaseRequestSchema,
  versionCreateRequestSchema,
  usageQuerySchema,
  workspaceCollectionNames,
  type Actor,
  type FlowSaveAnswer,
  type Role,
  type WorkspaceCollection,
  type WorkspaceEvent,
} from '@callbot/shared';
import { z } from 'zod';
import { route, type AnyRoute, type Method, type Reply, type RouteContext } from '../router.ts';
import { whileMember, type StillMember, type WorkspaceHub } from './events.ts';
import { priceRoutes } from './prices.ts';
import { parseOr, WorkspaceError, type Change, type WorkspaceStore } from './store.ts';

/** Who is calling, in the workspace of the path. */
export interface Member {
  userId: string;
  name: string;
  role: Role;
  /** The page the request came from (`CLIENT_HEADER`), passed on in the events of its changes. */
  client?: string;
}

/** What a workspace route's handler gets: the path's parameters checked, and the caller. */
export interface WorkspaceContext {
  ws: string;
  params: ReadonlyMap<string, string>;
  body: unknown;
  member: Member;
  /** The workspace's name (the accounts' own). */
  workspaceName: string;
  /** The revision a write was made on (`If-Match`), when it names one. */
  baseRevision: number | undefined;
}

export interface WorkspaceRoute {
  method: Method;
  /** e.g. `/api/workspaces/:ws/flows/:id`. */
  path: string;
  minRole: Role;
  handle(context: WorkspaceContext): Promise<Reply>;
}

const versionIdSchema = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

const json = (status: number, body: unknown): Reply => ({ status, body });

const actorOf = (member: Member): Actor => ({ id: member.userId, name: member.name });
/** The page a request names (`CLIENT_HEADER`), when it names one as the contract says. */
function clientOf(header: string | string[] | undefined): { client?: string } {
  const client = clientIdSchema.safeParse(header);
  return client.success ? { client: client.data } : {};
}
/** Who made a change, for its event: the user, and the page when it said which. */
export const authorOf = (member: Member) => ({
  by: actorOf(member),
  ...(member.client !== undefined && { client: member.client }),
});

/**
 * The workspace's routes on a store and a hub (which hears every change
 * once it is committed), as entries of the server's route table.
 *
 * @example
 * const routes = workspaceRoutes(createWorkspaceStore(db, now), createHub(inProcessBus(), now));
 */
export function workspaceRoutes(
  store: WorkspaceStore,
  hub: WorkspaceHub,
  options: WorkspaceRoutesOptions = {},
): AnyRoute[] {
  return workspaceRouteList(store, hub, options).map(toRoute);
}

export interface WorkspaceRoutesOptions {
  /** Where notices go (an event the bus could not carry). */
  log?: (line: string) => void;
  /**
   * Whether someone is still a member of the workspace: an open event stream
   * asks every `memberCheckMs` (default 10 s) and ends once they are not.
   */
  stillMember?: StillMember;
  memberCheckMs?: number;
}

/** The path parameters checked by their schema, the caller as a member, refusals as replies. */
export function toRoute(def: WorkspaceRoute): AnyRoute {
  return route({
    method: def.method,
    path: def.path,
    access: def.minRole,
    async handler(ctx: RouteContext<Role>): Promise<Reply> {
      const params = new Map<string, string>();
      for (const [name, value] of Object.entries(ctx.params)) {
        const parsed = paramSchemas.get(name)?.safeParse(value);
        if (parsed && !parsed.success) {
          return json(422, {
            error: 'invalid_request',
            message: `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
          });
        }
        params.set(name, value);
      }
      const { caller } = ctx;
      const baseRevision = parseIfMatch(ctx.headers[IF_MATCH_HEADER]);
      if (typeof baseRevision === 'string') {
        return json(422, { error: 'invalid_request', message: `${baseRevision}.` });
      }
      try {
        return await def.handle({
          ws: caller.workspace.id,
          params,
          body: ctx.body,
          member: {
            userId: caller.user.id,
            name: caller.user.name,
            role: caller.role,
            ...clientOf(ctx.headers[CLIENT_HEADER]),
          },
          workspaceName: caller.workspace.name,
          baseRevision,
        });
      } catch (error) {
        if (error instanceof WorkspaceError) {
          return json(error.status, { error: error.code, message: error.message, ...error.extra });
        }
        throw error;
      }
    },
  });
}

/** The workspace's routes with their least role, before they join the table. */
function workspaceRouteList(
  store: WorkspaceStore,
  hub: WorkspaceHub,
  { log = () => {}, stillMember, memberCheckMs = 10_000 }: WorkspaceRoutesOptions,
): WorkspaceRoute[] {
  const base = '/api/workspaces/:ws';

  /**
   * An event for the workspace's followers. The change is committed by then: when the bus
   * cannot carry it (PostgreSQL down between the commit and the NOTIFY), the request still
   * succeeds and the loss is logged; followers catch up at their next reload.
   */
  async function announce(ws: string, event: WorkspaceEvent) {
    await hub.publish(ws, event).catch((error: unknown) => {
      log(`workspace events: an event was not sent: ${(error as Error).message}`);
    });
  }

  /** Tells the workspace's followers what was written (after the commit). */
  async function tell(ws: string, member: Member, changes: Change[]) {
    const author = authorOf(member);
    for (const change of changes) {
      await announce(ws, {
        type: 'change',
        table: change.table,
        id: change.id,
        ...(change.flowId !== undefined && { flowId: change.flowId }),
        revision: change.revision,
        deleted: change.revision === 0,
        ...author,
      });
    }
  }

  const param = (context: WorkspaceContext, name: string) => context.params.get(name)!;

  const flowRoutes: WorkspaceRoute[] = [
    {
      method: 'GET',
      path: `${base}/flows`,
      minRole: 'viewer',
      handle: async ({ ws }) => json(200, { flows: await store.listFlows(ws) }),
    },
    {
      method: 'GET',
      path: `${base}/flows/:id`,
      minRole: 'viewer',
      async handle(context) {
        const flow = await store.getFlow(context.ws, param(context, 'id'));
        if (!flow)
          throw new WorkspaceError(404, 'not_found', 'This flow is not in this workspace.');
        return json(200, flow);
      },
    },
    {
      method: 'PUT',
      path: `${base}/flows/:id`,
      minRole: 'editor',
      async handle(context) {
        const { ws, member } = context;
        const id = param(context, 'id');
        const request = parseOr(flowSaveRequestSchema, context.body, 'The flow');
        const loaded = loadFlow(request.doc);
        if (!loaded.ok) {
          const first = loaded.diagnostics.find((d) => d.severity === 'error');
          return json(422, {
            error: 'invalid_flow',
            message: `doc${first?.path ? `.${first.path}` : ''}: ${first?.message ?? 'the flow does not read'}`,
            diagnostics: loaded.diagnostics,
          });
        }
        const saved = await store.saveFlow(
          ws,
          id,
          {
            baseRevision: request.baseRevision,
            doc: loaded.doc,
            ...(request.callbot !== undefined && { callbot: request.callbot }),
          },
          actorOf(member),
        );
        if (!saved.ok) {
          return json(409, {
            error: 'revision_conflict',
            message: `${saved.updatedBy.name} saved this flow (revision ${saved.revision}) since revision ${request.baseRevision}; nothing was written.`,
            revision: saved.revision,
            updatedBy: { name: saved.updatedBy.name },
            updatedAt: saved.updatedAt,
          });
        }
        await tell(ws, member, saved.changes);
        const answer: FlowSaveAnswer = {
          ...saved.flow,
          ...(saved.callsTurnedOff.length > 0 && { callsTurnedOff: saved.callsTurnedOff }),
        };
        return json(saved.created ? 201 : 200, answer);
      },
    },
    {
      method: 'DELETE',
      path: `${base}/flows/:id`,
      minRole: 'editor',
      async handle({ ws, params, member }) {
        await tell(ws, member, await store.deleteFlow(ws, params.get('id')!, actorOf(member)));
        return json(204, null);
      },
    },
    {
      method: 'GET',
      path: `${base}/flows/:id/versions`,
      minRole: 'viewer',
      async handle(context) {
        const versions = await store.listVersions(context.ws, param(context, 'id'));
        if (!versions)
          throw new WorkspaceError(404, 'not_found', 'This flow is not in this workspace.');
        return json(200, { versions });
      },
    },
    {
      method: 'POST',
      path: `${base}/flows/:id/versions`,
      minRole: 'editor',
      async handle(context) {
        const request = parseOr(versionCreateRequestSchema, context.body, 'The version');
        const { version, changes } = await store.createVersion(
          context.ws,
          param(context, 'id'),
          { note: request.note, auto: request.auto ?? false },
          actorOf(context.member),
        );
        await tell(context.ws, context.member, changes);
        return json(201, version);
      },
    },
    {
      method: 'GET',
      path: `${base}/flows/:id/versions/:versionId`,
      minRole: 'viewer',
      async handle(context) {
        const n = parseOr(versionIdSchema, param(context, 'versionId'), 'The version id');
        const version = await store.getVersion(context.ws, param(context, 'id'), n);
        if (!version) throw new WorkspaceError(404, 'not_found', 'This flow has no such version.');
        return json(200, version);
      },
    },
    {
      method: 'GET',
      path: `${base}/flows/:id/tests`,
      minRole: 'viewer',
      async handle(context) {
        const tests = await store.listTests(context.ws, param(context, 'id'));
        if (!tests)
          throw new WorkspaceError(404, 'not_found', 'This flow is not in this workspace.');
        return json(200, { tests });
      },
    },
    {
      method: 'PUT',
      path: `${base}/flows/:id/tests/:testId`,
      minRole: 'trainer',
      async handle(context) {
        const request = parseOr(testCaseRequestSchema, context.body, 'The test case');
        const { test, changes } = await store.putTest(
          context.ws,
          param(context, 'id'),
          param(context, 'testId'),
          request,
          actorOf(context.member),
        );
        await tell(context.ws, context.member, changes);
        return json(200, test);
      },
    },
    {
      method: 'DELETE',
      path: `${base}/flows/:id/tests/:testId`,
      minRole: 'trainer',
      async handle(context) {
        const changes = await store.deleteTest(
          context.ws,
          param(context, 'id'),
          param(context, 'testId'),
          actorOf(context.member),
        );
        await tell(context.ws, context.member, changes);
        return json(204, null);
      },
    },
    {
      method: 'POST',
      path: `${base}/flows/:id/presence`,
      minRole: 'viewer',
      async handle(context) {
        const flowId = param(context, 'id');
        // Only the workspace's flows have editors (presence is kept in memory, so it stays bounded).
        if (!(await store.hasFlow(context.ws, flowId))) {
          throw new WorkspaceError(404, 'not_found', 'This flow is not in this workspace.');
        }
        const editors = await hub.beat(context.ws, flowId, actorOf(context.member));
        return json(200, { flowId, editors });
      },
    },
    {
      method: 'DELETE',
      path: `${base}/flows/:id/presence`,
      minRole: 'viewer',
      async handle(context) {
        await hub.beat(context.ws, param(context, 'id'), actorOf(context.member), true);
        return json(204, null);
      },
    },
  ];

  const collectionRoutes = workspaceCollectionNames.flatMap(
    (collection: WorkspaceCollection): WorkspaceRoute[] => [
      {
        method: 'GET',
        path: `${base}/${collection}`,
        minRole: 'viewer',
        handle: async ({ ws }) =>
          json(200, {
            [collection]: await store.listRecords(ws, collection),
            revisions: await store.listRevisions(ws, collection),
          }),
      },
      {
        method: 'GET',
        path: `${base}/${collection}/:id`,
        minRole: 'viewer',
        async handle(context) {
          const found = await store.getRecord(context.ws, collection, param(context, 'id'));
          if (!found)
            throw new WorkspaceError(404, 'not_found', 'No such record in this workspace.');
          return json(200, { record: found.record, revision: found.revision });
        },
      },
      {
        method: 'PUT',
        path: `${base}/${collection}/:id`,
        minRole: 'editor',
        async handle(context) {
          providerWritten(collection);
          const { record, revision, changes } = await store.putRecord(
            context.ws,
            collection,
            param(context, 'id'),
            context.body,
            actorOf(context.member),
            context.baseRevision,
          );
          await tell(context.ws, context.member, changes);
          return json(200, { record, revision });
        },
      },
      {
        method: 'DELETE',
        path: `${base}/${collection}/:id`,
        minRole: 'editor',
        async handle(context) {
          providerWritten(collection);
          const changes = await store.deleteRecord(
            context.ws,
            collection,
            param(context, 'id'),
            actorOf(context.member),
            context.baseRevision,
          );
          await tell(context.ws, context.member, changes);
          return json(204, null);
        },
      },
    ],
  );

  const workspaceRoutesList: WorkspaceRoute[] = [
    {
      method: 'PUT',
      path: `${base}/lines/:id/callbot`,
      minRole: 'editor',
      async handle(context) {
        const request = parseOr(lineCallbotRequestSchema, context.body, 'The assignment');
        const { line, replaced, changes } = await store.assignLine(
          context.ws,
          param(context, 'id'),
          { callbotId: request.callbotId, replace: request.replace ?? false },
          actorOf(context.member),
        );
        await tell(context.ws, context.member, changes);
        return json(200, { line, replaced });
      },
    },
    {
      method: 'DELETE',
      path: `${base}/lines/:id/callbot`,
      minRole: 'editor',
      async handle(context) {
        const { line, changes } = await store.unassignLine(
          context.ws,
          param(context, 'id'),
          actorOf(context.member),
        );
        await tell(context.ws, context.member, changes);
        return json(200, { line });
      },
    },
    {
      method: 'GET',
      path: `${base}/settings`,
      minRole: 'viewer',
      handle: async ({ ws, workspaceName }) =>
        json(200, { ...(await store.getSettings(ws)), name: workspaceName }),
    },
    {
      method: 'PUT',
      path: `${base}/settings`,
      minRole: 'editor',
      async handle({ ws, body, member, baseRevision }) {
        const { settings, revision, changes } = await store.putSettings(
          ws,
          body,
          actorOf(member),
          baseRevision,
        );
        await tell(ws, member, changes);
        return json(200, { settings, revision });
      },
    },
    {
      // R21: the month-to-date volume the simulator prices a call with (see usage.ts).
      method: 'GET',
      path: `${base}/usage/:channel/:direction/:country`,
      minRole: 'viewer',
      handle: async ({ ws, params }) =>
        json(
          200,
          await store.monthToDate(
            ws,
            parseOr(
              usageQuerySchema,
              {
                channel: params.get('channel'),
                direction: params.get('direction'),
                country: params.get('country'),
              },
              'The usage query',
            ),
          ),
        ),
    },
    {
      method: 'GET',
      path: `${base}/events`,
      minRole: 'viewer',
      handle: ({ ws, member }) =>
        Promise.resolve({
          status: 200,
          body: null,
          stream: (send: (event: WorkspaceEvent) => void, end: () => void) =>
            whileMember(
              () => hub.subscribe(ws, send),
              { ws, userId: member.userId },
              end,
              stillMember,
              memberCheckMs,
            ),
        }),
    },
    {
      method: 'POST',
      path: `${base}/import`,
      minRole: 'owner',
      async handle({ ws, body, member }) {
        const checked = checkWorkspaceValue(body);
        if (!checked.ok) {
          const first = checked.problems[0];
          return json(422, {
            error: 'invalid_workspace_file',
            message: `Nothing was imported: ${first?.path || 'file'}: ${first?.message ?? 'invalid'}.`,
            problems: checked.problems,
          });
        }
        await store.importWorkspace(ws, checked, actorOf(member));
        await announce(ws, { type: 'import', ...authorOf(member) });
        return json(200, { counts: checked.counts });
      },
    },
  ];

  return [
    ...flowRoutes,
    ...collectionRoutes,
    ...workspaceRoutesList,
    ...priceRoutes(store, (ws, member, changes) => tell(ws, member, changes)),
  ];
}

/**
 * Call permissions and attempts are read here and written only by the
 * provider's routes and events (`provider/`): a customer's permission is what
 * the provider reports, never typed in (R13-R15), and attempts are recorded
 * with the rules' check (R14).
 */
function providerWritten(collection: WorkspaceCollection) {
  if (collection === 'permissions' || collection === 'attempts') {
    throw new WorkspaceError(
      405,
      'provider_written',
      collection === 'permissions'
        ? "A call permission is the customer's answer as the provider reports it: send the invitation (POST …/provider/v1/whatsapp/permission-requests)."
        : 'A call attempt is recorded when a call is placed (POST …/provider/v1/whatsapp/calls).',
    );
  }
}

/** The schema each path parameter is checked by (ids of records, flows, test cases). */
export const paramSchemas: ReadonlyMap<string, z.ZodType> = new Map([
  ['ws', entityIdSchema],
  ['id', entityIdSchema],
  ['testId', entityIdSchema],
  ['versionId', z.string().regex(/^\d{1,10}$/, 'a version id is a number')],
]);

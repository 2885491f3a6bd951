/**
 * What the voice webhooks read of the workspaces, cached per instance: the
 * workspace line a call's number (and channel) reaches, the version of its
 * callbot that answers, and the workspace's teams (with their routing) and
 * bots (the `bots` collection, with their handoff targets). Reads happen on every webhook; writes are rare: a cache entry is
 * dropped by the workspace's own change events (which reach every instance
 * through the hub's bus), so a publish, a line assigned or an agent logging
 * in is heard by the next call.
 */
import { defaultCallbot } from '@callbot/runtime';
import {
  lineCapabilities,
  type FlowDocument,
  type Line,
  type ServerWorkspaceSettings,
  type WorkspaceEvent,
} from '@callbot/shared';
import type { Bot, Channel, Team, WorkspaceFlowRef } from '../store.ts';
import type { WorkspaceHub } from './events.ts';
import {
  routingOf,
  type NumberLine,
  type PublishStore,
  type WorkspaceSnapshot,
} from './publishStore.ts';

/** Where a call to a workspace's line goes. */
export interface WorkspaceCall {
  ws: string;
  line: Line;
  /** Whether the line takes calls now (R2: a WhatsApp line's calls enabled; a bought number active). */
  enabled: boolean;
  ref: WorkspaceFlowRef;
}

/** What a workspace's call reads besides its flow. */
export interface WorkspaceCallContext {
  teams: Team[];
  bots: Bot[];
  settings: ServerWorkspaceSettings;
}

export interface PublishDirectory {
  /** The workspace line `number` reaches on `channel`, or null when no workspace has it. */
  resolve(number: string, channel: Channel): Promise<WorkspaceCall | null>;
  context(ws: string): Promise<WorkspaceCallContext>;
  /** The flow a workspace call runs (a published version, or the default callbot, R9). */
  flow(ref: WorkspaceFlowRef): Promise<FlowDocument>;
  /** Stops hearing the workspaces' events. */
  close(): void;
}

/** The default callbot's words in the workspace's language (settings). */
const DEFAULT_WORDS: Readonly<Record<string, { greeting: string; goodbye: string }>> = {
  'pt-BR': {
    greeting: 'Olá! Vou transferir sua ligação para um atendente.',
    goodbye: 'No momento ninguém pode atender. Por favor, ligue mais tarde. Até logo.',
  },
  es: {
    greeting: '¡Hola! Voy a transferir su llamada a un agente.',
    goodbye: 'En este momento nadie puede atenderle. Por favor, llame más tarde. Hasta luego.',
  },
  en: {
    greeting: 'Hello! I will put you through to an agent.',
    goodbye: 'Nobody can take your call right now. Please call again later. Goodbye.',
  },
};

/** Tables whose change alters what a workspace's calls read. */
const SNAPSHOT_TABLES = new Set(['teams', 'bots', 'settings', 'versions', 'lines', 'flows']);

/** Numbers kept at most (a bound; calls reach a business's own numbers). */
const MAX_NUMBERS = 10_000;

/** The line kinds each channel arrives on. */
const KINDS: Readonly<Record<Channel, readonly Line['kind'][]>> = {
  whatsapp: ['whatsapp'],
  line: ['purchased', 'sip'],
  sip: ['sip'],
};

/**
 * @example
 * const directory = createPublishDirectory({ published, hub });
 * const call = await directory.resolve('+5511999990000', 'whatsapp');
 */
export function createPublishDirectory({
  published,
  hub,
}: {
  published: PublishStore;
  hub: WorkspaceHub;
}): PublishDirectory {
  const numbers = new Map<string, Promise<NumberLine[]>>();
  const snapshots = new Map<string, Promise<WorkspaceSnapshot>>();
  const flows = new Map<string, FlowDocument>();

  const unsubscribe = hub.subscribeAll((ws: string, event: WorkspaceEvent) => {
    if (event.type === 'presence') return;
    if (event.type === 'import' || event.table === 'lines') numbers.clear();
    if (event.type === 'import' || SNAPSHOT_TABLES.has(event.table)) snapshots.delete(ws);
  });

  /** A cached read: kept while it is current, forgotten when it fails. */
  function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>) {
    let value = map.get(key);
    if (!value) {
      value = load();
      map.set(key, value);
      value.catch(() => {
        if (map.get(key) === value) map.delete(key);
      });
    }
    return value;
  }

  const snapshot = (ws: string) => cached(snapshots, ws, () => published.snapshot(ws));

  function linesOf(number: string) {
    if (numbers.size >= MAX_NUMBERS && !numbers.has(number)) numbers.clear();
    return cached(numbers, number, () => published.linesByNumber(number));
  }

  function defaultTeamOf(state: WorkspaceSnapshot): string {
    const id = state.settings.defaultTeamId ?? state.teams.find((t) => t.isDefault)?.id;
    return id ?? state.teams[0]?.id ?? 'default';
  }

  return {
    async resolve(number, channel) {
      const lines = await linesOf(number);
      const found = lines.find((l) => KINDS[channel].includes(l.line.kind));
      if (!found) return null;
      const { ws, line } = found;
      // One number, one callbot (R6): the WhatsApp line and the voice line of a number share it.
      const callbot =
        line.callbotId ??
        lines.find((l) => l.ws === ws && l.line.callbotId !== undefined)?.line.callbotId;
      const state = await snapshot(ws);
      const version = callbot === undefined ? undefined : state.live.get(callbot);
      const ref: WorkspaceCall['ref'] =
        callbot !== undefined && version !== undefined
          ? { workspace: ws, callbot, version }
          : { workspace: ws, defaultTeam: defaultTeamOf(state) };
      return { ws, line, enabled: lineCapabilities(line).calls, ref };
    },

    async context(ws) {
      const state = await snapshot(ws);
      // Transfer nodes name a team by its name (or its id): both find it.
      const teams = state.teams.flatMap((team): Team[] => {
        const routing = routingOf(team, state.routing.get(team.id));
        const entry = {
          target: routing.target,
          agentsAvailable: routing.agentsAvailable,
          isDefault: team.isDefault,
        };
        return team.name === team.id
          ? [{ id: team.id, ...entry }]
          : [
              { id: team.id, ...entry },
              { id: team.name, ...entry, isDefault: false },
            ];
      });
      // Fallback-bot nodes name a bot by its name (or its id); a bot with no target is left out,
      // so a handoff to it hangs up, saying so in the log.
      const bots = state.bots.flatMap(({ id, name, target }): Bot[] =>
        target === undefined
          ? []
          : name === id
            ? [{ id, target }]
            : [
                { id, target },
                { id: name, target },
              ],
      );
      return { teams, bots, settings: state.settings };
    },

    async flow(ref) {
      if ('callbot' in ref) {
        const key = `${ref.workspace}/${ref.callbot}@${ref.version}`;
        let doc = flows.get(key);
        if (!doc) {
          const found = await published.publishedDoc(ref.workspace, ref.callbot, ref.version);
          // Never deleted; were it gone, the caller is held and then given to the default team.
          if (!found) throw new Error(`The published version ${key} of the call is gone.`);
          doc = found;
          // Published versions never change: one document (and one compiled machine) per process.
          flows.set(key, doc);
        }
        return doc;
      }
      const { settings } = await snapshot(ref.workspace);
      const language = settings.defaultCallbotLanguage;
      const key = `${ref.workspace}/default:${ref.defaultTeam}:${language}:${settings.timeZone}`;
      let doc = flows.get(key);
      if (!doc) {
        doc = defaultCallbot({
          defaultTeam: ref.defaultTeam,
          locale: language,
          timeZone: settings.timeZone,
          ...(DEFAULT_WORDS[language] ?? DEFAULT_WORDS['pt-BR']!),
        });
        flows.set(key, doc);
      }
      return doc;
    },

    close: unsubscribe,
  };
}

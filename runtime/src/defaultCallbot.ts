import { CURRENT_SCHEMA_VERSION, type FlowDocument } from '@callbot/shared';

export interface DefaultCallbotOptions {
  /** The workspace's default team, which takes every call on a line with no callbot. */
  defaultTeam: string;
  /** What the caller hears first. */
  greeting?: string;
  /** Said before hanging up when nobody of the team can answer. */
  goodbye?: string;
  timeZone?: string;
  locale?: string;
}

/**
 * The flow that answers a line with no callbot of its own (R9): it greets
 * the caller and transfers to the default team; when nobody can answer, it
 * says so and hangs up.
 *
 * @example
 * const session = createCallSession(defaultCallbot({ defaultTeam: 'recepcao' }), { directory });
 */
export function defaultCallbot(options: DefaultCallbotOptions): FlowDocument {
  const team = options.defaultTeam.trim();
  if (team === '') throw new Error('defaultCallbot needs the id of the default team.');
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    settings: {
      name: 'Callbot padrão',
      timeZone: options.timeZone ?? 'America/Sao_Paulo',
      locale: options.locale ?? 'pt-BR',
      noInputTimeoutMs: 5000,
    },
    nodes: [
      {
        id: 'greeting',
        kind: 'greeting',
        data: { text: options.greeting ?? 'Olá! Vou transferir sua ligação para um atendente.' },
        connections: { next: 'equipe-padrao' },
      },
      {
        id: 'equipe-padrao',
        kind: 'transfer',
        label: 'Equipe padrão',
        data: { team },
        connections: { noAgents: 'tchau', failed: 'tchau' },
      },
      {
        id: 'tchau',
        kind: 'hangup',
        data: {
          text:
            options.goodbye ??
            'No momento ninguém pode atender. Por favor, ligue mais tarde. Até logo.',
        },
        connections: {},
      },
    ],
    layout: {
      nodes: {
        greeting: { x: 0, y: 0 },
        'equipe-padrao': { x: 0, y: 160 },
        tchau: { x: 0, y: 320 },
      },
    },
  };
}

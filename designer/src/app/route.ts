import { useSyncExternalStore } from 'react';

/** The channels pages (the channels work fills them in). */
export const channelPages = ['phone-lines', 'whatsapp', 'sip'] as const;
export type ChannelPage = (typeof channelPages)[number];

/** Where the designer is: a workspace page, or one flow open in the editor. */
export type Route =
  | { page: 'library' }
  | { page: 'editor'; flowId: string }
  | { page: 'teams' }
  /** `scheduleId`: the named schedule to show first (the inspector links to it). */
  | { page: 'schedules'; scheduleId?: string }
  | { page: 'channels'; channel: ChannelPage }
  | { page: 'customers' }
  | { page: 'prices' }
  | { page: 'settings' }
  /** The workspace's members and the user's API tokens (on a callbot server). */
  | { page: 'members' }
  | { page: 'tokens' }
  /** The workspace's calls (server only): the list, one call, the flow analytics or calls now; `query` is the filters. */
  | { page: 'calls'; view: CallsView; callId?: string; query: string };

/** The views of the calls page. */
export const callsViews = ['list', 'call', 'analytics', 'live', 'settings'] as const;
export type CallsView = (typeof callsViews)[number];

/** The pages of the top navigation, in its order. */
export type NavPage = Exclude<Route['page'], 'editor'>;

const isChannelPage = (value: string): value is ChannelPage =>
  (channelPages as readonly string[]).includes(value);

/** `#/flow/<id>` opens a flow, `#/calls…` the calls, `#/teams`, `#/schedules[/<id>]`, `#/channels/<channel>`, `#/customers`, `#/prices`, `#/settings`, `#/members`, `#/tokens` the workspace pages; anything else is the library. */
export function parseRoute(hash: string): Route {
  const calls = /^#\/calls(?:\/([^/?#]+)(?:\/([^/?#]+))?)?(?:\?([^#]*))?$/.exec(hash);
  if (calls) return callsRoute(calls[1], calls[2], calls[3] ?? '');
  const flow = /^#\/flow\/([^/?#]+)$/.exec(hash);
  if (flow) return { page: 'editor', flowId: decodeURIComponent(flow[1]!) };
  const schedule = /^#\/schedules\/([^/?#]+)$/.exec(hash);
  if (schedule) return { page: 'schedules', scheduleId: decodeURIComponent(schedule[1]!) };
  const channel = /^#\/channels(?:\/([^/?#]+))?$/.exec(hash);
  if (channel) {
    const name = channel[1] ?? 'phone-lines';
    return { page: 'channels', channel: isChannelPage(name) ? name : 'phone-lines' };
  }
  switch (hash) {
    case '#/teams':
      return { page: 'teams' };
    case '#/schedules':
      return { page: 'schedules' };
    case '#/customers':
      return { page: 'customers' };
    case '#/prices':
      return { page: 'prices' };
    case '#/settings':
      return { page: 'settings' };
    case '#/members':
      return { page: 'members' };
    case '#/tokens':
      return { page: 'tokens' };
    default:
      return { page: 'library' };
  }
}

function callsRoute(first: string | undefined, second: string | undefined, query: string): Route {
  if (first === 'call' && second !== undefined)
    return { page: 'calls', view: 'call', callId: decodeURIComponent(second), query };
  if (first === 'analytics' || first === 'live' || first === 'settings')
    return { page: 'calls', view: first, query };
  return { page: 'calls', view: 'list', query };
}

export const flowHref = (flowId: string) => `#/flow/${encodeURIComponent(flowId)}`;
export const libraryHref = '#/';
export const teamsHref = '#/teams';
export const schedulesHref = '#/schedules';
export const scheduleHref = (scheduleId: string) => `#/schedules/${encodeURIComponent(scheduleId)}`;
export const channelHref = (channel: ChannelPage) => `#/channels/${channel}`;
export const customersHref = '#/customers';
export const pricesHref = '#/prices';
export const settingsHref = '#/settings';
export const membersHref = '#/members';
export const tokensHref = '#/tokens';
/** `#/calls[/analytics|/live|/call/<id>][?<filters>]`. */
export const callsHref = (view: CallsView = 'list', query = '', callId?: string) =>
  `#/calls${view === 'call' ? `/call/${encodeURIComponent(callId ?? '')}` : view === 'list' ? '' : `/${view}`}${query ? `?${query}` : ''}`;

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route, following the address bar's hash (so back and reload work). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

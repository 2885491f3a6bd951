import { TABS_CHANNEL, type ChannelConstructor, type TabMessage } from './tabs.ts';

/**
 * Tells the editors open in other tabs that a flow was rewritten outside
 * them (a named schedule's hours refreshed, a workspace imported), as the
 * autosaver of a tab would: their next save then meets the revision check
 * instead of overwriting, and they say the flow changed elsewhere.
 */
export function createFlowSavedAnnouncer(
  Channel: ChannelConstructor | undefined = typeof BroadcastChannel === 'function'
    ? BroadcastChannel
    : undefined,
): (flowId: string, revision: number) => void {
  const tabId = `workspace-${Math.random().toString(36).slice(2)}`;
  return (flowId, revision) => {
    if (!Channel) return;
    const channel = new Channel(TABS_CHANNEL);
    const message: TabMessage = { type: 'saved', flowId, tabId, revision };
    channel.postMessage(message);
    channel.close();
  };
}

/** The channel all designer tabs of this origin talk on. */
export const TABS_CHANNEL = 'callbot-designer';

/** What one tab tells the others about a flow it has open. */
export type TabMessage =
  | { type: 'opened'; flowId: string; tabId: string }
  /** The answer to `opened`, so the tab that just opened learns about the tabs already there. */
  | { type: 'present'; flowId: string; tabId: string }
  | { type: 'saved'; flowId: string; tabId: string; revision: number }
  | { type: 'closed'; flowId: string; tabId: string };

/** What happened in another tab with the same flow open. */
export type OtherTabEvent = 'opened' | 'saved' | 'closed';

/** The part of `BroadcastChannel` the watcher uses, so tests can pass a fake. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export type ChannelConstructor = new (name: string) => ChannelLike;

export interface WatchFlowOptions {
  /**
   * Another tab has this flow open (`opened`, told both to the tab that opens
   * it second and to the tabs already there), saved it (`saved`, with the
   * revision it wrote: this tab's next save would conflict), or closed it.
   */
  onOtherTab: (event: OtherTabEvent, revision?: number) => void;
  /** Defaults to `BroadcastChannel`; without one (very old browsers) the watcher stays silent. */
  Channel?: ChannelConstructor;
  /** Defaults to a random id. */
  tabId?: string;
}

export interface FlowWatcher {
  readonly tabId: string;
  /** How many other tabs have this flow open, as far as this one knows. */
  readonly otherTabs: number;
  /** Tells the other tabs this one saved the flow at `revision`. */
  announceSaved(revision: number): void;
  /** Tells the other tabs this one closed the flow, and stops listening. */
  close(): void;
}

const isTabMessage = (data: unknown): data is TabMessage => {
  if (data === null || typeof data !== 'object') return false;
  const m = data as Record<string, unknown>;
  if (typeof m.flowId !== 'string' || typeof m.tabId !== 'string') return false;
  switch (m.type) {
    case 'opened':
    case 'present':
    case 'closed':
      return true;
    case 'saved':
      return typeof m.revision === 'number' && Number.isInteger(m.revision);
    default:
      return false;
  }
};

const randomTabId = (): string =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `tab-${Math.random().toString(36).slice(2)}`;

/**
 * Watches for other tabs of this browser editing the same flow, over
 * `BroadcastChannel('callbot-designer')`. Announces this tab's opening at once.
 * The revision check in `FlowRepository.save` is what prevents overwrites;
 * this only lets the UI warn early.
 *
 * @example
 * const watcher = watchFlow(flowId, {
 *   onOtherTab: (event, revision) => showBanner(event, revision),
 * });
 * // after each save: watcher.announceSaved(revision);
 * // on leaving the editor: watcher.close();
 */
export function watchFlow(flowId: string, options: WatchFlowOptions): FlowWatcher {
  const { onOtherTab, tabId = randomTabId() } = options;
  const Channel =
    options.Channel ?? (typeof BroadcastChannel === 'function' ? BroadcastChannel : undefined);
  const others = new Set<string>();
  let closed = false;

  const channel = Channel ? new Channel(TABS_CHANNEL) : undefined;
  const post = (message: TabMessage) => channel?.postMessage(message);

  channel?.addEventListener('message', ({ data }) => {
    if (closed || !isTabMessage(data) || data.flowId !== flowId || data.tabId === tabId) return;
    switch (data.type) {
      case 'opened':
        post({ type: 'present', flowId, tabId });
        others.add(data.tabId);
        onOtherTab('opened');
        break;
      case 'present':
        // Told once per tab, however many times it answers.
        if (others.has(data.tabId)) break;
        others.add(data.tabId);
        onOtherTab('opened');
        break;
      case 'saved':
        others.add(data.tabId);
        onOtherTab('saved', data.revision);
        break;
      case 'closed':
        if (others.delete(data.tabId)) onOtherTab('closed');
        break;
    }
  });

  post({ type: 'opened', flowId, tabId });

  return {
    tabId,
    get otherTabs() {
      return others.size;
    },
    announceSaved(revision) {
      if (!closed) post({ type: 'saved', flowId, tabId, revision });
    },
    close() {
      if (closed) return;
      closed = true;
      post({ type: 'closed', flowId, tabId });
      channel?.close();
    },
  };
}

import { describe, expect, it } from 'vitest';
import { TABS_CHANNEL, watchFlow, type OtherTabEvent } from './tabs.ts';
import { createFakeChannel } from './testing.ts';

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function tab(
  flowId: string,
  Channel: ReturnType<typeof createFakeChannel>['Channel'],
  tabId: string,
) {
  const events: [OtherTabEvent, number?][] = [];
  const watcher = watchFlow(flowId, {
    Channel,
    tabId,
    onOtherTab: (event, revision) =>
      events.push(revision === undefined ? [event] : [event, revision]),
  });
  return { watcher, events };
}

describe('watchFlow', () => {
  it('tells both tabs when a second one opens the same flow', async () => {
    const { Channel, sent } = createFakeChannel();
    const first = tab('f1', Channel, 'tab-1');
    await settle();
    expect(first.events).toEqual([]);

    const second = tab('f1', Channel, 'tab-2');
    await settle();
    expect(second.events).toEqual([['opened']]);
    expect(first.events).toEqual([['opened']]);
    expect(first.watcher.otherTabs).toBe(1);
    expect(second.watcher.otherTabs).toBe(1);
    expect(sent[0]).toEqual({ type: 'opened', flowId: 'f1', tabId: 'tab-1' });
  });

  it('announces a save with its revision', async () => {
    const { Channel } = createFakeChannel();
    const first = tab('f1', Channel, 'tab-1');
    const second = tab('f1', Channel, 'tab-2');
    await settle();
    second.watcher.announceSaved(7);
    await settle();
    expect(first.events).toEqual([['opened'], ['saved', 7]]);
    // A tab is not told about its own saves.
    expect(second.events).toEqual([['opened']]);
  });

  it('ignores other flows, its own messages and foreign messages', async () => {
    const { Channel } = createFakeChannel();
    const first = tab('f1', Channel, 'tab-1');
    const other = tab('f2', Channel, 'tab-2');
    other.watcher.announceSaved(3);
    const stranger = new Channel(TABS_CHANNEL);
    stranger.postMessage({ type: 'saved', flowId: 'f1', tabId: 'x', revision: 'lots' });
    stranger.postMessage({ type: 'hello', flowId: 'f1', tabId: 'x' });
    stranger.postMessage(null);
    stranger.postMessage('opened');
    await settle();
    expect(first.events).toEqual([]);
    expect(other.events).toEqual([]);
  });

  it('tells the others when a tab closes the flow, and then stays silent', async () => {
    const { Channel, openCount } = createFakeChannel();
    const first = tab('f1', Channel, 'tab-1');
    const second = tab('f1', Channel, 'tab-2');
    await settle();
    second.watcher.close();
    second.watcher.close();
    await settle();
    expect(first.events).toEqual([['opened'], ['closed']]);
    expect(first.watcher.otherTabs).toBe(0);
    expect(openCount()).toBe(1);
    second.watcher.announceSaved(2);
    await settle();
    expect(first.events).toHaveLength(2);
  });

  it('counts three tabs, each told once about each other', async () => {
    const { Channel } = createFakeChannel();
    const tabs = ['a', 'b', 'c'].map((id) => tab('f1', Channel, id));
    await settle();
    for (const t of tabs) {
      expect(t.watcher.otherTabs).toBe(2);
      expect(t.events).toEqual([['opened'], ['opened']]);
    }
  });

  it('works with the real BroadcastChannel when there is one', async () => {
    if (typeof BroadcastChannel !== 'function') return;
    const got: OtherTabEvent[] = [];
    const first = watchFlow('real', { onOtherTab: (event) => got.push(event) });
    const second = watchFlow('real', { onOtherTab: () => {} });
    expect(first.tabId).not.toBe(second.tabId);
    second.announceSaved(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.close();
    second.close();
    expect(got).toEqual(['opened', 'saved']);
  });
});

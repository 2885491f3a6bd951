import { describe, expect, it, vi } from 'vitest';
import { watchFlow } from './tabs.ts';
import { createFakeChannel } from './testing.ts';
import { createFlowSavedAnnouncer } from './workspaceTabs.ts';

describe('createFlowSavedAnnouncer', () => {
  it('tells an editor watching the flow in another tab that it was saved at the new revision', async () => {
    const { Channel } = createFakeChannel();
    const onOtherTab = vi.fn();
    const watcher = watchFlow('flow-1', { onOtherTab, Channel });
    const announce = createFlowSavedAnnouncer(Channel);
    announce('flow-2', 3);
    announce('flow-1', 7);
    await vi.waitFor(() => expect(onOtherTab).toHaveBeenCalledWith('saved', 7));
    expect(onOtherTab).toHaveBeenCalledTimes(1);
    watcher.close();
  });
});

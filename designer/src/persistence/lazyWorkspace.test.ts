import { describe, expect, it, vi } from 'vitest';
import { lazyWorkspaceRepository } from './lazyWorkspace.ts';
import { createTestWorkspace } from './testing.ts';

describe('lazyWorkspaceRepository', () => {
  it('loads the workspace on first use only, once, and runs each call on it', async () => {
    const { workspace } = createTestWorkspace();
    const load = vi.fn(() => Promise.resolve(workspace));
    const lazy = lazyWorkspaceRepository(load);
    expect(load).not.toHaveBeenCalled();
    const team = await lazy.createTeam({ name: 'Vendas', agents: 2 });
    expect((await lazy.listTeams()).items.map((t) => t.name)).toEqual(['Vendas']);
    expect(await workspace.listTeams()).toMatchObject({ items: [team] });
    expect(load).toHaveBeenCalledOnce();
  });

  it('tells a subscriber of changes once loaded, and not after it stopped listening', async () => {
    const { workspace } = createTestWorkspace();
    const lazy = lazyWorkspaceRepository(() => Promise.resolve(workspace));
    const heard = vi.fn();
    const stop = lazy.subscribe(heard);
    await lazy.createTeam({ name: 'Vendas', agents: 1 });
    await vi.waitFor(() => expect(heard).toHaveBeenCalled());
    stop();
    heard.mockClear();
    await lazy.createTeam({ name: 'Suporte', agents: 1 });
    expect(heard).not.toHaveBeenCalled();
  });

  it('is not a promise itself, so handing it around loads nothing', async () => {
    const load = vi.fn(() => Promise.resolve(createTestWorkspace().workspace));
    const lazy = lazyWorkspaceRepository(load);
    expect(await Promise.resolve(lazy)).toBe(lazy);
    expect(load).not.toHaveBeenCalled();
  });
});

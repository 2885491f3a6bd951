import { examples } from '@callbot/runtime';
import type { FlowDocument, PublishedList, PublishedVersion } from '@callbot/shared';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { WorkspacePublishClient } from './workspaceClient.ts';
import { WorkspacePublishDialog } from './WorkspacePublishDialog.tsx';

/** A workspace's publishing as the server keeps it, in memory. */
function fakeClient(refuseWith?: string) {
  const versions: PublishedVersion[] = [];
  let live: number | null = null;
  const sent: { doc: unknown; note: string }[] = [];
  const client: WorkspacePublishClient = {
    publish(flowId, doc, note) {
      if (refuseWith) return Promise.reject(new Error(refuseWith));
      sent.push({ doc, note });
      const version: PublishedVersion = {
        flowId,
        version: versions.length + 1,
        note,
        fingerprint: 'f',
        publishedAt: '2026-12-07T12:00:00.000Z',
        publishedBy: { id: 'u1', name: 'Ana' },
      };
      versions.unshift(version);
      live = version.version;
      return Promise.resolve({ version, diagnostics: [] });
    },
    list: (): Promise<PublishedList> =>
      Promise.resolve({
        versions: [...versions],
        live,
        lines: [{ id: 'fixa', kind: 'purchased', number: '+551130001000' }],
      }),
    makeLive(_flowId, version) {
      live = version;
      return Promise.resolve(versions.find((v) => v.version === version)!);
    },
  };
  return { client, sent };
}

const open = (client: WorkspacePublishClient, doc: FlowDocument = examples.reception) =>
  render(
    <WorkspacePublishDialog
      doc={doc}
      flowId="recepcao"
      workspaceId="ws-1"
      client={client}
      onClose={() => {}}
    />,
  );

describe('WorkspacePublishDialog', () => {
  it('publishes in one click, with no server address or token, and lists who published what', async () => {
    const { client, sent } = fakeClient();
    open(client);
    const dialog = await screen.findByRole('dialog', { name: 'Publish' });
    expect(within(dialog).queryByLabelText(/token/i)).toBeNull();
    expect(await within(dialog).findByText('Not published yet.')).toBeTruthy();
    expect(within(dialog).getByText(/Answers on/)).toBeTruthy();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish now' }));
    expect(await within(dialog).findByText(/Version 1 is live/)).toBeTruthy();
    expect(sent).toHaveLength(1);
    const list = within(dialog).getByRole('list');
    expect(list.textContent).toContain('Version 1');
    expect(list.textContent).toContain('Ana');
    expect(within(list).getByText('Live')).toBeTruthy();
  });

  it('makes an earlier version live again', async () => {
    const { client } = fakeClient();
    open(client);
    const dialog = await screen.findByRole('dialog', { name: 'Publish' });
    const publish = within(dialog).getByRole('button', { name: 'Publish now' });
    await userEvent.type(within(dialog).getByLabelText('Note (optional)'), 'first');
    await userEvent.click(publish);
    await within(dialog).findByText(/Version 1 is live/);
    await userEvent.click(publish);
    await within(dialog).findByText(/Version 2 is live/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Make version 1 live' }));
    expect(await within(dialog).findByText('Version 1 is live again.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Make version 2 live' })).toBeTruthy();
    expect(within(dialog).getByRole('list').textContent).toContain('first');
  });

  it('blocks a flow with errors before sending it, in the checks’ words', async () => {
    const { client, sent } = fakeClient();
    const broken: FlowDocument = {
      ...examples.reception,
      nodes: examples.reception.nodes.map((n) =>
        n.kind === 'transfer' ? { ...n, data: { ...n.data, team: '' } } : n,
      ),
    };
    open(client, broken);
    const dialog = await screen.findByRole('dialog', { name: 'Publish' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish now' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(within(dialog).getAllByText(/has no team/).length).toBeGreaterThan(0);
    expect(sent).toHaveLength(0);
  });

  it('says why the server refused, in its words', async () => {
    const { client } = fakeClient(
      'The transfer "Vendas" names the team "vendas", which this workspace does not have.',
    );
    open(client);
    const dialog = await screen.findByRole('dialog', { name: 'Publish' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish now' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Nothing was published: The transfer "Vendas" names the team "vendas", which this workspace does not have.',
    );
  });
});

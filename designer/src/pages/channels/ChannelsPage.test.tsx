import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '@callbot/shared';
import type { DesignerDb } from '../../persistence/index.ts';
import { sandboxTimings } from '../../provider/sandbox/handlers.ts';
import { ChannelsPage } from './ChannelsPage.tsx';
import { channelsFixture } from './testing.tsx';
import type { Role } from '@callbot/shared';
import { seedFakeAccounts } from '../../account/handlers.ts';
import { fakeAccountsServer, openAccountPage } from '../../test/accountPages.tsx';

const server = fakeAccountsServer();

const opened: DesignerDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const FREE_E164 = '+553132500906';
/** Numbers are shown formatted for their country (issue 12). */
const FREE = '+55 31 3250 0906';
const WHATSAPP = '+55 11 3003 0004';

function setup(channel: 'phone-lines' | 'whatsapp' | 'sip') {
  const fixture = channelsFixture({ realWait: true });
  opened.push(fixture.db);
  const { Providers } = fixture;
  render(
    <Providers>
      <ChannelsPage channel={channel} />
    </Providers>,
  );
  return { ...fixture, user: userEvent.setup() };
}

describe('ChannelsPage', () => {
  it('R7: a bought number shows its request in process, undeletable, then active and deletable', async () => {
    const { user, advance } = setup('phone-lines');
    await user.click(screen.getByRole('button', { name: 'Buy a number' }));
    await user.click(await screen.findByRole('radio', { name: new RegExp(`^\\${FREE}`) }));
    await user.click(screen.getByRole('button', { name: `Buy ${FREE}` }));

    const line = await screen.findByRole('listitem', { name: FREE });
    expect(line.textContent).toContain('Request received');
    expect(line.textContent).toContain('Calls only');
    const remove = within(line).getByRole('button', { name: `Delete ${FREE}` });
    expect(remove).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toContain('request received');

    advance(sandboxTimings.orderInProcessAfterMs);
    await within(line).findByText('In process');
    expect(remove).toHaveProperty('disabled', true);
    advance(sandboxTimings.orderDoneAfterMs);
    await within(line).findByText('Active');
    expect(remove).toHaveProperty('disabled', false);
    // Active now: the "request received" line is gone, the card says how the line is.
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('R7: a failed order says why, and its line can be deleted', async () => {
    const { user, advance } = setup('phone-lines');
    await user.click(screen.getByRole('button', { name: 'Buy a number' }));
    await user.click(await screen.findByRole('radio', { name: /^\+55 11 3845 5899/ }));
    await user.click(screen.getByRole('button', { name: 'Buy +55 11 3845 5899' }));
    const line = await screen.findByRole('listitem', { name: '+55 11 3845 5899' });
    advance(sandboxTimings.orderDoneAfterMs);
    await within(line).findByText(/^Failed: the regulator rejected the request/);
    expect(within(line).getByRole('button', { name: 'Delete +55 11 3845 5899' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('R4: the number search says when what is typed is not only digits, and searches the digits', async () => {
    const { user } = setup('phone-lines');
    await user.click(screen.getByRole('button', { name: 'Buy a number' }));
    // A number picked, then searched away: it is no longer offered to buy.
    await user.click(await screen.findByRole('radio', { name: /^\+55 11 3845 5899/ }));
    const search = screen.getByRole('searchbox', { name: 'Search numbers (digits)' });
    await user.type(search, '+55 31');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.clear(search);
    await user.type(search, '3250abc');
    const said = screen.getByRole('alert');
    expect(said.textContent).toBe(
      'Numbers are searched by digits only: the other characters in “3250abc” are left out.',
    );
    expect(search.getAttribute('aria-invalid')).toBe('true');
    expect(search.getAttribute('aria-describedby')).toBe(said.id);
    // The digits are searched: the one number with 3250 in it.
    await waitFor(() =>
      expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([FREE_E164]),
    );
    expect(screen.getByRole('button', { name: 'Choose a number first' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('R5: a purchased line says it carries calls only, not WhatsApp messages', async () => {
    const { workspace } = setup('phone-lines');
    await workspace.putLine({
      id: 'p1',
      kind: 'purchased',
      country: 'BR',
      number: FREE_E164,
      status: 'active',
      requestedAt: 1,
      orderId: 'o1',
      createdAt: 1,
    });
    const line = await screen.findByRole('listitem', { name: FREE });
    expect(within(line).getByText('Calls only')).toBeTruthy();
    expect(
      screen.getByText(/Numbers bought here carry calls only: they are not WhatsApp lines/),
    ).toBeTruthy();
  });

  it('R9: a line without a callbot says the default callbot answers and where it transfers', async () => {
    const { user, workspace, repo } = setup('phone-lines');
    const team = await workspace.createTeam({ name: 'Atendimento', agents: 2 });
    await workspace.setDefaultTeam(team.id);
    await repo.create('Recepção');
    await user.click(screen.getByRole('button', { name: 'Buy a number' }));
    await user.click(await screen.findByRole('radio', { name: new RegExp(`^\\${FREE}`) }));
    await user.click(screen.getByRole('button', { name: `Buy ${FREE}` }));
    const line = await screen.findByRole('listitem', { name: FREE });
    await within(line).findByText(
      'Answered by the default callbot, which transfers to Atendimento.',
    );
    // No callbot yet: a flow can be marked as one from here, then assigned.
    await user.click(within(line).getByRole('button', { name: 'Mark as callbot' }));
    await user.click(
      await within(line).findByRole('button', { name: `Assign callbot to ${FREE}` }),
    );
    await within(line).findByText('Answered by the callbot “Recepção”.');
  });

  it('R3: choosing a second callbot asks to replace the first; keeping it changes nothing', async () => {
    const { user, workspace, repo } = setup('phone-lines');
    const first = await repo.create('Recepção');
    const second = await repo.create('Vendas');
    await workspace.setCallbot(first.id, true);
    await workspace.setCallbot(second.id, true);
    await user.click(screen.getByRole('button', { name: 'Buy a number' }));
    await user.click(await screen.findByRole('radio', { name: new RegExp(`^\\${FREE}`) }));
    await user.click(screen.getByRole('button', { name: `Buy ${FREE}` }));
    const line = await screen.findByRole('listitem', { name: FREE });
    const picker = await within(line).findByRole('combobox', { name: `Callbot for ${FREE}` });
    await user.selectOptions(picker, 'Recepção');
    await user.click(within(line).getByRole('button', { name: `Assign callbot to ${FREE}` }));
    await within(line).findByText('Answered by the callbot “Recepção”.');

    await user.selectOptions(picker, 'Vendas');
    await user.click(within(line).getByRole('button', { name: `Assign callbot to ${FREE}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace the callbot?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep “Recepção”' }));
    expect((await workspace.listLines()).items[0]?.callbotId).toBe(first.id);

    await user.selectOptions(picker, 'Vendas');
    await user.click(within(line).getByRole('button', { name: `Assign callbot to ${FREE}` }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Replace the callbot?' })).getByRole(
        'button',
        { name: 'Replace with “Vendas”' },
      ),
    );
    await within(line).findByText('Answered by the callbot “Vendas”.');
    expect((await workspace.listLines()).items.map((l) => l.callbotId)).toEqual([second.id]);
  });

  it('R2: enabling WhatsApp calls is refused and lists what is missing, with where to fix it', async () => {
    const { user, workspace, repo } = setup('whatsapp');
    const form = screen.getByRole('form', { name: 'Create new WhatsApp line' });
    await user.type(
      within(form).getByRole('textbox', { name: 'WhatsApp Business number' }),
      WHATSAPP,
    );
    await user.click(within(form).getByRole('button', { name: 'Verify and create' }));
    const line = await screen.findByRole('listitem', { name: WHATSAPP });
    const toggle = within(line).getByRole('switch', { name: `Enable calls on ${WHATSAPP}` });
    await user.click(toggle);
    expect((await within(line).findByRole('alert')).textContent).toContain(
      'Calls cannot be enabled yet',
    );
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    const missing = within(line).getByRole('list', { name: 'What calls need' });
    const marks = () =>
      within(missing)
        .getAllByRole('listitem')
        .map((i) => i.textContent?.slice(0, 7));
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((i) => i.textContent),
    ).toEqual([
      '✗ Missing: A reception callbot on this line: a callbot assigned to it that receives callers (more than a greeting and a hang-up). Assign a reception callbot',
      '✗ Missing: Opening hours: the reception callbot checks a schedule with opening hours. Assign a reception callbot',
      '✗ Missing: Answering teams: the reception callbot transfers to teams that exist and have agents. Assign a reception callbot',
    ]);

    await workspace.createTeam({ name: 'Vendas', agents: 2 });

    // The line's callbot checks opening hours and transfers to Vendas: everything is done.
    const flow = await repo.create('Recepção');
    const { doc, revision } = await repo.open(flow.id);
    await repo.save(
      flow.id,
      {
        ...doc,
        nodes: [
          { ...doc.nodes[0]!, connections: { next: 'hours' } },
          {
            id: 'hours',
            kind: 'schedule',
            data: { weekly: [{ day: 'mon', start: '09:00', end: '18:00' }], holidays: [] },
            connections: { open: 'transfer' },
          },
          { id: 'transfer', kind: 'transfer', data: { team: 'Vendas' }, connections: {} },
        ] as FlowDocument['nodes'],
      },
      revision,
    );
    await workspace.setCallbot(flow.id, true);
    const stored = (await workspace.listLines()).items[0]!;
    await workspace.putLine({ ...stored, callbotId: flow.id });
    await waitFor(() => expect(marks()).toEqual(['✓ Done:', '✓ Done:', '✓ Done:']));
    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
  });

  it('R1: a personal WhatsApp number is refused with the reason and no line is added', async () => {
    const { user, workspace } = setup('whatsapp');
    const form = screen.getByRole('form', { name: 'Create new WhatsApp line' });
    await user.type(
      within(form).getByRole('textbox', { name: 'WhatsApp Business number' }),
      '+551130030001',
    );
    await user.click(within(form).getByRole('button', { name: 'Verify and create' }));
    expect((await within(form).findByRole('alert')).textContent).toContain(
      'It is a personal WhatsApp number',
    );
    expect((await workspace.listLines()).items).toEqual([]);
  });

  it('R19: the SIP form refuses a personal mobile with the explanation', async () => {
    const { user, workspace } = setup('sip');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'PABX');
    await user.type(screen.getByRole('textbox', { name: 'Host' }), 'pbx.example.com');
    await user.type(screen.getByRole('textbox', { name: 'User name' }), 'loja');
    await user.type(screen.getByLabelText('Password'), 'segredo');
    await user.type(screen.getByRole('textbox', { name: 'Number (optional)' }), '+5511987654321');
    await user.click(screen.getByRole('button', { name: 'Add SIP line' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Personal mobile lines are not supported',
    );
    expect((await workspace.listLines()).items).toEqual([]);
  });

  /**
   * The WhatsApp page of a served workspace with one line answered by the callbot "Recepção", as
   * `role`; another callbot, "Atendimento", comes first in the list.
   */
  async function openWhatsAppAs(role: Role) {
    seedFakeAccounts(server.fake(), { role });
    const fixture = channelsFixture({ realWait: true });
    opened.push(fixture.db);
    const other = await fixture.repo.create('Atendimento');
    await fixture.workspace.setCallbot(other.id, true);
    const flow = await fixture.repo.create('Recepção');
    await fixture.workspace.setCallbot(flow.id, true);
    await fixture.workspace.putLine({
      id: 'wa',
      kind: 'whatsapp',
      number: '+551130030004',
      displayName: 'Loja Exemplo',
      business: true,
      calling: true,
      callsEnabled: false,
      callbotId: flow.id,
      createdAt: 1,
    });
    const { Providers } = fixture;
    await openAccountPage(
      <Providers>
        <ChannelsPage channel="whatsapp" />
      </Providers>,
    );
    const line = await screen.findByRole('listitem', { name: WHATSAPP });
    await within(line).findByText('Answered by the callbot “Recepção”.');
    return line;
  }

  /** What the page offers to change, by accessible name. */
  const editing = () =>
    [
      screen.queryByRole('form', { name: 'Create new WhatsApp line' }),
      screen.queryByRole('link', { name: 'Create new WhatsApp line' }),
      screen.queryByRole('button', { name: `Assign callbot to ${WHATSAPP}` }),
      screen.queryByRole('button', { name: `Remove the callbot of ${WHATSAPP}` }),
      screen.queryByRole('button', { name: `Delete ${WHATSAPP}` }),
    ].filter((element) => element !== null);

  it.each(['trainer', 'viewer'] as const)(
    'shows a %s the lines read-only: who answers and whether calls are on, nothing to add, assign or delete',
    async (role) => {
      const line = await openWhatsAppAs(role);
      expect(screen.getByRole('note').textContent).toBe(`Read only — you are a ${role}`);
      expect(editing()).toEqual([]);
      const callbot = within(line).getByRole('combobox', { name: `Callbot for ${WHATSAPP}` });
      expect(callbot.matches(':disabled')).toBe(true);
      // The assigned callbot, not the first of the list.
      expect(
        within(callbot)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Atendimento', 'Recepção']);
      expect((callbot as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Recepção');
      const calls = within(line).getByRole('switch', { name: `Enable calls on ${WHATSAPP}` });
      expect(calls.getAttribute('aria-checked')).toBe('false');
      expect(calls.matches(':disabled')).toBe(true);
    },
  );

  it('offers an editor every change of a line', async () => {
    const line = await openWhatsAppAs('editor');
    expect(screen.queryByRole('note')).toBeNull();
    expect(editing()).toHaveLength(5);
    expect(
      within(line)
        .getByRole('switch', { name: `Enable calls on ${WHATSAPP}` })
        .matches(':disabled'),
    ).toBe(false);
  });
});

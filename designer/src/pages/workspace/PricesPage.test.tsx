import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { examplePriceTable } from '@callbot/shared';
import type { DesignerDb } from '../../persistence/index.ts';
import { createTestWorkspace } from '../../persistence/testing.ts';
import { PricesPage } from './PricesPage.tsx';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';
import type { Role } from '@callbot/shared';
import { seedFakeAccounts } from '../../account/handlers.ts';
import { fakeAccountsServer, openAccountPage } from '../../test/accountPages.tsx';

const server = fakeAccountsServer();

const opened: DesignerDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function setup() {
  const made = createTestWorkspace();
  opened.push(made.db);
  render(
    <WorkspaceProvider repository={made.workspace}>
      <PricesPage />
    </WorkspaceProvider>,
  );
  const pick = (text: string) =>
    fireEvent.change(screen.getByLabelText('Price table file to import'), {
      target: { files: [new File([text], 'prices.json', { type: 'application/json' })] },
    });
  return { ...made, user: userEvent.setup(), pick };
}

describe('PricesPage', () => {
  it('R20, R21: shows the example table labelled as examples, with tiers in words', () => {
    setup();
    expect(screen.getAllByText('Example figures').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/^Calls up to 2 min: .+ per minute$/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/^Calls over 2 min: .+ per minute$/).length).toBeGreaterThan(0);
    expect(
      screen.getAllByText('Free: WhatsApp calls the customer starts cost nothing extra').length,
    ).toBeGreaterThan(0);
  });

  it('imports a valid table, which the workspace then uses, and resets to the example', async () => {
    const { pick, workspace, user } = setup();
    const own = { ...structuredClone(examplePriceTable), label: 'Our prices', example: false };
    pick(JSON.stringify(own));
    expect((await screen.findByRole('status')).textContent).toBe('Now using “Our prices”.');
    expect((await workspace.readSettings()).settings.priceTable).toEqual(own);
    await screen.findByText('Our prices');
    expect(screen.queryByText('Example figures')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Reset to the example' }));
    await screen.findByText('Now using the example figures.');
    expect((await workspace.readSettings()).settings.priceTable).toBeUndefined();
  });

  it('R20: an imported table where a call over 2 minutes costs less than one of 2 minutes is flagged, naming country and channel', async () => {
    const { pick } = setup();
    const own = structuredClone(examplePriceTable);
    own.label = 'Cheap long calls';
    own.example = false;
    own.countries.MX!.line.inbound = {
      model: 'duration',
      tiers: [
        { upToMinutes: 2, perMinute: 60 },
        { upToMinutes: null, perMinute: 30 },
      ],
    };
    pick(JSON.stringify(own));
    const warning = await screen.findByRole('alert', { name: 'Figures to check' });
    expect(warning.textContent).toBe(
      'Check these figures: in MX, line calls started by the customer, a call of 3 min costs less than one of 2 min.',
    );
  });

  it('refuses a table that does not pass the schema, with the field and why, keeping the one in use', async () => {
    const { pick, workspace } = setup();
    pick(JSON.stringify({ ...examplePriceTable, defaultCountry: 'ZZ' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('defaultCountry');
    expect(alert.textContent).toContain('the default country needs prices in the table');
    expect((await workspace.readSettings()).settings.priceTable).toBeUndefined();
  });

  /** The prices of a served workspace using its own table (so it could be reset), as `role`. */
  async function openAs(role: Role) {
    seedFakeAccounts(server.fake(), { role });
    const made = createTestWorkspace();
    opened.push(made.db);
    await made.workspace.updateSettings({
      priceTable: { ...examplePriceTable, label: 'Tabela da loja', example: false },
    });
    await openAccountPage(
      <WorkspaceProvider repository={made.workspace}>
        <PricesPage />
      </WorkspaceProvider>,
    );
    await screen.findByText('Tabela da loja');
  }

  const editing = () =>
    [
      screen.queryByRole('button', { name: 'Import price table' }),
      screen.queryByLabelText('Price table file to import'),
      screen.queryByRole('button', { name: 'Reset to the example' }),
    ].filter((element) => element !== null);

  it.each(['trainer', 'viewer'] as const)(
    'shows a %s the price table with no import or reset',
    async (role) => {
      await openAs(role);
      expect(screen.getByRole('note').textContent).toBe(`Read only — you are a ${role}`);
      expect(screen.getAllByText(/^Calls up to 2 min: .+ per minute$/).length).toBeGreaterThan(0);
      expect(editing()).toEqual([]);
    },
  );

  it('offers an editor the import and the reset', async () => {
    await openAs('editor');
    expect(editing().length).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('button', { name: 'Reset to the example' })).toBeTruthy();
  });
});

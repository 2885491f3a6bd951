import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import type { NavPage } from '../../app/route.ts';
import { PricesPage } from './PricesPage.tsx';
import { SchedulesPage } from './SchedulesPage.tsx';
import { storyWorkspace } from './storyWorkspace.ts';
import { TeamsPage } from './TeamsPage.tsx';
import { TopNav } from './TopNav.tsx';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';

type Loaded = Awaited<ReturnType<typeof storyWorkspace>>;

/** A workspace page under the top navigation, on an in-memory workspace. */
function Page({ page, loaded }: { page: NavPage; loaded: Loaded }) {
  return (
    <WorkspaceProvider repository={loaded.workspace}>
      <TopNav current={page} onImported={() => {}} />
      <main>
        {page === 'teams' && <TeamsPage />}
        {page === 'schedules' && <SchedulesPage selectedId={loaded.scheduleId} />}
        {page === 'prices' && <PricesPage />}
      </main>
    </WorkspaceProvider>
  );
}

const meta = {
  title: 'Workspace/Pages',
  args: { page: 'teams' },
  loaders: [() => storyWorkspace()],
  render: (args, { loaded }) => <Page page={args.page} loaded={loaded as Loaded} />,
} satisfies Meta<{ page: NavPage }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two teams, Recepção the default; the navigation marks Teams. */
export const Teams: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(page.getByRole('link', { name: 'Teams' })).toHaveAttribute('aria-current', 'page');
    await expect(
      await page.findByRole('radio', { name: 'Recepção is the default team' }),
    ).toBeChecked();
  },
};

/** The default team cannot be deleted while another team exists. */
export const DefaultTeamKept: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.click(await page.findByRole('button', { name: 'Delete Recepção' }));
    await expect(page.getByRole('alert')).toHaveTextContent('choose another default team first');
  },
};

/** A named schedule used by the reception example, on the week grid. */
export const Schedules: Story = {
  args: { page: 'schedules' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText('Used by “Recepção Loja Exemplo”.')).toBeVisible();
  },
};

/** The example price table, labelled as example figures, its tiers in words. */
export const Prices: Story = {
  args: { page: 'prices' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect((await page.findAllByText('Example figures'))[0]).toBeVisible();
    await expect(page.getAllByText(/^Calls up to 2 min: /)[0]).toBeVisible();
  },
};

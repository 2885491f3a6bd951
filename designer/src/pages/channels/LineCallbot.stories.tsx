import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Line } from '@callbot/shared';
import { LineCallbot } from './LineCallbot.tsx';
import { useLines } from './data.ts';
import { addWhatsAppLine, storyFixture, type StoryFixture } from './storySeeds.ts';

/** The stored line, read again after every change, as the pages do. */
function Live({ id }: { id: string }) {
  const line = useLines().value?.items.find((l) => l.id === id);
  return line ? <LineCallbot line={line} /> : null;
}

const meta = {
  title: 'Channels/LineCallbot',
  component: Live,
  args: { id: 'wa-+551130030004' },
  render: (args, { loaded }) => {
    const { Providers } = loaded.fixture as StoryFixture;
    return (
      <Providers>
        <Live {...args} />
      </Providers>
    );
  },
} satisfies Meta<typeof Live>;

export default meta;
type Story = StoryObj<typeof meta>;

const withLine = (seed: (f: StoryFixture, line: Line) => Promise<void>) => async () => ({
  fixture: await storyFixture(async (f) => seed(f, await addWhatsAppLine(f))),
});

/** No callbot: the default callbot answers and transfers to the default team (R9). */
export const DefaultCallbot: Story = { loaders: [withLine(() => Promise.resolve())] };

/** A callbot assigned; choosing "Vendas" asks to replace it (R3). */
export const Assigned: Story = {
  loaders: [
    withLine(async (f, line) => {
      const [reception] = await f.workspace.listFlows();
      const sales = await f.repo.create('Vendas');
      await f.workspace.setCallbot(sales.id, true);
      await f.workspace.putLine({ ...line, callbotId: reception!.id });
    }),
  ],
};

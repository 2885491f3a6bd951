// Seeds for the channels and customers stories: a fresh workspace on
// fake-indexeddb and the sandbox provider, on the wall clock with realistic delays.
import type { Line } from '@callbot/shared';
import { channelsFixture } from './testing.tsx';

export type StoryFixture = ReturnType<typeof channelsFixture>;

/** A fresh fixture, the reception flow marked as a callbot and a default team, then `seed`. */
export async function storyFixture(
  seed: (fixture: StoryFixture) => Promise<void> = () => Promise.resolve(),
): Promise<StoryFixture> {
  const fixture = channelsFixture({ wallClock: true, delayMs: 400 });
  const team = await fixture.workspace.createTeam({ name: 'Atendimento', agents: 3 });
  await fixture.workspace.setDefaultTeam(team.id);
  const reception = await fixture.repo.create('Recepção');
  await fixture.workspace.setCallbot(reception.id, true);
  await seed(fixture);
  return fixture;
}

/** A WhatsApp line verified with the sandbox, calls off. */
export async function addWhatsAppLine(
  fixture: StoryFixture,
  number = '+551130030004',
): Promise<Line> {
  const verified = await fixture.services.provider.verifyWhatsappNumber(number);
  return fixture.workspace.putLine({
    id: `wa-${number}`,
    kind: 'whatsapp',
    number,
    displayName: verified.displayName,
    business: true,
    calling: true,
    callsEnabled: false,
    createdAt: fixture.services.now(),
  });
}

import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

test('the same flow in two tabs: both are warned, and an edit never silently overwrites the other tab’s', async ({
  context,
}) => {
  test.setTimeout(45_000);
  // Two pages of one context share IndexedDB and BroadcastChannel, like two tabs.
  const first = new DesignerPage(await context.newPage());
  await first.open();
  await first.openFlow('Recepção Loja Exemplo');
  await expect(first.otherTabWarning()).toHaveCount(0);

  const second = new DesignerPage(await context.newPage());
  await second.page.goto(first.page.url());
  await expect(second.heading('Recepção Loja Exemplo')).toBeVisible();

  // The tab that opens the flow second is told, and so is the first one.
  await expect(second.otherTabWarning()).toBeVisible();
  await expect(second.otherTabWarning()).toContainText('another tab');
  await expect(first.otherTabWarning()).toBeVisible();

  // The first tab edits and saves.
  await first.page.bringToFront();
  await first.addNode('Message');
  await first.setField('Message', 'Editado na primeira aba.');
  await first.expectSaved();

  // The second tab, still showing the older flow, edits too: its save is
  // refused and it says so, keeping its edit in memory.
  await second.page.bringToFront();
  await expect(second.node('Message: Message')).toHaveCount(0);
  await second.addNode('Transfer to team');
  await second.setField('Team', 'segunda-aba');
  await expect(second.saveStatus()).toContainText('Not saved: changed in another tab');
  await expect(second.saveStatus()).toContainText('Reload to see the other tab’s version');
  await expect(second.node('Transfer to team: Transfer to team')).toBeVisible();

  // What is stored is still the first tab's flow.
  const stored = new DesignerPage(await context.newPage());
  await stored.page.goto(first.page.url());
  await expect(stored.node('Message: Message')).toContainText('Editado na primeira aba.');
  await expect(stored.node('Transfer to team: Transfer to team')).toHaveCount(0);
  await stored.page.close();

  // The first tab goes on saving normally.
  await first.page.bringToFront();
  await expect(first.saveStatus()).toHaveText('Saved');
  await first.node('Message: Message').click();
  await first.setField('Message', 'Editado de novo na primeira aba.');
  await first.expectSaved();

  // Reloading the second tab shows the first tab's version, as it promised.
  await second.page.bringToFront();
  await expect(second.saveStatus()).toContainText('Not saved');
  await second.page.reload();
  await expect(second.node('Message: Message')).toContainText('Editado de novo na primeira aba.');
  await expect(second.node('Transfer to team: Transfer to team')).toHaveCount(0);
  await expect(second.saveStatus()).toHaveText('Saved');

  expect(first.errors).toEqual([]);
  expect(second.errors).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { expectNoSeriousViolations } from './support/axe.ts';

test('a saved version compared with the edited flow shows each change on the canvas and in a list', async ({
  page,
}) => {
  test.setTimeout(45_000);
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.createFlow('Comparação');

  await designer.openVersions();
  await designer.saveVersion('Antes das mudanças');
  await designer.versionsDialog().getByRole('button', { name: 'Close' }).click();

  // Three edits: a new node, a new text, a connection deleted.
  await designer.addNode('Message');
  await designer.node('Greeting: Greeting').click();
  await designer.setField('Initial message', 'Olá! Bem-vindo à loja.');
  await designer.inspector
    .getByRole('combobox', { name: 'Then go to', exact: true })
    .selectOption({ label: 'Not connected' });
  await designer.expectSaved();

  await designer.openVersions();
  const comparison = await designer.compareVersions('Antes das mudanças');
  await expect(comparison.getByRole('heading', { level: 3 })).toHaveText(
    /^Antes das mudanças · .* → The current flow$/,
  );
  await expect(comparison.getByRole('status')).toHaveText('1 added, 1 removed, 1 changed');

  // On the canvas: each mark is in the element's name, and written on the node.
  const canvas = comparison.getByRole('application', { name: 'Differences between the versions' });
  const added = canvas.getByRole('group', { name: 'Message: Message (added)', exact: true });
  await expect(added).toBeVisible();
  await expect(added).toContainText('Added');
  const changed = canvas.getByRole('group', { name: 'Greeting: Greeting (changed)', exact: true });
  await expect(changed).toContainText('Changed');
  await expect(changed).toContainText('Olá! Bem-vindo à loja.');
  await expect(
    canvas.getByRole('group', { name: 'Hang up: Hang up', exact: true }),
  ).not.toContainText(/Added|Removed|Changed/);
  await expect(
    canvas.getByRole('group', {
      name: 'Connection from Greeting (next) to Hang up (removed)',
      exact: true,
    }),
  ).toHaveCount(1);
  await expect(comparison.getByRole('list', { name: 'Legend' })).toHaveText(
    /Added.*Removed.*Changed.*Moved/,
  );

  // Beside it, the changes in words; each centres its node.
  const changes = comparison.getByRole('list', { name: 'Changes' }).getByRole('button');
  await expect(changes).toHaveText([
    'Added Message “Message”',
    'Removed connection from “Greeting” (next) to “Hang up”',
    'Changed Greeting “Greeting”: text',
  ]);
  await changes.nth(2).click();
  await expect(changes.nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(changed).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('versions-diff.png') });
  await expectNoSeriousViolations(page, 'the comparison of two versions');

  // Back to the list, which has not changed.
  await comparison.getByRole('button', { name: 'Back to the versions' }).click();
  await expect(designer.versionRows().filter({ hasText: 'Antes das mudanças' })).toHaveCount(1);
  await designer.versionsDialog().getByRole('button', { name: 'Close' }).click();

  // Leaving the editor keeps an automatic snapshot of the edited flow.
  await designer.backToLibrary();
  await designer.openFlow('Comparação');
  await designer.openVersions();
  await expect(designer.versionRows().first()).toContainText('On leaving the editor · ');
  await expect(designer.versionRows().first()).toContainText('3 nodes');

  expect(designer.errors).toEqual([]);
});

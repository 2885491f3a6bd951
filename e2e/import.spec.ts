import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { readRepoFlow } from './support/flowShape.ts';

const example = readRepoFlow('runtime/examples/reception.flow.json');
const exampleText = `${JSON.stringify(example, null, 2)}\n`;

/** Files a user might pick by mistake or be handed by an attacker, and what the alert must say. */
const refused = [
  {
    what: 'a malformed file',
    file: { name: 'truncated.json', text: exampleText.slice(0, 200) },
    says: [/not valid JSON/],
  },
  {
    what: 'a hostile file',
    file: {
      name: 'hostile.json',
      text: exampleText.replace(
        '"settings": {',
        '"settings": { "__proto__": { "polluted": true, "isAdmin": true },',
      ),
    },
    says: [/"__proto__"/, /refused for safety/],
  },
  {
    what: 'a file from a future version',
    file: {
      name: 'future.json',
      text: JSON.stringify({ ...example, schemaVersion: 99 }),
    },
    says: [/newer version of the designer/, /version 99/],
  },
  {
    what: 'a file with a broken field',
    file: {
      name: 'broken-team.json',
      text: JSON.stringify({
        ...example,
        nodes: example.nodes.map((n) => (n.id === 't-vendas' ? { ...n, data: { team: 42 } } : n)),
      }),
    },
    // Which field, and why.
    says: [/nodes\[5\]\.data\.team/, /string/],
  },
];

test('a malformed, hostile or future flow file is refused with a clear error and nothing changes', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const before = await designer.libraryRows();
  expect(before).toHaveLength(1);

  for (const { what, file, says } of refused) {
    await test.step(what, async () => {
      await designer.importFile(file);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(`${file.name} was not imported: nothing was changed.`);
      for (const text of says) await expect(alert).toContainText(text);
      expect(await designer.libraryRows()).toEqual(before);
      await expect(page).toHaveURL(/#\/?$|\/$/);
    });
  }
  // The hostile key reached no object's prototype.
  expect(await page.evaluate(() => 'polluted' in {} || 'isAdmin' in {})).toBe(false);

  // Still there after a reload: nothing was stored.
  await page.reload();
  expect(await designer.libraryRows()).toEqual(before);
  expect(designer.errors).toEqual([]);
});

test('a flow exported from the designer is imported as a new flow and opens', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow('Recepção Loja Exemplo');
  const exampleUrl = page.url();
  const exported = await designer.exportFlow();
  expect(exported.name).toMatch(/\.json$/);
  await designer.backToLibrary();

  // The name is taken by the example itself: the copy is “(2)”, and the editor says so.
  await designer.importFile(exported);
  await expect(designer.heading('Recepção Loja Exemplo (2)')).toBeVisible();
  await expect(page).toHaveURL(/#\/flow\//);
  expect(page.url()).not.toBe(exampleUrl);
  await expect(page.getByRole('status', { name: 'About this import' })).toHaveText(
    /A flow called “Recepção Loja Exemplo” already exists, so the imported one is called “Recepção Loja Exemplo \(2\)”\./,
  );
  await expect(designer.nodes()).toHaveCount(11);
  await expect(designer.node('Greeting: Boas-vindas')).toContainText(
    'Olá! Você ligou para a Loja Exemplo.',
  );
  expect((await designer.exportFlow()).text).toBe(
    exported.text.replace('"name": "Recepção Loja Exemplo"', '"name": "Recepção Loja Exemplo (2)"'),
  );

  await designer.backToLibrary();
  await expect(
    designer.flowList.getByRole('link', { name: /^Recepção Loja Exemplo( \(2\))?$/ }),
  ).toHaveCount(2);
  expect(designer.errors).toEqual([]);
});

test('a connection to a node missing from the file is dropped, and the editor lists it', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow('Recepção Loja Exemplo');
  const exported = await designer.exportFlow();
  await designer.backToLibrary();

  const flow = JSON.parse(exported.text) as {
    settings: { name: string };
    nodes: { id: string; kind: string; connections: Record<string, string> }[];
  };
  flow.settings.name = 'Recepção quebrada';
  const greeting = flow.nodes.find((n) => n.kind === 'greeting')!;
  greeting.connections.next = 'fantasma';
  await designer.importFile({ name: 'quebrada.flow.json', text: JSON.stringify(flow) });

  await expect(designer.heading('Recepção quebrada')).toBeVisible();
  const notice = page.getByRole('status', { name: 'About this import' });
  await expect(notice).toContainText(
    '1 connection led to a node that is not in the file; it was removed',
  );
  await expect(notice.getByRole('listitem')).toHaveText([
    'the “next” output of “Boas-vindas” (it led to “fantasma”)',
  ]);
  // The output is left unconnected, and the checks say so.
  await designer.showChecks();
  await expect(designer.checks).toContainText(
    'The "next" output of "Boas-vindas" is not connected',
  );
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(designer.errors).toEqual([]);
});

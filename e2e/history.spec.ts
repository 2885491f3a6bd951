import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

test('twenty edits undone with Ctrl+Z and redone with Ctrl+Shift+Z give back the identical flow', async ({
  page,
}) => {
  test.setTimeout(45_000);
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.createFlow('Histórico');
  await expect(designer.undoButton()).toBeDisabled();
  const start = await designer.exportFlow();

  // Twenty edits of every sort, each one step of history.
  const message = await designer.addNode('Message'); // 1
  await designer.setField('Message', 'Um momento, por favor.'); // 2
  await designer.connectPort('Then go to', 'goodbye'); // 3 (a new flow in English: its hang-up is "goodbye")
  const transfer = await designer.addNode('Transfer to team'); // 4
  await designer.setField('Team', 'vendas'); // 5
  await designer.connectPort('When no agents, go to', 'goodbye'); // 6
  await designer.connectPort('When failed, go to', message); // 7
  await designer.addNode('Fallback bot'); // 8
  await designer.setField('Bot id', 'bot-vendas'); // 9
  await designer.addNode('Button menu'); // 10
  await designer.inspector.getByRole('button', { name: 'Add option' }).click(); // 11
  await designer.setField('Keywords', 'três, tres', designer.inspectorGroup('Option 3')); // 12
  await designer.connectPort('Goes to', transfer, designer.inspectorGroup('Option 1')); // 13
  await designer.setField('Repeats', '3', designer.inspectorGroup('No input')); // 14
  await designer.addNode('Schedule'); // 15
  await designer.weekCell('Sunday', '10:00').focus();
  await page.keyboard.press('Space'); // 16
  await expect(designer.weekSummary().last()).toHaveText('Sun 10:00–10:30');
  await designer.addHoliday('2026-12-25', 'Natal'); // 17
  await designer.addNode('AI agent'); // 18
  const agentNode = designer.node('AI agent: AI agent');
  const box = (await agentNode.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 160, box.y + 132, { steps: 8 });
  await page.mouse.up(); // 19: a drag is one step
  await expect(designer.undoButton()).toHaveAccessibleDescription(/^Undo Move/);
  await page.keyboard.press('Delete'); // 20
  await expect(agentNode).toHaveCount(0);
  await expect(designer.nodes()).toHaveCount(7);
  await designer.expectSaved();
  const edited = await designer.exportFlow();
  expect(edited.text).not.toBe(start.text);

  // Undo all twenty from the canvas: back to the new flow, and no further.
  await designer.focusCanvas();
  await designer.pressOnCanvas('Control+z', 19);
  await expect(designer.undoButton()).toBeEnabled();
  await designer.pressOnCanvas('Control+z');
  await expect(designer.undoButton()).toBeDisabled();
  await expect(designer.nodes()).toHaveCount(2);
  await designer.expectSaved();
  expect((await designer.exportFlow()).text).toBe(start.text);

  // Redo all twenty: the edited flow again, byte for byte.
  await designer.focusCanvas();
  await designer.pressOnCanvas('Control+Shift+z', 19);
  await expect(designer.redoButton()).toBeEnabled();
  await designer.pressOnCanvas('Control+Shift+z');
  await expect(designer.redoButton()).toBeDisabled();
  await expect(designer.nodes()).toHaveCount(7);
  await designer.expectSaved();
  expect((await designer.exportFlow()).text).toBe(edited.text);

  expect(designer.errors).toEqual([]);
});

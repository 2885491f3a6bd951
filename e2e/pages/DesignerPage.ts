import { readFile } from 'node:fs/promises';
import { expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';

/** A file as the user would pick it in the browser's file chooser. */
export interface PickedFile {
  name: string;
  text: string;
}

/**
 * The designer as a user sees it, found by role and accessible name. It also
 * records console errors and uncaught page errors from the moment it is created,
 * so a spec can assert the app ran cleanly.
 */
export class DesignerPage {
  readonly errors: string[] = [];
  readonly canvas: Locator;
  /** The side panel that edits the selected node (or the flow's settings). */
  readonly inspector: Locator;
  /** The library's list of flows (only on the library page). */
  readonly flowList: Locator;
  readonly checks: Locator;

  constructor(readonly page: Page) {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') {
        this.errors.push(`console: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => this.errors.push(`page: ${error.message}`));
    this.canvas = page.getByRole('application', { name: 'Flow canvas' });
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.flowList = page.getByRole('list', { name: 'Flows' });
    // The checks panel docked below the canvas (the inspector has a "Checks" section of its own).
    this.checks = page
      .locator('#editor-checks')
      .getByRole('region', { name: 'Checks', exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  // ---- Library -------------------------------------------------------------

  /** Opens a flow of the library by its name. */
  async openFlow(name: string): Promise<void> {
    await this.flowList.getByRole('link', { name, exact: true }).first().click();
    await this.heading(name).waitFor();
  }

  /** Creates a flow from the library's "New flow" form; the editor opens on it. */
  async createFlow(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name of the new flow' }).fill(name);
    await this.page.getByRole('button', { name: 'New flow', exact: true }).click();
    await this.heading(name).waitFor();
    await this.canvas.waitFor();
  }

  /** Each row of the library as the user reads it (name, node count, last change). */
  async libraryRows(): Promise<string[]> {
    await this.flowList.waitFor();
    return this.flowList.getByRole('listitem').allInnerTexts();
  }

  /** Picks a file with the library's "Import flow" button and the browser's file chooser. */
  async importFile(file: PickedFile): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import flow' }).click();
    await (
      await chooser
    ).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  }

  /** Back from the editor to the library, by the header's "Flows" link. */
  async backToLibrary(): Promise<void> {
    await this.page.getByRole('banner').getByRole('link', { name: 'Flows' }).click();
    await this.heading('Flows').waitFor();
  }

  // ---- Editor header -------------------------------------------------------

  saveStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^(Saved|Saving|Not saved)/ });
  }

  /** Waits until every edit is stored in the browser. */
  async expectSaved(): Promise<void> {
    await expect(this.saveStatus()).toHaveText('Saved');
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** The warning shown while the same flow is open in another tab. */
  otherTabWarning(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'another tab' });
  }

  /** Picks the UI language with the editor header's "Language" menu (each language in its own name). */
  async chooseLanguage(name: 'English' | 'Português (Brasil)' | 'Español'): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Language' }).click();
    await this.page.getByRole('menuitemradio', { name }).click();
  }

  undoButton(): Locator {
    return this.page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' });
  }

  redoButton(): Locator {
    return this.page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Redo' });
  }

  /**
   * "Export flow": the downloaded file's name and text. The export writes
   * pending edits first, so it is what is stored.
   */
  async exportFlow(): Promise<PickedFile> {
    const download = this.page.waitForEvent('download');
    await this.moreAction('Export flow');
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  // ---- Canvas and palette --------------------------------------------------

  /** The palette button that adds a node of a kind. */
  paletteItem(kindTitle: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Palette' })
      .getByRole('button', { name: kindTitle, exact: true });
  }

  /**
   * Adds a node with the palette (it is added at the centre and selected, so
   * the inspector shows it) and returns its id, as the inspector shows it.
   */
  async addNode(kindTitle: string): Promise<string> {
    const before = await this.nodes().count();
    const idField = this.inspector.getByRole('textbox', { name: 'Id', exact: true });
    const previous = (await idField.count()) > 0 ? await idField.inputValue() : null;
    await this.paletteItem(kindTitle).click();
    await expect(this.nodes()).toHaveCount(before + 1);
    if (previous !== null) await expect(idField).not.toHaveValue(previous);
    await expect(this.inspector.getByText(kindTitle, { exact: true }).first()).toBeVisible();
    return idField.inputValue();
  }

  /** A node on the canvas, by the accessible name React Flow gives it ("Kind: name"). */
  node(name: string): Locator {
    return this.canvas.getByRole('group', { name, exact: true });
  }

  /** Every node on the canvas. */
  nodes(): Locator {
    return this.canvas.getByRole('group', { name: /: / });
  }

  /** Selects a node with "Find a node": type, then choose the match by its canvas name. */
  async findNode(query: string, name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Find a node' }).fill(query);
    await this.page
      .getByRole('listbox', { name: 'Matching nodes' })
      .getByRole('option', { name })
      .click();
    await this.showSideTab('Inspector');
    await expect(this.inspector.getByRole('heading', { level: 2 })).toHaveText(
      name.slice(name.indexOf(': ') + 2),
    );
  }

  /**
   * Puts the keyboard focus on the canvas itself (an empty spot of the pane,
   * which also clears the selection), so shortcuts act on the flow rather
   * than on a form field.
   */
  async focusCanvas(): Promise<void> {
    await this.canvas.click({ position: { x: 8, y: 8 } });
    await expect(this.inspector.getByText('Flow settings', { exact: true })).toBeVisible();
  }

  /** Ctrl+Z (or Ctrl+Shift+Z) pressed `times` times with the focus on the canvas. */
  async pressOnCanvas(key: 'Control+z' | 'Control+Shift+z', times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  // ---- Inspector -----------------------------------------------------------

  /** The id of the node the inspector shows (its read-only "Id" field). */
  async selectedNodeId(): Promise<string> {
    return this.inspector.getByRole('textbox', { name: 'Id', exact: true }).inputValue();
  }

  /** A part of the inspector's form: a fieldset by its legend, e.g. "No input", "Option 1". */
  inspectorGroup(legend: string): Locator {
    return this.inspector.getByRole('group', { name: legend, exact: true });
  }

  /**
   * Types a value into a labelled inspector field and leaves it, which writes
   * it to the flow (one undoable step). Works for single- and multi-line fields.
   */
  async setField(label: string, value: string, within: Locator = this.inspector): Promise<void> {
    const field = within.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.blur();
    await expect(field).toHaveValue(value);
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  }

  /**
   * Connects an output with the inspector's target select (labelled "Then go
   * to", "When open, go to", "Goes to"...). The options show each node's id.
   */
  async connectPort(label: string, targetId: string, within: Locator = this.inspector) {
    const select = within.getByRole('combobox', { name: label, exact: true });
    await select.selectOption(targetId);
    await expect(select).toHaveValue(targetId);
  }

  /** A half hour of the schedule's week grid, e.g. ("Monday", "09:00"). */
  weekCell(day: string, start: string): Locator {
    const [h = 0, m = 0] = start.split(':').map(Number);
    const endMinutes = h * 60 + m + 30;
    const end = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
    return this.inspector
      .getByRole('grid', { name: 'Weekly opening hours' })
      .getByRole('gridcell', { name: `${day} ${start} to ${end}`, exact: true });
  }

  /** Drags across the week grid from one half hour to another (one stroke). */
  async paintWeek(from: Locator, to: Locator): Promise<void> {
    await from.scrollIntoViewIfNeeded();
    await from.hover();
    await this.page.mouse.down();
    await to.hover();
    await this.page.mouse.up();
  }

  /** The week grid's summary, one line per day ("Mon 09:00–18:00", "Sun closed"). */
  weekSummary(): Locator {
    return this.inspector.getByRole('list', { name: 'Opening hours by day' }).getByRole('listitem');
  }

  /** Adds a holiday with the schedule inspector's "New holiday" row. */
  async addHoliday(date: string, name: string): Promise<void> {
    await this.inspector.getByLabel('Holiday date', { exact: true }).fill(date);
    await this.inspector.getByLabel('Holiday name (optional)', { exact: true }).fill(name);
    await this.inspector.getByRole('button', { name: 'Add holiday' }).click();
    // Listed as an English page writes the day (12/25/2026).
    const [year, month, day] = date.split('-');
    await expect(
      this.inspector.getByRole('button', {
        name: `Remove holiday ${month}/${day}/${year} ${name}`,
      }),
    ).toBeVisible();
  }

  // ---- Versions ------------------------------------------------------------

  /** The versions dialog, while it is open. */
  versionsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Versions' });
  }

  /** Opens the versions dialog from the editor's header and waits for its list. */
  async openVersions(): Promise<Locator> {
    await this.page
      .getByRole('banner')
      .getByRole('button', { name: 'Versions', exact: true })
      .click();
    const dialog = this.versionsDialog();
    await dialog.getByRole('list', { name: 'Saved versions' }).waitFor();
    return dialog;
  }

  /** The versions dialog's list, one row per version as the user reads it. */
  versionRows(): Locator {
    return this.versionsDialog()
      .getByRole('list', { name: 'Saved versions' })
      .getByRole('listitem');
  }

  /** "Save version" with a note, in the open versions dialog. */
  async saveVersion(note: string): Promise<void> {
    const dialog = this.versionsDialog();
    await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await dialog.getByRole('button', { name: 'Save version' }).click();
    await expect(this.versionRows().filter({ hasText: note })).toHaveCount(1);
    await expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue('');
  }

  /**
   * Picks two versions by their note (or "The current flow") in the open
   * versions dialog and compares them; returns the comparison.
   */
  async compareVersions(from: string, to = 'The current flow'): Promise<Locator> {
    const form = this.versionsDialog().getByRole('form', { name: 'Compare versions' });
    for (const [name, note] of [
      ['Compare', from],
      ['with', to],
    ] as const) {
      const select = form.getByRole('combobox', { name, exact: true });
      const value = await select
        .getByRole('option')
        .filter({ hasText: note })
        .first()
        .getAttribute('value');
      await select.selectOption(value ?? note);
    }
    await form.getByRole('button', { name: 'Compare', exact: true }).click();
    const comparison = this.versionsDialog().getByRole('region', { name: 'Compare versions' });
    await comparison.waitFor();
    return comparison;
  }

  // ---- Docked panels -------------------------------------------------------

  /**
   * While a call is simulated, the simulator takes the inspector's place in
   * the side panel, the inspector one tab away: shows one of them (nothing
   * to do when the side panel has no tabs).
   */
  async showSideTab(name: 'Inspector' | 'Simulator'): Promise<void> {
    const tab = this.page
      .getByRole('tablist', { name: 'Side panel' })
      .getByRole('tab', { name: new RegExp(`^${name}`) });
    if ((await tab.count()) === 0) return;
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** The header's Checks button (its name gives the count of problems). */
  checksButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /^Checks: / });
  }

  /** Shows the checks panel below the canvas (the header's Checks button), if it is hidden. */
  async showChecks(): Promise<void> {
    const button = this.checksButton();
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await this.checks.waitFor();
  }

  /** Opens a dialog of the header's "More actions" menu ("Compiled machine", "Export flow"...). */
  async moreAction(name: string): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'More actions' }).click();
    await this.page.getByRole('menuitem', { name }).click();
  }

  // ---- Simulator -----------------------------------------------------------

  /** The call simulator panel beside the canvas. */
  simulator(): Locator {
    return this.page.getByRole('complementary', { name: 'Simulator' });
  }

  /** Opens the simulator with the editor header's "Simulate" button. */
  async openSimulator(): Promise<Locator> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Simulate' }).click();
    await this.simulator().getByRole('button', { name: 'Start call' }).waitFor();
    return this.simulator();
  }

  /** The listening indicator: the simulator's live region. */
  listeningIndicator(): Locator {
    return this.simulator().getByRole('status', { name: 'Is the bot listening?' });
  }

  /** The simulated call's transcript, a line per item. */
  transcript(): Locator {
    return this.simulator().getByRole('list', { name: 'Transcript' }).getByRole('listitem');
  }

  /**
   * Sets the call up (the moment in the flow's time zone, agents per team,
   * the speed) and starts it.
   */
  async startCall(setup: {
    date: string;
    time: string;
    agents?: Record<string, number>;
    speed?: 'Real time' | 'Faster (×4)' | 'Instant';
  }): Promise<void> {
    const sim = this.simulator();
    await sim.getByLabel('Date', { exact: true }).fill(setup.date);
    await sim.getByLabel('Time', { exact: true }).fill(setup.time);
    for (const [team, count] of Object.entries(setup.agents ?? {})) {
      await sim.getByLabel(`Agents available in ${team}`).fill(String(count));
    }
    if (setup.speed) await sim.getByRole('radio', { name: setup.speed }).check();
    await sim.getByRole('button', { name: 'Start call' }).click();
    await expect(sim.getByRole('button', { name: 'Hang up' })).toBeVisible();
  }

  /** Presses a key of the simulated phone's keypad. */
  async pressKey(digit: string): Promise<void> {
    await this.simulator()
      .getByRole('group', { name: 'Keypad' })
      .getByRole('button', { name: digit, exact: true })
      .click();
  }

  // ---- Simulator: test cases -----------------------------------------------

  /** The simulator's test cases of the flow. */
  testCases(): Locator {
    return this.page.getByRole('region', { name: 'Test cases' });
  }

  /** Saves the call just simulated as a test case of the flow. */
  async saveTestCase(name: string): Promise<void> {
    await this.showSideTab('Simulator');
    const tests = this.testCases();
    await tests.getByRole('textbox', { name: 'Test case name' }).fill(name);
    await tests.getByRole('button', { name: 'Save as test case' }).click();
    await expect(tests.getByRole('status')).toHaveText(`Saved “${name}”.`);
  }

  /** "Run tests", then the result of the test case `name` ("Passed" or "Failed"). */
  async runTests(name: string): Promise<Locator> {
    await this.showSideTab('Simulator');
    await this.testCases().getByRole('button', { name: 'Run tests' }).click();
    return this.testCases().getByLabel(`Result of ${name}`, { exact: true });
  }

  /** "Export" of a test case: the script file for `callbot simulate`. */
  async exportTestCase(name: string): Promise<PickedFile> {
    await this.showSideTab('Simulator');
    const download = this.page.waitForEvent('download');
    await this.testCases()
      .getByRole('button', { name: `Export ${name} as a script for callbot simulate` })
      .click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }
}

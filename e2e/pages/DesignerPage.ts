import type { ConsoleMessage, Locator, Page } from '@playwright/test';

/**
 * The designer as a user sees it, found by role and accessible name. It also
 * records console errors and uncaught page errors from the moment it is created,
 * so a spec can assert the app ran cleanly.
 */
export class DesignerPage {
  readonly errors: string[] = [];
  readonly canvas: Locator;

  constructor(readonly page: Page) {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') {
        this.errors.push(`console: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => this.errors.push(`page: ${error.message}`));
    this.canvas = page.getByRole('application', { name: 'Flow canvas' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  /** Opens a flow of the library by its name. */
  async openFlow(name: string): Promise<void> {
    await this.page.getByRole('list', { name: 'Flows' }).getByRole('link', { name }).click();
    await this.heading(name).waitFor();
  }

  /** The palette button that adds a node of a kind. */
  paletteItem(kindTitle: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Palette' })
      .getByRole('button', { name: kindTitle });
  }

  saveStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^(Saved|Saving|Not saved)/ });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** A node on the canvas, by the accessible name React Flow gives it ("Kind: name"). */
  node(name: string): Locator {
    return this.canvas.getByRole('group', { name });
  }
}

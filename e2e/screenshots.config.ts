import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * `npm run screenshots` (from the repository's root): refreshes the README's
 * pictures in docs/screenshots/ from the designer as it is built now. Not
 * a test: it writes files, so the e2e run (`*.spec.ts`) leaves it out.
 */
export default defineConfig({
  ...base,
  testMatch: 'readme-screenshots.ts',
  retries: 0,
  workers: 1,
});

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export interface AxeScope {
  /** CSS selectors of the parts to check (the whole page by default). */
  include?: string[];
  /** CSS selectors of parts left out (checked by another spec). */
  exclude?: string[];
  /** `serious` (the default): serious and critical violations only; `all`: every violation. */
  impacts?: 'serious' | 'all';
}

/**
 * What axe-core finds on the page against WCAG 2.1 A and AA, one readable
 * line per violation (its rule, its impact and the elements), so a failing
 * spec says what to fix without running axe again.
 *
 * @example
 * expect(await axeFindings(page), 'axe on the library').toEqual([]);
 */
export async function axeFindings(page: Page, scope: AxeScope = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of scope.include ?? []) builder = builder.include(selector);
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => scope.impacts === 'all' || v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact ?? 'unknown'} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ') ?? ''}`)
          .join('\n'),
    );
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  expect(await axeFindings(page), `axe on ${screen}`).toEqual([]);
}

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, stepCount } from './fixtures';
import { trainThenPause } from './pages/trainer';

const VIEWS = ['Train', 'Explore', 'Draw & complete', 'Statistics', 'Runs', 'Race'];

/** Serious and critical axe violations on the page as it is now, one line each with where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

test('axe finds no serious or critical violations on any view with a model trained a few steps', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await trainThenPause(page, 20);
  // The loss chart in words, for screen readers.
  await expect(page.getByTestId('curves-summary')).toHaveText(/Loss curves at step \d+: nELBO \d+\.\d, recon \d+\.\d, KL \d+\.\d/);

  const found: Record<string, string[]> = {};
  for (const view of VIEWS) {
    await page.getByRole('tab', { name: view }).click();
    await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
    if (view === 'Explore') await expect(page.locator('.explore-view canvas').first()).toBeVisible({ timeout: 60_000 });
    // Panels draw asynchronously; give them a moment so axe sees them as a person would.
    await page.waitForTimeout(2500);
    found[view] = await seriousViolations(page);
  }
  expect(found).toEqual(Object.fromEntries(VIEWS.map((v) => [v, []])));
});

test.describe('dark theme on a phone', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, firstRunDone: false });

  test('axe finds no serious or critical violations on any view with the welcome note, in the dark, one column', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await page.goto('/');
    await expect(page.getByTestId('welcome-note')).toBeVisible();
    await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByTestId('trainer-state')).toHaveText(/paused/i);
    const found: Record<string, string[]> = {};
    for (const view of VIEWS) {
      await page.getByRole('tab', { name: view }).click();
      await page.waitForTimeout(2000);
      found[view] = await seriousViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(VIEWS.map((v) => [v, []])));
  });
});

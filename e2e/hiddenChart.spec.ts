import type { Locator } from '@playwright/test';
import { test, expect, stepCount } from './fixtures';

/** How far a plotly chart's drawing is from its frame's size, in pixels (0 once laid out to fit). */
async function misfit(frame: Locator, svg: Locator): Promise<number> {
  const [f, s] = [await frame.boundingBox(), await svg.boundingBox()];
  return f && s ? Math.abs(s.height - f.height) + Math.abs(s.width - f.width) : Infinity;
}


/**
 * A plotly chart drawn while its view is hidden gets plotly's fallback size (700×450), taller than
 * its 260 px frame, and spills over the results below it; once shown it must lay out again.
 */
test('a GMM fitted while Statistics is hidden: shown, its chart fits its frame, clear of its result text', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(1);

  await page.getByRole('tab', { name: 'Statistics' }).click();
  const gmm = page.getByRole('region', { name: 'Gaussian mixture (EM)' });
  await gmm.getByLabel('Components k').fill('3');
  await gmm.getByLabel('Training images').fill('500');
  await gmm.getByLabel('Max iterations').fill('20');
  // Plotly is loaded and the chart is in place before the view is hidden.
  await expect(page.locator('[data-testid=gmm-chart] .stats-chart-plot')).toBeAttached();
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(gmm).toBeHidden();

  // The run starts and ends while the view is hidden (a click from code: the button is not on screen).
  await page.locator('section[aria-labelledby=gmm-title] button', { hasText: 'Fit GMM' }).evaluate((b) => (b as HTMLButtonElement).click());
  await expect(page.getByTestId('gmm-iterations')).toHaveText(/(converged after|stopped at the cap of) \d+ iterations/, { timeout: 120_000 });
  await expect(page.locator('[data-testid=gmm-chart] .js-plotly-plot')).toBeAttached();
  await page.waitForTimeout(500);

  await page.getByRole('tab', { name: 'Statistics' }).click();
  const frame = page.getByTestId('gmm-chart');
  const svg = page.locator('[data-testid=gmm-chart] .main-svg').first();
  const figures = page.locator('dl[aria-label="GMM fit"]');
  await expect(svg).toBeVisible();
  await expect(figures).toBeVisible();
  // Laid out again to its frame, not left at the size it was given while hidden.
  await expect.poll(() => misfit(frame, svg)).toBeLessThanOrEqual(2);
  const [s, d] = [(await svg.boundingBox())!, (await figures.boundingBox())!];
  const overlaps = s.x < d.x + d.width && d.x < s.x + s.width && s.y < d.y + d.height && d.y < s.y + s.height;
  expect(overlaps, `chart ${JSON.stringify(s)} over the result text ${JSON.stringify(d)}`).toBe(false);
});


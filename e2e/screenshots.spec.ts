import type { Page } from '@playwright/test';
import { test, expect, stepCount, canvasInk } from './fixtures';
import { shotPath } from './shots';

// The README's pictures of each view, taken by every e2e run into its output (`npm run screenshots` writes docs/).
test.use({ viewport: { width: 1280, height: 800 }, trace: 'off' });

const shot = (page: Page, view: string) => page.screenshot({ path: shotPath(test.info(), `screenshot-${view}.png`, true), animations: 'disabled', caret: 'hide' });

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tabpanel', { name })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('screenshots of each view for the README, with a model trained a little', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  // A 2-D latent space, so Explore shows the latent plane itself.
  await page.getByLabel('Latent dimension').fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 150_000 }).toBeGreaterThanOrEqual(200);

  // Explore draws while the model trains.
  await openTab(page, 'Explore');
  await expect.poll(() => page.getByTestId('latent-scatter-plot').count(), { timeout: 60_000 }).toBe(1);
  await expect
    .poll(() => page.getByTestId('latent-scatter-plot').evaluate((el) => (el as HTMLElement & { chart?: { points: number } }).chart?.points ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(1000);
  await page.waitForTimeout(3000);
  await shot(page, 'explore');

  await openTab(page, 'Train');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('trainer-state')).toHaveText(/paused/i);
  await expect.poll(async () => (await canvasInk(page, 'sample-grid')).distinct).toBeGreaterThan(10);
  await shot(page, 'train');

  // A stroke on the left half; completion runs after every stroke.
  await openTab(page, 'Draw & complete');
  await page.getByLabel('Observed region').selectOption({ label: 'Left half observed' });
  const box = (await page.getByTestId('draw-canvas').boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(0.45, 0.2));
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    const a = (i / 24) * 2 * Math.PI;
    await page.mouse.move(...at(0.5 - 0.2 * Math.sin(a), 0.5 - 0.3 * Math.cos(a)), { steps: 2 });
  }
  await page.mouse.up();
  await expect(page.locator('.method-column[data-status=done]')).toHaveCount(2, { timeout: 90_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'draw');

  // A mixture fitted to the latent means: its EM curve and decoded samples.
  await openTab(page, 'Statistics');
  const gmm = page.getByRole('region', { name: 'Gaussian mixture (EM)' });
  await gmm.getByLabel('Training images').fill('2000');
  await gmm.getByLabel('Max iterations').fill('30');
  await gmm.getByRole('button', { name: 'Fit GMM' }).click();
  await expect(page.getByTestId('gmm-iterations')).toHaveText(/(converged after|stopped at the cap of) \d+ iterations/, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'stats');

  await openTab(page, 'Runs');
  await page.getByRole('checkbox', { name: /^Compare / }).first().check();
  await page.waitForTimeout(1500);
  await shot(page, 'runs');
});

test('screenshot of the training timeline at 1280×720: the Train view scrubbed back, the chart marked, the grids of that moment', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#latentDim=2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 150_000 }).toBeGreaterThanOrEqual(520);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('trainer-state')).toHaveText(/paused/i);
  const range = page.getByTestId('timeline-range');
  await range.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-label')).toHaveText('step 100 · epoch 0');
  await expect(page.getByTestId('recon-step')).toHaveText('At step 100 · epoch 0 (timeline)');
  await range.blur();
  // The chart, its moment line and the reconstructions of step 100 in one frame, the scrubber at its foot.
  await page.locator('#curves-title').evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 70));
  await page.waitForTimeout(1000);
  await page.screenshot({ path: shotPath(test.info(), 'screenshot-1280-timeline.png', true), animations: 'disabled', caret: 'hide' });
});

test('screenshot of a predict-first lesson step in Presenter mode at 1280×720: the loss chart full screen between the run bar and the lesson bar', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.addInitScript(() => {
    localStorage.setItem('vae-playground:visited', '1');
    localStorage.setItem('vae-playground:display', JSON.stringify({ presenter: true, theme: 'light' }));
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  // "Choosing a likelihood": step 1 trains a preset 200 steps; step 2 asks for its nELBO over the loss chart.
  await page.goto('/#lesson=likelihood');
  const bar = page.getByTestId('lesson-bar');
  await expect(bar).toHaveAttribute('data-phase', 'running');
  await expect(bar).toHaveAttribute('data-phase', 'done', { timeout: 180_000 });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-phase', 'asking');
  await expect(page.locator('.panel.panel-overlay')).toHaveAttribute('data-panel-id', 'curves');
  await expect(page.getByTestId('lesson-caption')).toContainText('With a Bernoulli decoder');
  await page.getByLabel(/Predict first/).fill('150');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(1000);
  await page.screenshot({ path: shotPath(test.info(), 'screenshot-presenter-1280-lesson.png', true), animations: 'disabled', caret: 'hide' });
});

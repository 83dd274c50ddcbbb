import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, lossChart, stepCount } from './fixtures';
import { trainerState } from './pages/trainer';
import { shotPath } from './shots';

/** Where the preview server serves from (playwright.config.ts): the built site's models/manifest.json. */
const DIST = process.env.PW_DIST ?? 'dist';
interface Start { preset: string; file: string; step: number; epochs?: number; testNelbo: number }
const shipped = () => (JSON.parse(readFileSync(join(DIST, 'models', 'manifest.json'), 'utf8')) as { models: Start[] }).models;

/** Clicks the preset's "start trained" in Runs and waits for the model paused at its step, its figure shown. */
async function startTrained(page: Page, label: string, start: Start) {
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: `${label}: start trained` }).click();
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('model-link-notice')).toContainText(`trained ahead to step ${start.step}`, { timeout: 60_000 });
  await expect(trainerState(page)).toHaveText(/paused/i);
  await expect.poll(() => stepCount(page)).toBe(start.step);
  await expect(page.getByTestId('test-nelbo')).toHaveText(start.testNelbo.toFixed(1));
}

test('every shipped model has its "start trained" button on its preset card', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('tab', { name: 'Runs' }).click();
  const buttons = page.locator('[data-preset-trained]');
  await expect(buttons).toHaveCount(shipped().length);
  expect(await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-preset-trained')).sort())).toEqual(shipped().map((m) => m.preset).sort());
});

test('start trained opens paused at the model’s step with its curves and the manifest’s test nELBO; a second open comes from the cache', async ({ page, context, consoleErrors }, info) => {
  void consoleErrors;
  const a = shipped().find((m) => m.preset === 'seed001-a')!;
  const downloads: string[] = [];
  context.on('request', (r) => r.url().endsWith('.vae.json') && downloads.push(new URL(r.url()).pathname));
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await startTrained(page, 'Model A', a);
  expect(downloads).toEqual(['/models/seed001-a.vae.json']);
  // Its curves: the test nELBO of each epoch it trained, the last at its step and equal to the manifest's.
  const test = (await lossChart(page))!.traces.find((t) => t.name === 'test nELBO')!;
  expect(test.x.length).toBe(a.epochs ?? test.x.length);
  expect(test.x.at(-1)).toBe(a.step);
  expect(Math.abs(test.y.at(-1)! - a.testNelbo)).toBeLessThan(0.0005);
  await expect(page.getByLabel('Hidden widths')).toHaveValue('');
  await page.screenshot({ path: shotPath(info, 'start-trained-1024.png') });
  await page.screenshot({ path: shotPath(info, 'start-trained-1024-full.png'), fullPage: true });

  // A return visit in the same browser: the file comes from IndexedDB, no request for it.
  await page.close();
  const again = await context.newPage();
  const errors: string[] = [];
  again.on('pageerror', (e) => errors.push(e.message));
  await again.goto('/');
  await startTrained(again, 'Model A', a);
  await expect(again.getByTestId('model-link-notice')).toContainText('from this browser’s copy, no download');
  expect(downloads).toEqual(['/models/seed001-a.vae.json']);
  expect(errors).toEqual([]);
});

test('the preset cards with their start-trained buttons on a phone and a projector', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  for (const [w, h] of [[390, 844], [1280, 720]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    await page.getByRole('tab', { name: 'Runs' }).click();
    const card = page.locator('.preset-card', { has: page.getByRole('heading', { name: 'Five MLP VAEs with a 12-D latent, A to E' }) });
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByRole('button', { name: /start trained$/ }).first()).toBeVisible();
    await page.screenshot({ path: shotPath(info, `start-trained-cards-${w}.png`) });
  }
});

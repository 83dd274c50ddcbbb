import type { Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, stepCount } from './fixtures';
import { trainerState } from './pages/trainer';

/** Whether this browser's IndexedDB records the dataset as kept (src/data/registry.ts). */
async function datasetKept(page: Page, id: string): Promise<boolean> {
  return page.evaluate(
    (dsId) =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open('vae-playground');
        req.onerror = () => resolve(false);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('dataset-index')) return resolve(false);
          const get = db.transaction('dataset-index').objectStore('dataset-index').get(dsId);
          get.onsuccess = () => resolve(get.result !== undefined);
          get.onerror = () => resolve(false);
        };
      }),
    id,
  );
}

/** First visit: the service worker controls the page and the dataset is in IndexedDB after one step. */
async function firstVisit(page: Page) {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(1);
  await expect.poll(() => datasetKept(page, 'mnist'), { timeout: 60_000 }).toBe(true);
}

test('with the network off after a first visit, a reload opens the app and trains on the cached dataset', async ({ page, context, consoleErrors }) => {
  void consoleErrors;
  await firstVisit(page);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'VAE Playground' })).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.setOffline(false);
});

const SW_FILE = join(process.env.PW_DIST ?? 'dist', 'sw.js');

/**
 * The next update check finds a different sw.js, as after a new deploy. Edited on disk in the
 * build folder the preview serves (the browser fetches a worker's script itself, so routing
 * cannot change it); the original is put back afterwards.
 */
async function redeploy(): Promise<() => Promise<void>> {
  const original = await readFile(SW_FILE, 'utf8');
  await writeFile(SW_FILE, `${original}\n// deployed again ${Date.now()}\n`);
  return () => writeFile(SW_FILE, original);
}

test('a new version is offered, not forced: the banner waits, Reload takes it', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 60_000 });
  const firstScript = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

  const restore = await redeploy();
  const banner = page.getByTestId('update-banner');
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(banner).toBeVisible();
  } finally {
    await restore();
  }
  await expect(banner).toContainText('A new version is available');
  // Not forced: the old worker still controls the page while the banner waits.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state ?? null))).toBe('installed');

  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await banner.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null))).toBeNull();
  expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(firstScript);
});

/** Words browsers use for developers: none may be on the page (src/plainError.ts explains them). */
const RAW_BROWSER_ERROR = /Failed to fetch|NetworkError|Load failed|net::ERR|TypeError|QuotaExceededError|AbortError/;

test('offline after a visit that used only Shapes: the built-in list still shows, and failures are said plainly', async ({ page, context }) => {
  // Network failures are logged by the browser itself while offline; uncaught errors still fail the test.
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/#dataset=shapes');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(1);
  expect(await datasetKept(page, 'mnist')).toBe(false);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'VAE Playground' })).toBeVisible();
  // The manifest was kept by the service worker at install, though this visit never asked for it under it.
  const mnist = page.getByRole('radio', { name: 'MNIST', exact: true });
  await expect(mnist).toBeVisible();
  await expect(page.getByText('The built-in datasets could not be listed')).toHaveCount(0);

  // MNIST itself was never downloaded: choosing it and stepping says what happened and what to do.
  await mnist.check();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('error-area')).toContainText(/could not be reached \(this browser is offline.*Check the connection and try again/, { timeout: 120_000 });
  expect(await page.locator('body').innerText()).not.toMatch(RAW_BROWSER_ERROR);
  expect(pageErrors).toEqual([]);
  await context.setOffline(false);
});

import { test, expect, stepCount, curveY, canvasInk } from './fixtures';
import { backendName, trainerState } from './pages/trainer';

test('train live, pause, step, and reload from the IndexedDB cache', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await expect(page.getByText(/CC BY-SA 3\.0/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  // Curve points appear and the training nELBO falls.
  await expect.poll(async () => (await curveY(page)).length, { timeout: 120_000 }).toBeGreaterThanOrEqual(5);
  await expect
    .poll(async () => {
      const y = await curveY(page);
      return y[y.length - 1] / y[0];
    }, { timeout: 120_000 })
    .toBeLessThan(0.8);
  await expect(backendName(page)).not.toHaveText(/^\s*(—|-)?\s*$/);
  await expect(page.getByTestId('images-per-sec')).toHaveText(/\d/);

  // The reconstruction and sample grids show images, not blank canvases.
  for (const id of ['recon-grid', 'sample-grid']) {
    await expect.poll(async () => (await canvasInk(page, id)).distinct, { timeout: 30_000 }).toBeGreaterThan(10);
  }

  // Pause stops the step counter.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
  const paused = await stepCount(page);
  expect(paused).toBeGreaterThan(0);
  await page.waitForTimeout(1000);
  expect(await stepCount(page)).toBe(paused);

  // Step advances by exactly one.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBe(paused + 1);
  await page.waitForTimeout(500);
  expect(await stepCount(page)).toBe(paused + 1);

  // A reload takes the dataset from IndexedDB: no request for dataset files.
  const datasetRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/datasets\/.+\.u8gz/.test(r.url())) datasetRequests.push(r.url());
  });
  await page.reload();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBe(1);
  expect(datasetRequests).toEqual([]);
});

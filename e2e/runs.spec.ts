import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect, stepCount, curveY, lossChart, savedRuns } from './fixtures';
import { errorArea, exportModel, importModel, injectFault, resetRun, trainerState, wipeStorage } from './pages/trainer';

/** The x values (training steps) of one trace of the loss chart. */
async function curveX(page: Page, trace = 0): Promise<number[]> {
  return (await lossChart(page))?.traces[trace]?.x ?? [];
}

async function step(page: Page, times: number): Promise<void> {
  const from = await stepCount(page);
  for (let i = 1; i <= times; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(from + i);
  }
}

/** The sample grid's pixels, as a string to compare. */
async function samplePixels(page: Page): Promise<string> {
  return page.getByTestId('sample-grid').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return `${canvas.width}x${canvas.height}:${Array.from(d).join(',')}`;
  });
}

const resumeBanner = (page: Page) => page.getByTestId('resume-banner');
const bannerStep = async (page: Page) => Number(/step (\d+)\?/.exec((await resumeBanner(page).textContent()) ?? '')?.[1]);

/** The first training step drawn after `n`, and how far the curve ran before it. */
function junction(xs: number[], n: number) {
  const before = xs.filter((x) => x <= n);
  const gaps = before.slice(1).map((x, i) => x - before[i]).sort((a, b) => a - b);
  return { next: xs.find((x) => x > n), medianGap: gaps[Math.floor(gaps.length / 2)] ?? 1 };
}

test('a reload mid-epoch offers to resume, and the run continues from its checkpoint without a gap', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // An autosave lands every few seconds while training.
  await expect.poll(async () => (await savedRuns(page))[0]?.step ?? 0, { timeout: 120_000 }).toBeGreaterThan(20);
  const before = await savedRuns(page);
  expect(before).toHaveLength(1);
  expect(before[0].status).toBe('active');

  await page.reload();
  await expect(resumeBanner(page)).toContainText(/Resume run from step \d+\?/);
  const n = await bannerStep(page);
  expect(n).toBeGreaterThanOrEqual(before[0].step);
  // Mid-epoch: an MNIST epoch is 468 steps of 128.
  expect(n % 468).not.toBe(0);
  await resumeBanner(page).getByRole('button', { name: 'Resume' }).click();
  await expect(resumeBanner(page)).toHaveCount(0);

  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThan(n + 10);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
  // The curve holds the saved points up to step n and the new ones after, with no gap between.
  await expect.poll(async () => (await curveX(page)).some((x) => x > n), { timeout: 30_000 }).toBe(true);
  const xs = await curveX(page);
  const ys = await curveY(page);
  expect(xs[0]).toBeLessThan(20);
  expect(xs).toContain(n);
  const { next, medianGap } = junction(xs, n);
  expect(next! - n).toBeLessThanOrEqual(Math.max(4 * medianGap, 20));
  // …and no jump in the loss.
  const yAt = ys[xs.indexOf(n)];
  expect(Math.abs(ys[xs.indexOf(next!)] - yAt) / yAt).toBeLessThan(0.15);
  expect((await savedRuns(page)).map((r) => r.id)).toEqual([before[0].id]);
});

test('a crashed trainer is replaced, and its run is offered and resumed', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => (await savedRuns(page))[0]?.step ?? 0, { timeout: 120_000 }).toBeGreaterThan(0);

  await injectFault(page, { type: 'crash' });
  await expect(errorArea(page)).toContainText('stopped unexpectedly');
  await expect(resumeBanner(page)).toContainText(/Resume run from step \d+\?/, { timeout: 30_000 });
  const n = await bannerStep(page);
  await resumeBanner(page).getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThan(n);
  await expect(trainerState(page)).toHaveText(/training/i);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
});

test('two short runs are compared: both curves overlaid, both rows in the table', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByLabel('Hidden widths').fill('64');
  await step(page, 4);
  await resetRun(page);
  await expect.poll(() => stepCount(page)).toBe(0);
  await page.getByLabel('Latent dimension').fill('8');
  await step(page, 3);

  await page.getByRole('tab', { name: 'Runs' }).click();
  const rows = page.getByTestId('runs-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const boxes = page.getByRole('checkbox', { name: /^Compare / });
  await boxes.nth(0).check();
  await boxes.nth(1).check();

  const traces = () =>
    page.getByTestId('compare-chart').evaluate((el) => ((el as HTMLElement & { data?: { name: string; mode: string; x: number[] }[] }).data ?? []).map((t) => ({ name: t.name, mode: t.mode, points: t.x.length })));
  await expect.poll(async () => (await traces()).filter((t) => t.mode === 'lines').map((t) => t.points).sort(), { timeout: 30_000 }).toEqual([3, 4]);
  const table = page.getByTestId('compare-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table).toContainText(/MLP 64 · z8/);
  await expect(table).toContainText(/MLP 64 · z20/);
  // Parameters of 784-64-(2·8) with 8-64-784, and the same with a 20-D latent.
  await expect(table).toContainText('102,816');
  await expect(table).toContainText('105,144');
});

test('a model exported, storage cleared and the file imported draws the same samples', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByLabel('Hidden widths').fill('64');
  await step(page, 3);
  await expect.poll(async () => (await samplePixels(page)).length, { timeout: 30_000 }).toBeGreaterThan(1000);
  const before = await samplePixels(page);

  const file = await exportModel(page);
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'vae-playground-model', version: 3, dataset: { id: 'mnist', shape: [28, 28, 1] } });

  await wipeStorage(page);
  await expect(page.getByText('No runs yet')).toBeVisible();

  // A refused file says why, and loads nothing.
  await page.getByLabel('Import a model file (.json)').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, 300)) });
  await expect(page.getByTestId('runs-notice')).toContainText('truncated');

  await importModel(page, file);
  await expect.poll(() => stepCount(page)).toBe(3);
  await expect(page.getByLabel('Hidden widths')).toHaveValue('64');
  await expect.poll(() => samplePixels(page), { timeout: 30_000 }).toBe(before);
});

test('a shared link opens with its config in the controls, and names what it ignored', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/#architecture=mlp&hidden=60,32&latentDim=7&batchSize=64&likelihood=beta&epochs=3&bogus=1&learningRate=abc');
  await expect(page.getByLabel('Hidden widths')).toHaveValue('60, 32');
  await expect(page.getByLabel('Latent dimension')).toHaveValue('7');
  await expect(page.getByLabel('Batch size')).toHaveValue('64');
  await expect(page.getByLabel('Epochs')).toHaveValue('3');
  await expect(page.getByLabel('Likelihood p(x|z)')).toHaveValue('beta');
  await expect(page.getByLabel('Learning rate')).toHaveValue('0.001');
  const note = page.getByTestId('link-notice');
  await expect(note).toContainText('Unknown setting "bogus"');
  await expect(note).toContainText('learningRate=abc was ignored');
  // The address now holds the whole config, and follows edits.
  await expect.poll(() => new URL(page.url()).hash).toContain('latentDim=7');
  expect(new URL(page.url()).hash).not.toContain('bogus');
  await page.getByLabel('Latent dimension').fill('9');
  await expect.poll(() => new URL(page.url()).hash).toContain('latentDim=9');
  await step(page, 1);
});

test('a run open in another tab is not offered there; once that tab closes it is', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await step(page, 2);
  await expect.poll(async () => (await savedRuns(page))[0]?.step ?? 0).toBe(2);

  const other = await page.context().newPage();
  await other.goto('/');
  await expect(other.locator('.start-notices[data-resume-checked=true]')).toHaveCount(1, { timeout: 30_000 });
  await expect(resumeBanner(other)).toHaveCount(0);

  await page.close();
  await other.reload();
  await expect(resumeBanner(other)).toContainText('Resume run from step 2?');
  await other.close();
});

test('every preset starts training in the Train view in one click', async ({ page, consoleErrors }) => {
  void consoleErrors;
  test.setTimeout(900_000);
  await page.goto('/');
  await page.getByRole('tab', { name: 'Runs' }).click();
  const presets = page.locator('button[data-preset]');
  const count = await presets.count();
  expect(count).toBeGreaterThanOrEqual(21);
  for (let i = 0; i < count; i++) {
    await page.getByRole('tab', { name: 'Runs' }).click();
    const button = presets.nth(i);
    const id = await button.getAttribute('data-preset');
    await button.click();
    await expect(page.getByRole('tab', { name: 'Train' }), id!).toHaveAttribute('aria-selected', 'true');
    // The previous preset was left paused: "training" can only be this one's.
    await expect(trainerState(page), id!).toHaveText(/training/i, { timeout: 120_000 });
    await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(trainerState(page), id!).toHaveText(/paused/i);
    await expect(errorArea(page), id!).toBeHidden();
  }
});

import type { Page } from '@playwright/test';
import { test, expect, stepCount } from './fixtures';
import { resetRun } from './pages/trainer';

/**
 * The short soak, in CI (the long one, `npm run soak`, is a benchmark): a small model trains,
 * every view is opened, every analysis runs, the run is reset and then opened and resumed. It
 * fails on any uncaught page error or console error (the fixture), an error shown to the user
 * (a worker that throws is reported there), tensors left behind by a second round of analyses,
 * or one request off the origin.
 */

/** The worker's tfjs tensor count, from the `memory` analysis (as scripts/soak.mjs reads it). */
async function tensors(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const vae = (window as unknown as { __vae: { client: { request(op: 'analyze', r: { kind: 'memory' }): Promise<{ numTensors: number }> } } }).__vae;
    return (await vae.client.request('analyze', { kind: 'memory' })).numTensors;
  });
}

/**
 * One small request of every analysis kind straight to the trainer (the panels ask for the same
 * kinds; src/trainer/faults/analysisLeaks.test.ts has the same list, typed over AnalysisKind).
 * Returns the kinds that failed, with their messages.
 */
async function everyAnalysis(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const D = 28 * 28;
    const half = Uint8Array.from({ length: D }, (_, i) => (i < D / 2 ? 1 : 0));
    const requests = [
      { kind: 'encode', split: 'test', limit: 20 },
      { kind: 'gmm', source: 'latent', limit: 60, pool: 4, components: 3, covariance: 'full', maxIter: 5, tol: 1e-6, seed: 1 },
      { kind: 'probe', input: 'latent', trainLimit: 60, valLimit: 20, hidden: 8, epochs: 1, batchSize: 20, learningRate: 0.01, seed: 1 },
      { kind: 'iwae', split: 'test', limit: 8, samples: 5, seed: 1 },
      { kind: 'memory' },
      { kind: 'testImages', count: 3, seed: 1 },
      { kind: 'complete', pixels: new Float32Array(D).fill(0.5), mask: half, method: 'optimize', fill: 'mean', init: 'encoder', steps: 4, learningRate: 0.05, mcSamples: 2, samples: 2, seed: 1 },
      { kind: 'amortizationGap', count: 2, seed: 1, init: 'random', steps: 3, learningRate: 0.1, mcSamples: 2 },
      { kind: 'reconstruct', select: { by: 'random', count: 4, seed: 1 }, latent: 'sample', seed: 1 },
      { kind: 'priorSamples', count: 4, cols: 2, temperature: 1, seed: 1, output: 'sample' },
      { kind: 'decodeLatents', latents: Float32Array.of(0, 0, 1, -1), count: 2, output: 'mean', seed: 1 },
      { kind: 'interpolate', pairs: [[0, 1]], steps: 3, method: 'spherical', ends: 'decoded' },
      { kind: 'latentScatter', limit: 30 },
      { kind: 'manifold', size: 3 },
      { kind: 'drawingCode', pixels: new Float32Array(D).fill(0.3), mask: half, fill: 'mean', plane: { axes: 'latent', mean: new Float32Array(2), components: Float32Array.of(1, 0, 0, 1), explained: Float32Array.of(0.5, 0.5) }, limit: 30, neighbours: 5 },
      { kind: 'collapse', limit: 30 },
      { kind: 'limitingChain', count: 2, cols: 2, steps: 3, seed: 1, show: 'sample' },
    ];
    const client = (window as unknown as { __vae: { client: { request(op: 'analyze', r: unknown): Promise<unknown> } } }).__vae.client;
    const failed: string[] = [];
    for (const r of requests) {
      try {
        await client.request('analyze', r);
      } catch (e) {
        failed.push(`${r.kind}: ${(e as Error).message}`);
      }
    }
    return failed;
  });
}

async function trainTo(page: Page, steps: number): Promise<void> {
  await page.getByRole('button', { name: /^(Train|Resume)$/ }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(steps);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('trainer-state')).toHaveText(/paused/i);
}

test('short soak: train, every view, every analysis, reset, resume — no error, no leaked tensor, nothing off the origin', async ({ page, context, consoleErrors }) => {
  void consoleErrors;
  test.setTimeout(240_000);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));

  // A small model with a 2-D latent, so the manifold grid and the direct scatter run too.
  await page.goto('/#hidden=64&latentDim=2&batchSize=64&epochs=50');
  const origin = new URL(page.url()).origin;
  await trainTo(page, 60);
  const steps = await stepCount(page);

  // Every view, each left when its panels have drawn.
  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect
    .poll(() => page.evaluate(() => (document.querySelector('[data-testid=latent-scatter-plot]') as (HTMLElement & { chart?: { points: number } }) | null)?.chart?.points ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(100);
  for (const tab of ['Draw & complete', 'Statistics', 'Runs', 'Race', 'Train']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    await page.waitForTimeout(500);
  }

  // The Statistics panels' own runs, small.
  await page.getByRole('tab', { name: 'Statistics' }).click();
  const gmm = page.getByRole('region', { name: 'Gaussian mixture (EM)' });
  await gmm.getByLabel('Training images').fill('500');
  await gmm.getByLabel('Max iterations').fill('10');
  await gmm.getByRole('button', { name: 'Fit GMM' }).click();
  await expect(page.getByTestId('gmm-iterations')).toHaveText(/iterations/, { timeout: 60_000 });
  const iwae = page.getByRole('region', { name: 'Log-likelihood (importance-weighted)' });
  await iwae.getByLabel('Images').fill('10');
  await iwae.getByLabel('Importance samples k').fill('20');
  await iwae.getByRole('button', { name: 'Estimate', exact: true }).click();
  await expect(page.getByTestId('iwae-estimate')).toHaveText(/±/, { timeout: 60_000 });
  const probe = page.getByRole('region', { name: 'Classifier probes' });
  await probe.getByLabel('Training images').fill('500');
  await probe.getByLabel('Validation images').fill('100');
  await probe.getByLabel('Epochs').fill('1');
  await probe.getByRole('button', { name: 'Train probes' }).click();
  await expect(page.getByTestId('probe-accuracy-latent')).toHaveText(/%$/, { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Train' }).click();

  // Every analysis once (first-call caches are made here), then again: the tensor count must not move.
  expect(await everyAnalysis(page)).toEqual([]);
  const before = await tensors(page);
  expect(await everyAnalysis(page)).toEqual([]);
  expect(await tensors(page), 'tensors left behind by a round of every analysis').toBe(before);

  // Reset (a new model of the same shape), then open the first run again and resume it.
  await resetRun(page);
  await expect.poll(() => stepCount(page)).toBe(0);
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: /^Open .* in the Train view$/ }).first().click();
  await expect(page.getByRole('tab', { name: 'Train', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBe(steps);
  await trainTo(page, steps + 20);
  expect(await tensors(page), 'the resumed run holds what the first one held').toBe(before);

  await expect(page.getByTestId('error-area')).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const offOrigin = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  console.log(`soak: ${requests.length} requests, ${offOrigin.length} leaving ${origin}; ${before} tensors throughout`);
  expect(offOrigin).toEqual([]);
});

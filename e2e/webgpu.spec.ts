import type { Browser, Page } from '@playwright/test';
import { test, expect, FIRST_RUN_KEYS, stepCount } from './fixtures';

// Software WebGPU (SwiftShader, --enable-unsafe-webgpu in playwright.config.ts): the GPU path with
// deferred reads. A synchronous read there loses the device or answers before the work is done
// (shared/TFJS.md, "WebGPU reads"); these tests train on it and compare it with WASM.
// Small models and batches: software WebGPU takes ~0.2 s for every read.

type Debug = { __vae: { client: { subscribe(fn: (e: unknown) => void): () => void } } };
type Metrics = { type: 'metrics'; step: number; train: { loss?: number; nelbo: number } };

const hasWebGPU = (page: Page) =>
  page.evaluate(async () => !!(await (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()));

async function smallModel(page: Page, backend: string): Promise<void> {
  await page.getByLabel('Backend').selectOption(backend);
  await page.getByLabel('Hidden widths').fill('16');
  await page.getByLabel('Latent dimension').fill('2');
  await page.getByLabel('Batch size').fill('8');
  await page.getByLabel('Batch size').blur();
}

/** The training loss of each of the first `steps` steps, one Step click each, on `backend`, in a fresh profile. */
async function firstLosses(browser: Browser, backend: string, steps: number): Promise<number[]> {
  const context = await browser.newContext();
  await context.addInitScript((keys) => keys.forEach((k) => localStorage.setItem(k, '1')), FIRST_RUN_KEYS);
  const page = await context.newPage();
  try {
    await page.goto('/');
    await smallModel(page, backend);
    await page.evaluate(() => {
      const w = window as unknown as Debug & { __metrics: Metrics[] };
      w.__metrics = [];
      w.__vae.client.subscribe((e) => (e as Metrics).type === 'metrics' && w.__metrics.push(e as Metrics));
    });
    for (let i = 1; i <= steps; i++) {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      // The metrics event of step i, not the step counter: a status event may count an enqueued step early.
      await expect
        .poll(() => page.evaluate((n) => (window as unknown as { __metrics: Metrics[] }).__metrics.some((m) => m.step === n), i), { timeout: 120_000 })
        .toBe(true);
    }
    await expect(page.getByTestId('backend-name')).toHaveText(new RegExp(`^\\s*${backend}`));
    const metrics = await page.evaluate(() => (window as unknown as { __metrics: Metrics[] }).__metrics);
    // One metrics event per Step, each the mean over that one step.
    const byStep = new Map(metrics.filter((m) => !('test' in m && (m as { test?: unknown }).test)).map((m) => [m.step, m.train.loss ?? m.train.nelbo]));
    expect([...byStep.keys()].slice(0, steps), `${backend}: one metrics event per step`).toEqual(Array.from({ length: steps }, (_, i) => i + 1));
    return Array.from({ length: steps }, (_, i) => byStep.get(i + 1) ?? NaN);
  } finally {
    await context.close();
  }
}

test('software WebGPU trains 150 steps without losing its device, reading figures only asynchronously', async ({ page, consoleErrors }) => {
  void consoleErrors;
  test.setTimeout(300_000);
  await page.goto('/');
  test.skip(!(await hasWebGPU(page)), 'no WebGPU adapter in this browser');
  await smallModel(page, 'webgpu');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 240_000, intervals: [1000] }).toBeGreaterThanOrEqual(150);
  await expect(page.getByTestId('backend-name')).toHaveText(/^\s*webgpu/);
  await expect(page.getByTestId('error-area')).not.toContainText('device was lost');
  await expect(page.getByTestId('trainer-state')).toHaveText(/training/i);
  const loss = Number(await page.getByTestId('train-nelbo').textContent().catch(() => 'NaN'));
  test.info().annotations.push({ type: 'train nELBO at ~150 steps', description: String(loss) });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('trainer-state')).toHaveText(/paused/i);
});

test('the first 20 losses on software WebGPU equal WASM\'s from the same seed and batches, within float32 tolerance', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  test.skip(!(await hasWebGPU(page)), 'no WebGPU adapter in this browser');
  const wasm = await firstLosses(browser, 'wasm', 20);
  const gpu = await firstLosses(browser, 'webgpu', 20);
  expect(wasm.every(Number.isFinite), `WASM losses ${wasm}`).toBe(true);
  // Training moved: a step that did not update the weights would show as a flat curve.
  expect(wasm[19]).toBeLessThan(wasm[0]);
  const rel = gpu.map((l, i) => Math.abs(l - wasm[i]) / Math.abs(wasm[i]));
  test.info().annotations.push({ type: 'largest relative difference', description: Math.max(...rel).toExponential(2) });
  rel.forEach((r, i) => expect(r, `step ${i + 1}: webgpu ${gpu[i]} vs wasm ${wasm[i]}`).toBeLessThan(1e-3));
});

import type { Page } from '@playwright/test';
import { test, expect, stepCount } from './fixtures';
import { trainerState } from './pages/trainer';

/** A 28×28 canvas's grey values in [0, 1] (red channel), row-major. */
async function grey(page: Page, testId: string): Promise<number[]> {
  return page.getByTestId(testId).evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return Array.from({ length: d.length / 4 }, (_, i) => d[i * 4] / 255);
  });
}

const rightHalf = (img: number[]) => img.filter((_, j) => j % 28 >= 14);

/** Points of the fit's partial-ELBO trace. */
async function elboPoints(page: Page): Promise<number> {
  return page.getByTestId('elbo-chart').evaluate((el) => (el as HTMLElement & { data?: { y?: number[] }[] }).data?.[0]?.y?.length ?? 0);
}

async function optimizeStep(page: Page): Promise<number> {
  const bar = page.getByTestId('optimize-progress');
  return (await bar.count()) ? Number(await bar.getAttribute('value')) : -1;
}

/** A stroke through the given points (fractions of the canvas) with the mouse. */
async function mouseStroke(page: Page, pts: [number, number][]) {
  // Mouse coordinates are the viewport's: the canvas must be on screen.
  await page.getByTestId('draw-canvas').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('draw-canvas').boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(pts[0]));
  await page.mouse.down();
  for (const p of pts.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

const inkSum = async (page: Page) => (await grey(page, 'model-input')).reduce((a, b) => a + b, 0);

test('draw half a digit and complete it two ways; cancel; touch strokes count', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(40);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);

  await page.getByRole('tab', { name: 'Draw & complete' }).click();
  await page.getByText('Completion settings').click();
  await page.getByLabel('Complete after every stroke').uncheck();
  await page.getByLabel('Adam steps').fill('150');

  // A "0" that crosses both halves.
  const ring: [number, number][] = Array.from({ length: 25 }, (_, i) => {
    const a = (i / 24) * 2 * Math.PI;
    return [0.5 + 0.22 * Math.sin(a), 0.5 - 0.32 * Math.cos(a)];
  });
  await mouseStroke(page, ring);
  await mouseStroke(page, [[0.3, 0.2], [0.45, 0.5]]);
  await expect.poll(() => inkSum(page)).toBeGreaterThan(20);
  await page.getByLabel('Observed region').selectOption({ label: 'Left half observed' });
  const input = await grey(page, 'model-input');

  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  for (const m of ['amortized', 'optimize']) {
    await expect(page.locator(`.method-column[data-status]`).filter({ has: page.getByTestId(`completion-${m}`) })).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const out = await grey(page, `completion-${m}`);
    const right = rightHalf(out);
    expect(Math.max(...right), `${m}: right half has ink`).toBeGreaterThan(0.3);
    const diff = right.reduce((s, v, i) => s + Math.abs(v - rightHalf(input)[i]), 0) / right.length;
    expect(diff, `${m}: right half differs from the drawing`).toBeGreaterThan(0.02);
    // The observed left half is kept as drawn (to canvas rounding).
    out.forEach((v, j) => j % 28 < 14 && expect(Math.abs(v - input[j])).toBeLessThan(0.01));
    await expect(page.getByTestId(`elbo-${m}`)).toContainText(/Partial ELBO -?\d/);
  }
  await expect.poll(() => elboPoints(page)).toBe(150);
  await expect(page.getByTestId('samples-optimize')).toBeVisible();

  // A long fit can be cancelled: its step counter stops.
  await page.getByLabel('Adam steps').fill('20000');
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  await expect.poll(() => optimizeStep(page)).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
  await expect(page.getByText('Cancelled.')).toBeVisible();
  await expect(page.getByTestId('optimize-progress')).toHaveCount(0);
  // The chart redraws at most every 150 ms (SmallPlot), so the points that streamed in before the
  // cancel may be drawn just after it: wait for two reads 300 ms apart to agree, then demand stillness.
  let points = -1;
  await expect
    .poll(async () => {
      const before = points;
      points = await elboPoints(page);
      return points === before;
    }, { intervals: [300] })
    .toBe(true);
  expect(points).toBeGreaterThan(20);
  expect(points).toBeLessThan(20000);
  await page.waitForTimeout(800);
  expect(await elboPoints(page)).toBe(points);

  // A stroke made with a finger registers too.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect.poll(() => inkSum(page)).toBe(0);
  const box = (await page.getByTestId('draw-canvas').boundingBox())!;
  const canvas = page.getByTestId('draw-canvas');
  const touch = (type: string, fx: number, fy: number) =>
    canvas.dispatchEvent(type, { pointerType: 'touch', pointerId: 7, isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: box.x + fx * box.width, clientY: box.y + fy * box.height, bubbles: true });
  await touch('pointerdown', 0.3, 0.3);
  for (let i = 1; i <= 10; i++) await touch('pointermove', 0.3 + i * 0.04, 0.3 + i * 0.03);
  await touch('pointerup', 0.7, 0.6);
  await expect.poll(() => inkSum(page)).toBeGreaterThan(5);

  // The amortization gap: a row per test image, and a mean.
  await page.getByLabel('Adam steps').fill('40');
  await page.getByRole('button', { name: 'Measure on 10 test images' }).click();
  await expect(page.getByTestId('gap-table').locator('tbody tr')).toHaveCount(10, { timeout: 60_000 });
  await expect(page.getByTestId('gap-mean')).toHaveText(/^-?\d+\.\d\d$/);
});

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, lossChart } from './fixtures';
import { trainerState } from './pages/trainer';

/** Pixels of the canvas within a small distance of one colour: where a line of that colour is drawn. */
function inkOf(page: Page, hex: string): Promise<number> {
  return page.getByTestId('loss-chart').evaluate((c, color) => {
    const canvas = c as HTMLCanvasElement;
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40) n++;
    return n;
  }, hex);
}

test('the loss chart: hover reads values, drag zooms, legend hides lines, keys walk the steps, CSV and PNG save it', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => (await lossChart(page))?.traces[0].x.length ?? 0, { timeout: 120_000 }).toBeGreaterThanOrEqual(40);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
  await page.waitForTimeout(600);
  const chart = (await lossChart(page))!;
  const nelbo = chart.traces[0];
  const canvas = page.getByTestId('loss-chart');
  const box = (await canvas.boundingBox())!;

  // The train nELBO line is drawn in its colour; hiding it in the legend takes it off the canvas.
  const blue = chart.traces[0].color;
  await expect.poll(() => inkOf(page, blue)).toBeGreaterThan(100);
  const legendItem = page.getByRole('group', { name: 'Lines on the loss chart' }).getByRole('button', { name: 'train nELBO' });
  await legendItem.click();
  await expect(legendItem).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => inkOf(page, blue)).toBe(0);
  await legendItem.press('Enter');
  await expect(legendItem).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => inkOf(page, blue)).toBeGreaterThan(100);

  // Hover: the label names the nearest step and the values drawn there.
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  const tip = page.locator('.loss-chart .chart-tooltip');
  await expect(tip).toBeVisible();
  const text = (await tip.textContent()) ?? '';
  const step = Number(/step ([\d,]+)/.exec(text)?.[1].replace(/,/g, ''));
  const shown = Number(/train nELBO: (\d+\.\d) nats/.exec(text)?.[1]);
  const at = nelbo.x.indexOf(step);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(shown).toBeCloseTo(nelbo.y[at], 1);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height + 40);
  await expect(tip).toBeHidden();

  // Drag across the right half: the view spans only those steps, and its losses more closely.
  const resetZoom = page.getByRole('button', { name: 'Reset zoom' });
  await expect(resetZoom).toBeHidden();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(resetZoom).toBeVisible();
  const zoomed = (await lossChart(page))!;
  expect(zoomed.zoomed).toBe(true);
  expect(zoomed.view!.x[0]).toBeGreaterThan(chart.view!.x[0] + 0.2 * (chart.view!.x[1] - chart.view!.x[0]));
  expect(zoomed.view!.y[1] - zoomed.view!.y[0]).toBeLessThan(chart.view!.y[1] - chart.view!.y[0]);
  // Double-click zooms out again; so does the button.
  await canvas.dblclick({ position: { x: box.width * 0.6, y: box.height * 0.5 } });
  await expect(resetZoom).toBeHidden();
  expect((await lossChart(page))!.view).toEqual(chart.view);

  // Keyboard: End goes to the last step, the left arrow one point back; both are read out.
  await canvas.focus();
  await page.keyboard.press('End');
  const status = page.locator('.loss-chart [role=status]');
  const last = nelbo.x[nelbo.x.length - 1];
  await expect(status).toHaveText(new RegExp(`^step ${last.toLocaleString('en-US')}, train nELBO: ${nelbo.y[nelbo.y.length - 1].toFixed(1)} nats`));
  await page.keyboard.press('ArrowLeft');
  await expect(status).toHaveText(new RegExp(`^step ${nelbo.x[nelbo.x.length - 2].toLocaleString('en-US')}, `));
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();

  // CSV: one row per drawn step, the columns named after the lines.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save loss curves as CSV' }).click();
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8').trim().split('\n');
  expect(csv[0].startsWith('step,train nELBO,reconstruction,KL')).toBe(true);
  expect(csv.length - 1).toBe(new Set(chart.traces.flatMap((t) => t.x)).size);

  // PNG: a real picture, wider than tall, legend band included.
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save loss chart as PNG' }).click();
  const png = readFileSync((await (await pngDownload).path())!);
  expect((await pngDownload).suggestedFilename()).toBe('loss-curves.png');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const backing = await canvas.evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]);
  expect(w).toBe(backing[0]);
  expect(h).toBeGreaterThan(backing[1]);
});

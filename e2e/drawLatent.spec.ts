import type { Page } from '@playwright/test';
import { test, expect, stepCount } from './fixtures';
import { trainerState } from './pages/trainer';
import { shotPath } from './shots';

/** A mouse stroke through points given as fractions of the drawing canvas. */
async function stroke(page: Page, pts: [number, number][]) {
  await page.getByTestId('draw-canvas').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('draw-canvas').boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(pts[0]));
  await page.mouse.down();
  for (const p of pts.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

const point = (page: Page) => page.getByTestId('draw-latent-plane').getAttribute('data-point');

/** The canvas's RGBA bytes around the marker's pixel spot (CSS px, scaled to the backing store). */
const markerInk = (page: Page) =>
  page.getByTestId('draw-latent-plane').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const [x, y] = (c.dataset.marker ?? '').split(',').map(Number);
    const s = c.width / c.clientWidth;
    return Array.from(c.getContext('2d')!.getImageData(Math.round(x * s) - 1, Math.round(y * s) - 1, 3, 3).data);
  });

test('a drawing lands in latent space: each stroke moves the marker, with the labels of its neighbours', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(30);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
  await page.getByRole('tab', { name: 'Draw & complete' }).click();
  await page.getByText('Completion settings').click();
  await page.getByLabel('Complete after every stroke').uncheck();

  const plane = page.getByTestId('draw-latent-plane');
  await expect(page.getByTestId('draw-latent-looks')).toHaveText(/Draw a stroke/, { timeout: 30_000 });
  await expect(plane).toHaveAttribute('data-point', '');

  await stroke(page, [[0.5, 0.15], [0.5, 0.5], [0.5, 0.85]]);
  await expect(plane).not.toHaveAttribute('data-point', '', { timeout: 10_000 });
  const first = await point(page);
  await expect(page.getByTestId('draw-latent-looks')).toHaveText(/Looks like: \d \(\d+ %\)/);
  // The marker is painted where the page says it is: dark ink (the light theme's marker) at its centre.
  const ink = await markerInk(page);
  expect(ink[16] + ink[17] + ink[18], 'marker centre is dark').toBeLessThan(120);
  await page.screenshot({ path: shotPath(info, 'draw-latent-1366.png'), fullPage: false });

  // A ring across the first stroke: a different drawing, a different code.
  const ring: [number, number][] = Array.from({ length: 25 }, (_, i) => {
    const a = (i / 24) * 2 * Math.PI;
    return [0.5 + 0.25 * Math.sin(a), 0.5 - 0.33 * Math.cos(a)];
  });
  await stroke(page, ring);
  await expect.poll(() => point(page), { timeout: 10_000 }).not.toBe(first);
  const [u0, v0] = first!.split(',').map(Number);
  const [u1, v1] = (await point(page))!.split(',').map(Number);
  expect(Math.hypot(u1 - u0, v1 - v0)).toBeGreaterThan(1e-3);

  await page.setViewportSize({ width: 390, height: 844 });
  await plane.scrollIntoViewIfNeeded();
  const box = (await plane.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: shotPath(info, 'draw-latent-390.png'), fullPage: false });
});

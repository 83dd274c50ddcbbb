import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// A phone: 390×844 CSS pixels, touch, a coarse pointer.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const VIEWS = ['Train', 'Explore', 'Draw & complete', 'Statistics', 'Runs'];

/** Controls on screen smaller than 40×40 CSS pixels (a checkbox or radio counts by its label). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const sel = 'button, a[href], select, input, summary, textarea, [role=tab]';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      if (el.closest('[hidden], .modebar, .sr-only')) continue;
      const input = el as HTMLInputElement;
      const label = input.labels?.[0];
      const target = (input.type === 'checkbox' || input.type === 'radio') && label ? label : el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (display: none)
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (box.width < 40 || box.height < 40) {
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
        out.push(`${el.tagName.toLowerCase()}${input.type ? `[${input.type}]` : ''} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return out;
  });
}

test('on a phone the views are one column with no sideways scroll, and tap targets are at least 40 px', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  // One column, the curves first (the run bar above holds the buttons), the settings below them.
  const controls = (await page.getByRole('complementary', { name: 'Experiment settings' }).boundingBox())!;
  const curves = (await page.getByTestId('curves').boundingBox())!;
  expect(controls.y).toBeGreaterThan(curves.y + curves.height - 1);
  expect(Math.abs(curves.x - controls.x)).toBeLessThan(40);

  const found: Record<string, { overflow: number; small: string[] }> = {};
  for (const view of VIEWS) {
    await page.getByRole('tab', { name: view }).click();
    await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
    await page.waitForTimeout(500);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    found[view] = { overflow: Math.max(0, overflow), small: await smallTargets(page) };
  }
  expect(found).toEqual(Object.fromEntries(VIEWS.map((v) => [v, { overflow: 0, small: [] }])));
});

/** Ink drawn on the model's 28×28 input, summed. */
async function inkSum(page: Page): Promise<number> {
  return page.getByTestId('model-input').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let s = 0;
    for (let i = 0; i < d.length; i += 4) s += d[i] / 255;
    return s;
  });
}

test('a finger draws on the canvas without scrolling the page; a pen draws the same at any pressure', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('tab', { name: 'Draw & complete' }).click();
  const canvas = page.getByTestId('draw-canvas');
  // The canvas mid-screen, with page to scroll in both directions.
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  const box = (await canvas.boundingBox())!;
  const scrollBefore = await page.evaluate(() => window.scrollY);
  expect(scrollBefore).toBeGreaterThan(0);

  // A real touch gesture through the browser's input pipeline: upward, as a finger scrolls a page.
  const cdp = await page.context().newCDPSession(page);
  const at = (fx: number, fy: number) => [{ x: box.x + fx * box.width, y: box.y + fy * box.height, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.5, 0.85) });
  for (let i = 1; i <= 12; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(0.5 + 0.01 * i, 0.85 - 0.055 * i) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(() => inkSum(page)).toBeGreaterThan(5);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

  // A pen: the same stroke at light and full pressure leaves the same ink (pressure is ignored).
  const pen = async (pressure: number) => {
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(() => inkSum(page)).toBe(0);
    // Reaching Clear (under the thumbnails) may have scrolled the page: the canvas's box anew.
    const at = (await canvas.boundingBox())!;
    const send = (type: string, fx: number, fy: number) =>
      canvas.dispatchEvent(type, { pointerType: 'pen', pointerId: 3, isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, pressure, clientX: at.x + fx * at.width, clientY: at.y + fy * at.height, bubbles: true });
    await send('pointerdown', 0.3, 0.2);
    for (let i = 1; i <= 10; i++) await send('pointermove', 0.3 + i * 0.04, 0.2 + i * 0.06);
    await send('pointerup', 0.7, 0.8);
    await expect.poll(() => inkSum(page)).toBeGreaterThan(5);
    return inkSum(page);
  };
  const light = await pen(0.1);
  expect(await pen(1)).toBeCloseTo(light, 6);
});

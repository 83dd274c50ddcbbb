import { test as base, expect, type Page } from '@playwright/test';

/** Every page in a test collects console errors and uncaught exceptions; a test fails on any. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await use(errors);
    expect(errors, 'console errors during the test').toEqual([]);
  },
});
export { expect };

export async function stepCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('step-count').textContent());
}

/** The y values of one plotly trace in the curves panel. */
export async function curveY(page: Page, trace = 0): Promise<number[]> {
  return page.evaluate((i) => {
    const el = document.querySelector('[data-testid=curves] .js-plotly-plot') as (HTMLElement & { data?: { y: number[] }[] }) | null;
    return el?.data?.[i]?.y ? Array.from(el.data[i].y) : [];
  }, trace);
}

/** Counts pixels that are neither background nor uniform: a drawn grid has many distinct values. */
export async function canvasInk(page: Page, testId: string): Promise<{ nonZero: number; distinct: number }> {
  return page.getByTestId(testId).evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return { nonZero: 0, distinct: 0 };
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let nonZero = 0;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] || d[i + 1] || d[i + 2]) nonZero++;
      seen.add(d[i]);
    }
    return { nonZero, distinct: seen.size };
  });
}

import { test as base, expect, type Page } from '@playwright/test';

/** localStorage keys of src/app/firstRun.ts: set, the app opens as for a returning visitor. */
export const FIRST_RUN_KEYS = ['vae-playground:visited', 'vae-playground:welcome-dismissed'];

/**
 * Every page in a test collects console errors and uncaught exceptions; a test fails on any.
 * `firstRunDone` (default true) marks the first visit as past, so training stays idle on load;
 * a first-run test sets it false with `test.use({ firstRunDone: false })`.
 */
export const test = base.extend<{ consoleErrors: string[]; firstRunDone: boolean }>({
  firstRunDone: [true, { option: true }],
  context: async ({ context, firstRunDone }, use) => {
    if (firstRunDone) {
      await context.addInitScript((keys) => {
        try {
          for (const k of keys) if (localStorage.getItem(k) === null) localStorage.setItem(k, '1');
        } catch {
          // about:blank and other opaque origins have no storage.
        }
      }, FIRST_RUN_KEYS);
    }
    await use(context);
  },
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

/** What the loss chart draws (its `chart` snapshot): each trace's points and looks. */
export interface LossChartView {
  traces: { name: string; x: number[]; y: number[]; color: string; width: number; hidden: boolean }[];
  font: { color: string; size: number };
  zoomed: boolean;
  view: { x: [number, number]; y: [number, number] } | null;
}

export async function lossChart(page: Page): Promise<LossChartView | null> {
  return page.evaluate(() => (document.querySelector('[data-testid=curves] .loss-chart') as (HTMLElement & { chart?: LossChartView }) | null)?.chart ?? null);
}

/** The y values of one trace of the loss chart. */
export async function curveY(page: Page, trace = 0): Promise<number[]> {
  return (await lossChart(page))?.traces[trace]?.y ?? [];
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

/** The runs saved in this browser's IndexedDB, read the way the worker wrote them. */
export async function savedRuns(page: Page): Promise<{ id: string; step: number; status: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('vae-playground');
        req.onerror = () => resolve([]);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('checkpoints')) {
            db.close();
            return resolve([]);
          }
          const r = db.transaction('checkpoints').objectStore('checkpoints').getAll(IDBKeyRange.bound('run/', 'run/\uffff'));
          r.onsuccess = () => {
            db.close();
            resolve((r.result as { id: string; step: number; status: string }[]).map(({ id, step, status }) => ({ id, step, status })));
          };
        };
      }),
  );
}

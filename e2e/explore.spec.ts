import type { Browser, Page } from '@playwright/test';
import { test, expect, stepCount, canvasInk } from './fixtures';
import { resetRun, trainerState } from './pages/trainer';

// Tall enough that every Explore panel is on screen, so all of them refresh at once: the worst case.
// Playwright's own trace is off: this test records a Chromium trace of its own.
test.use({ viewport: { width: 1280, height: 2800 }, trace: 'off' });

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
  }
}

/** Records every main-thread task over 50 ms from the first script on. */
async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

const longTasksSince = (page: Page, since: number) =>
  page.evaluate((t) => window.__longTasks.filter((e) => e.start >= t).map((e) => Math.round(e.duration)), since);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Main-thread tasks between start and stop, from a Chromium trace: wall time (what a long task
 * measures) and the thread's CPU time (what the page's own work costs, without the time other
 * processes on a busy machine took the core away).
 */
const cpuTrace = {
  start: (browser: Browser, page: Page) => browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] }),
  async stop(browser: Browser) {
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const tasksOf = (m: TraceEvent) => events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' && e.ph === 'X');
    const tasks = mains.map(tasksOf).sort((a, b) => b.length - a.length)[0] ?? [];
    const ms = (v: number | undefined) => Math.round((v ?? 0) / 1000);
    return {
      count: tasks.length,
      maxWall: Math.max(0, ...tasks.map((t) => ms(t.dur))),
      maxCpu: Math.max(0, ...tasks.map((t) => ms(t.tdur))),
      over50Cpu: tasks.filter((t) => ms(t.tdur) > 50).map((t) => ms(t.tdur)),
    };
  },
};

/** The read-only view the scatter chart exposes on its root (see src/panels/LatentScatter/scatterSnapshot.ts). */
interface ScatterChart {
  points: number;
  colors: string[];
  xTitle: string;
  yTitle: string;
  pointPx(label: number, k: number): { x: number; y: number } | null;
  pointsPx(): number[];
  plotBox(): { x: number; y: number; width: number; height: number } | null;
}
type ChartRoot = HTMLElement & { chart?: ScatterChart };

/** What the scatter shows: point count, distinct colours of the non-empty classes, axis titles. */
function scatterData(page: Page) {
  return page.evaluate(() => {
    const chart = (document.querySelector('[data-testid=latent-scatter-plot]') as ChartRoot | null)?.chart;
    return { points: chart?.points ?? 0, colors: new Set(chart?.colors ?? []).size, xTitle: chart?.xTitle ?? '', yTitle: chart?.yTitle ?? '' };
  });
}

/** Page coordinates of the first point of one class, as drawn. */
async function pointPosition(page: Page, label: number) {
  const at = await page.evaluate((l) => (document.querySelector('[data-testid=latent-scatter-plot]') as ChartRoot).chart!.pointPx(l, 0), label);
  expect(at, `a point of class ${label} on the plot`).not.toBeNull();
  return at!;
}

/** Page coordinates of the plot-area spot farthest from every point: a click there hits no point. */
function emptySpot(page: Page) {
  return page.evaluate(() => {
    const chart = (document.querySelector('[data-testid=latent-scatter-plot]') as ChartRoot).chart!;
    const box = chart.plotBox()!;
    const pts = chart.pointsPx();
    let best = { x: box.x + 8, y: box.y + 8, d: -1 };
    for (let x = box.x + 8; x <= box.x + box.width - 8; x += 8)
      for (let y = box.y + 8; y <= box.y + box.height - 8; y += 8) {
        let d = Infinity;
        for (let i = 0; i < pts.length; i += 2) d = Math.min(d, Math.hypot(pts[i] - x, pts[i + 1] - y));
        if (d > best.d) best = { x, y, d };
      }
    return { x: best.x, y: best.y, clearance: best.d };
  });
}

/** The RGBA pixels of tile i of a canvas of 28×28 tiles with 1-pixel gaps. */
function tilePixels(page: Page, testId: string, tile: number, cols: number) {
  return page.getByTestId(testId).evaluate(
    (c, [i, n]) => {
      const ctx = (c as HTMLCanvasElement).getContext('2d')!;
      return Array.from(ctx.getImageData((i % n) * 29, Math.floor(i / n) * 29, 28, 28).data);
    },
    [tile, cols],
  );
}

async function train(page: Page, latentDim: string, steps: number) {
  await page.goto('/');
  await page.getByLabel('Latent dimension').fill(latentDim);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(steps);
}

test('a 2-D model: scatter, point detail, manifold, interpolation and chain, refreshing without long tasks', async ({ page, browser, consoleErrors }) => {
  void consoleErrors;
  await watchLongTasks(page);
  await train(page, '2', 30);

  // Open Explore while the model trains.
  const opened = await page.evaluate(() => performance.now());
  await cpuTrace.start(browser, page);
  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect.poll(async () => (await scatterData(page)).points, { timeout: 60_000 }).toBe(10_000);
  const s = await scatterData(page);
  expect(s.colors).toBeGreaterThanOrEqual(8);
  expect(s.xTitle).toMatch(/^z₁/);
  // The same picture in words for screen readers: the plane and where each label's codes sit.
  await expect(page.getByTestId('scatter-summary')).toHaveText(/^10000 test images on z₁ and z₂ \(100% of the variance\)\. label 0: \d+ codes around \(-?\d+\.\d\d, -?\d+\.\d\d\);.* label 9: /);
  await expect.poll(async () => (await canvasInk(page, 'manifold-grid')).distinct, { timeout: 30_000 }).toBeGreaterThan(10);
  const opening = await cpuTrace.stop(browser);
  const openingLong = await longTasksSince(page, opened);

  // Steady state: every panel refreshes every couple of seconds while training goes on.
  const stepsBefore = await stepCount(page);
  const scatterStep = await page.getByTestId('scatter-step').textContent();
  const steadyFrom = await page.evaluate(() => performance.now());
  await cpuTrace.start(browser, page);
  await page.waitForTimeout(10_000);
  const steady = await cpuTrace.stop(browser);
  expect(await stepCount(page)).toBeGreaterThan(stepsBefore);
  await expect(page.getByTestId('scatter-step')).not.toHaveText(scatterStep ?? '');
  const steadyLong = await longTasksSince(page, steadyFrom);
  const scatterDraws = await page.evaluate((t) => performance.getEntriesByName('explore:scatter').filter((m) => m.startTime >= t).map((m) => Math.round(m.duration)), steadyFrom);
  const report = [
    `opening Explore (first render): long tasks ${JSON.stringify(openingLong)} ms wall; max task CPU ${opening.maxCpu} ms (over 50: ${JSON.stringify(opening.over50Cpu)})`,
    `10 s of live refreshes while training: long tasks ${JSON.stringify(steadyLong)} ms wall (max ${Math.max(0, ...steadyLong)}); ${steady.count} tasks, max wall ${steady.maxWall} ms, max CPU ${steady.maxCpu} ms; scatter redraws ${JSON.stringify(scatterDraws)} ms wall`,
  ].join('\n');
  console.log(report);
  test.info().annotations.push({ type: 'main thread', description: report });
  // The scatter redraws at most every ~2 s, never piling up.
  expect(scatterDraws.length).toBeGreaterThanOrEqual(1);
  expect(scatterDraws.length).toBeLessThanOrEqual(6);
  // The 50 ms target is a speed figure: measured and reported here (and in the benchmark), not
  // asserted, since a timed assertion fails on a busy CI machine for reasons outside the page.
  expect(Number.isFinite(steady.maxCpu)).toBe(true);

  // A frozen panel keeps its picture while the others move on.
  await page.getByRole('button', { name: 'Freeze latent scatter' }).click();
  await expect(page.getByTestId('scatter-step')).toHaveText(/^Frozen at step \d/);
  const frozenAt = await page.getByTestId('scatter-step').textContent();
  const priorAt = await page.getByTestId('prior-step').textContent();
  await expect(page.getByTestId('prior-step')).not.toHaveText(priorAt ?? '', { timeout: 30_000 });
  await expect(page.getByTestId('scatter-step')).toHaveText(frozenAt ?? '');
  await page.getByRole('button', { name: 'Freeze latent scatter' }).click();
  await expect(page.getByTestId('scatter-step')).toHaveText(/^At step \d/);

  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
  await page.getByRole('tab', { name: 'Explore' }).click();

  // Clicking a point shows its test image and reconstruction.
  const at = await pointPosition(page, 1);
  await page.mouse.move(at.x, at.y);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('point-caption')).toHaveText(/Test image \d+ \(a \d\) and its reconstruction/);
  await expect.poll(async () => (await canvasInk(page, 'point-images')).distinct, { timeout: 30_000 }).toBeGreaterThan(10);

  // Clicking empty space decodes that spot, even right after hovering a point; so does typing its
  // coordinates.
  const empty = await emptySpot(page);
  expect(empty.clearance).toBeGreaterThan(30);
  // Over a point and straight on to the empty spot, with no pause between.
  await page.mouse.move(at.x, at.y);
  await page.mouse.click(empty.x, empty.y);
  await expect(page.getByTestId('point-caption')).toHaveText(/^Decoded at \(-?\d+\.\d\d, -?\d+\.\d\d\)$/);
  await expect.poll(async () => (await canvasInk(page, 'point-images')).nonZero, { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByLabel('Horizontal').fill('0.5');
  await page.getByLabel('Vertical').fill('-1');
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(page.getByTestId('point-caption')).toHaveText('Decoded at (0.50, -1.00)');

  // Hovering a point labels it; the legend hides and shows a class.
  const hoverAt = await pointPosition(page, 2);
  await page.mouse.move(hoverAt.x, hoverAt.y);
  await expect(page.getByTestId('latent-scatter').locator('.chart-tooltip')).toHaveText(/^label 2 · test image \d+$/);
  const chartOf = () => page.getByTestId('latent-scatter-plot');
  const shownPoints = () => chartOf().evaluate((el) => (el as ChartRoot).chart!.pointsPx().length / 2);
  const allShown = await shownPoints();
  const class2 = page.getByRole('group', { name: 'Classes shown (label)' }).getByRole('button', { name: '2', exact: true });
  await class2.click();
  await expect(class2).toHaveAttribute('aria-pressed', 'false');
  expect((await scatterData(page)).colors).toBe(s.colors - 1);
  expect(await chartOf().evaluate((el) => (el as ChartRoot).chart!.pointPx(2, 0))).toBeNull();
  expect(await shownPoints()).toBeLessThan(allShown);
  await class2.click();
  await expect(class2).toHaveAttribute('aria-pressed', 'true');
  expect(await shownPoints()).toBe(allShown);

  // Dragging a box zooms in (fewer points in view, the rest spread out); double-click or the
  // Reset zoom button (from the keyboard) shows the whole cloud again.
  const zoomIn = async () => {
    const box = (await chartOf().evaluate((el) => (el as ChartRoot).chart!.plotBox()))!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 5 });
    await expect(page.locator('.scatter-zoom-band')).toBeVisible();
    await page.mouse.up();
    await expect(page.locator('.scatter-zoom-band')).toBeHidden();
    return box;
  };
  const resetZoom = page.getByRole('button', { name: 'Reset zoom' });
  await expect(resetZoom).toBeHidden();
  const box = await zoomIn();
  await expect(resetZoom).toBeVisible();
  expect(await shownPoints()).toBeLessThan(allShown);
  await page.mouse.dblclick(box.x + 4, box.y + 4);
  await expect(resetZoom).toBeHidden();
  expect(await shownPoints()).toBe(allShown);
  await zoomIn();
  await resetZoom.focus();
  await page.keyboard.press('Enter');
  await expect(resetZoom).toBeHidden();
  expect(await shownPoints()).toBe(allShown);

  // The chart saves as a PNG (what plotly's mode bar offered).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save latent scatter as PNG' }).click();
  expect((await download).suggestedFilename()).toBe('latent-scatter.png');

  // Pick two gallery images: a row of k + 2 images whose ends are the picks.
  const gallery = page.getByRole('group', { name: 'Test images to pick' }).getByRole('button');
  await expect(gallery.first()).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Steps between').selectOption('8');
  const a = gallery.nth(0);
  const b = gallery.nth(5);
  await a.click();
  await b.click();
  await expect(page.getByTestId('interp-pairs')).toHaveText(/Rows: \d → \d\./);
  const grid = page.getByTestId('interp-grid');
  await expect.poll(() => grid.evaluate((c) => (c as HTMLCanvasElement).width), { timeout: 30_000 }).toBe(10 * 28 + 9);
  expect(await grid.evaluate((c) => (c as HTMLCanvasElement).height)).toBe(28);
  const thumb = (btn: typeof a) => btn.locator('canvas').evaluate((c) => Array.from((c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 28, 28).data));
  expect(await tilePixels(page, 'interp-grid', 0, 10)).toEqual(await thumb(a));
  expect(await tilePixels(page, 'interp-grid', 9, 10)).toEqual(await thumb(b));
  expect(await tilePixels(page, 'interp-grid', 4, 10)).not.toEqual(await thumb(a));

  // The limiting chain animates: Play advances the step.
  await expect(page.getByRole('button', { name: 'Play the chain' })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId('chain-frame')).toHaveText('Step 0 of 50');
  const frame0 = await tilePixels(page, 'chain-grid', 0, 6);
  await page.getByRole('button', { name: 'Play the chain' }).click();
  await expect.poll(async () => Number((await page.getByTestId('chain-frame').textContent())?.match(/Step (\d+)/)?.[1]), { timeout: 10_000 }).toBeGreaterThan(3);
  await page.getByRole('button', { name: 'Pause the chain' }).click();
  expect(await tilePixels(page, 'chain-grid', 0, 6)).not.toEqual(frame0);
  // The slider steps through frames too.
  await page.getByLabel('Chain step').fill('50');
  await expect(page.getByTestId('chain-frame')).toHaveText('Step 50 of 50');
});

test('after Reset with d = 20: PCA axes labelled with the variance they explain, and the collapse panel', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByLabel('Latent dimension').fill('2');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(1);
  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect.poll(async () => (await scatterData(page)).xTitle, { timeout: 60_000 }).toMatch(/^z₁/);

  // A new model of another size replaces every panel's picture.
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Latent dimension').fill('20');
  await resetRun(page);
  await expect.poll(() => stepCount(page)).toBe(0);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(1);
  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect.poll(async () => (await scatterData(page)).xTitle, { timeout: 60_000 }).toMatch(/^PC1 · \d+\.\d% of variance$/);
  const s = await scatterData(page);
  expect(s.points).toBe(10_000);
  expect(s.yTitle).toMatch(/^PC2 · \d+\.\d% of variance$/);
  await expect(page.getByTestId('manifold-message')).toContainText('Latent dimension to 2');
  await expect(page.getByTestId('active-units')).toHaveText(/\d+ of 20 units active/);
  await expect(page.getByTestId('kl-bars').locator('rect')).toHaveCount(20);
  await expect(page.getByTestId('sv-bars').locator('rect')).toHaveCount(20);
});

import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect, lossChart, stepCount } from './fixtures';
import { exportModel, importModel, trainerState, trainThenPause, wipeStorage } from './pages/trainer';
import { shotPath } from './shots';

// A tiny 2-D model: 60 steps of 64 give snapshots at 0, 10, 20 and 50 in a few seconds.
const TINY = '/#architecture=mlp&hidden=32&latentDim=2&batchSize=64';

interface StoredGrid {
  count: number;
  cols: number;
  width: number;
  height: number;
  pixels: Uint8ClampedArray;
}
interface Stored {
  step: number;
  epoch: number;
  reconstructions: StoredGrid;
  samples: StoredGrid;
  codes: { points: Float32Array; labels: Uint8Array; count: number };
}
type Handle = { __vae: { client: { request(kind: 'runs', payload: object): Promise<Record<string, unknown>> } } };

/** The current run's snapshots as the worker stores them, grids as plain arrays. */
function storedSnapshots(page: Page) {
  return page.evaluate(async () => {
    const client = (window as unknown as Handle).__vae.client;
    const { runs } = (await client.request('runs', { op: 'list' })) as { runs: { id: string; updatedAt: number }[] };
    const { snapshots } = (await client.request('runs', { op: 'snapshots', id: runs[0].id })) as { snapshots: Stored[] };
    const grid = (g: StoredGrid) => ({ ...g, pixels: Array.from(g.pixels) });
    return snapshots.map((s) => ({
      step: s.step,
      epoch: s.epoch,
      reconstructions: grid(s.reconstructions),
      samples: grid(s.samples),
      codes: { points: Array.from(s.codes.points), labels: Array.from(s.codes.labels), count: s.codes.count },
    }));
  });
}
type Snap = Awaited<ReturnType<typeof storedSnapshots>>[number];

/** The canvas's grey levels, as a string to compare. */
function canvasGrey(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return `${canvas.width}x${canvas.height}:${Array.from(d.filter((_, i) => i % 4 === 0)).join(',')}`;
  });
}

/** What ImageGrid draws for a stored grid (src/ui/gridImage.ts's layout: 1-px grey gutters), as canvasGrey reads it. */
function expectedGrey(g: Snap['reconstructions']): string {
  const cols = Math.min(g.cols, g.count);
  const rows = Math.ceil(g.count / cols);
  const w = cols * g.width + cols - 1;
  const h = rows * g.height + rows - 1;
  const out = new Array<number>(w * h).fill(72);
  for (let i = 0; i < g.count; i++) {
    const x0 = (i % cols) * (g.width + 1);
    const y0 = Math.floor(i / cols) * (g.height + 1);
    for (let y = 0; y < g.height; y++) for (let x = 0; x < g.width; x++) out[(y0 + y) * w + x0 + x] = g.pixels[(i * g.height + y) * g.width + x];
  }
  return `${w}x${h}:${out.join(',')}`;
}

type ScatterRoot = HTMLElement & { chart?: { points: number; pointPx(label: number, k: number): { x: number; y: number } | null } };
const scatterRoot = '[data-testid=latent-scatter] [data-testid=latent-scatter-plot]';

/** Page positions of the first point of each label on the Explore scatter, and how many points it draws. */
function scatterPoints(page: Page) {
  return page.evaluate((sel) => {
    const chart = (document.querySelector(sel) as ScatterRoot | null)?.chart;
    return { count: chart?.points ?? 0, first: Array.from({ length: 10 }, (_, l) => chart?.pointPx(l, 0) ?? null) };
  }, scatterRoot);
}

const label = (page: Page) => page.getByTestId('timeline-label');
const range = (page: Page) => page.getByTestId('timeline-range');

test('the scrubber redraws the grids, the scatter and the chart for an early snapshot; Play reaches the present', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(TINY);
  const now = await trainThenPause(page, 60);
  await expect(label(page)).toHaveText(`live · step ${now} · epoch 0`);
  const snaps = await storedSnapshots(page);
  expect(snaps.map((s) => s.step).slice(0, 4)).toEqual([0, 10, 20, 50]);

  const presentRecon = await canvasGrey(page, 'recon-grid');
  const presentSamples = await canvasGrey(page, 'sample-grid');
  // Keyboard: Home is step 0, each arrow one snapshot; End is live again.
  await range(page).focus();
  await page.keyboard.press('Home');
  await expect(label(page)).toHaveText('step 0 · epoch 0');
  await page.keyboard.press('ArrowRight');
  await expect(label(page)).toHaveText('step 10 · epoch 0');
  const early = snaps[1];
  await expect.poll(() => canvasGrey(page, 'recon-grid')).toBe(expectedGrey(early.reconstructions));
  expect(await canvasGrey(page, 'sample-grid')).toBe(expectedGrey(early.samples));
  expect(expectedGrey(early.reconstructions)).not.toBe(presentRecon);
  expect(expectedGrey(early.samples)).not.toBe(presentSamples);
  expect((await lossChart(page) as { moment?: number } | null)?.moment).toBe(10);
  // Each snapshot-backed picture names the moment it shows, not the live step.
  await expect(page.getByTestId('recon-step')).toHaveText('At step 10 · epoch 0 (timeline)');
  await expect(page.getByTestId('samples-step')).toHaveText('At step 10 · epoch 0 (timeline)');
  await page.screenshot({ path: shotPath(info, 'timeline-1280-presenter-off.png') });

  // The Explore view's scatter shows the same moment: the stored codes, placed by one affine map.
  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect(label(page)).toHaveText('step 10 · epoch 0');
  await expect.poll(async () => (await scatterPoints(page)).count, { timeout: 30_000 }).toBe(early.codes.count);
  const drawn = (await scatterPoints(page)).first;
  const firstOf = (s: Snap, l: number) => s.codes.labels.indexOf(l);
  const ls = [...Array(10).keys()].filter((l) => drawn[l] && firstOf(early, l) >= 0);
  expect(ls.length).toBeGreaterThan(5);
  const u = (l: number) => early.codes.points[2 * firstOf(early, l)];
  const v = (l: number) => early.codes.points[2 * firstOf(early, l) + 1];
  const [a, b] = [ls[0], ls.reduce((m, l) => (Math.abs(u(l) - u(ls[0])) > Math.abs(u(m) - u(ls[0])) ? l : m), ls[1])];
  const [c, d] = [ls[0], ls.reduce((m, l) => (Math.abs(v(l) - v(ls[0])) > Math.abs(v(m) - v(ls[0])) ? l : m), ls[1])];
  const sx = (drawn[b]!.x - drawn[a]!.x) / (u(b) - u(a));
  const sy = (drawn[d]!.y - drawn[c]!.y) / (v(d) - v(c));
  for (const l of ls) {
    expect(Math.abs(drawn[a]!.x + sx * (u(l) - u(a)) - drawn[l]!.x), `label ${l} x`).toBeLessThan(1);
    expect(Math.abs(drawn[c]!.y + sy * (v(l) - v(c)) - drawn[l]!.y), `label ${l} y`).toBeLessThan(1);
  }
  await expect(page.getByTestId('scatter-moment')).toContainText('step 10 · epoch 0');
  await expect(page.getByTestId('scatter-step')).toHaveText('At step 10 · epoch 0 (timeline)');
  await expect(page.getByTestId('manifold-step')).toHaveText('At step 10 · epoch 0 (timeline)');
  const earlyScatter = await page.locator(`${scatterRoot} canvas`).first().screenshot();
  await range(page).focus();
  await page.keyboard.press('End');
  await expect(label(page)).toHaveText(/^live · /);
  await expect.poll(async () => (await scatterPoints(page)).count, { timeout: 30_000 }).toBe(10_000);
  expect((await page.locator(`${scatterRoot} canvas`).first().screenshot()).equals(earlyScatter)).toBe(false);
  // Live again: the caption names the step of the paused model the scatter was computed from.
  await expect(page.getByTestId('scatter-step')).toHaveText(`At step ${now}`);

  // Play walks every moment from step 0 and lands on the present.
  await page.getByRole('tab', { name: 'Train' }).click();
  const seen = new Set<string>();
  await page.getByTestId('timeline-play').click();
  await expect
    .poll(
      async () => {
        seen.add((await label(page).textContent()) ?? '');
        return page.getByTestId('scrubber').getAttribute('data-live');
      },
      { intervals: [100], timeout: 20_000 },
    )
    .toBe('true');
  expect([...seen].filter((t) => t.startsWith('step ')).length).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('timeline-play')).toHaveText('Play');
  await expect.poll(() => canvasGrey(page, 'recon-grid')).toBe(presentRecon);
  expect((await lossChart(page) as { moment?: number } | null)?.moment).toBeNull();
  // The live grid's caption: the step it was drawn at (grids come twice a second, so at most the counter's).
  await expect(page.getByTestId('recon-step')).toHaveAttribute('data-moment', 'live');
  await expect(page.getByTestId('recon-step')).toHaveText(/^At step \d+$/);
  expect(Number((await page.getByTestId('recon-step').textContent())?.slice('At step '.length))).toBeLessThanOrEqual(now);
});

test('snapshots survive a reload and an export/import round trip; the video downloads', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(TINY);
  await trainThenPause(page, 25);
  const before = await storedSnapshots(page);
  // Training runs on while the pause lands: 50 and 100 may be taken too.
  expect(before.map((s) => s.step).slice(0, 3)).toEqual([0, 10, 20]);

  await page.reload();
  // Resume goes on training: pause it again, then compare what was kept before the reload.
  await page.getByTestId('resume-banner').getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
  const kept = await storedSnapshots(page);
  expect(kept.slice(0, before.length).map((s) => s.step)).toEqual(before.map((s) => s.step));
  expect(kept[1].reconstructions.pixels).toEqual(before[1].reconstructions.pixels);
  await range(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(label(page)).toHaveText('step 10 · epoch 0');
  await expect.poll(() => canvasGrey(page, 'recon-grid')).toBe(expectedGrey(before[1].reconstructions));

  // Save video: a WebM file of the animation, with its progress shown meanwhile.
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByTestId('timeline-video').click();
  await expect(page.getByRole('progressbar', { name: 'Recording video' })).toBeVisible();
  const video = await download;
  expect(video.suggestedFilename()).toBe('vae-timeline.webm');
  const bytes = readFileSync(await video.path());
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML: a Matroska/WebM file

  const file = await exportModel(page);
  expect(JSON.parse(readFileSync(file, 'utf8')).timeline.map((s: { step: number }) => s.step)).toEqual(kept.map((s) => s.step));
  await wipeStorage(page);
  await importModel(page, file);
  expect(await stepCount(page)).toBeGreaterThanOrEqual(25);
  await range(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(label(page)).toHaveText('step 10 · epoch 0');
  await expect.poll(() => canvasGrey(page, 'recon-grid')).toBe(expectedGrey(before[1].reconstructions));
  expect(await canvasGrey(page, 'sample-grid')).toBe(expectedGrey(before[1].samples));
  const after = await storedSnapshots(page);
  expect(after.map((s) => s.step)).toEqual(kept.map((s) => s.step));
  await page.screenshot({ path: shotPath(info, 'timeline-after-import-1280.png') });
});

test('the scrubber at 390×844 and in Presenter mode at 1280×720', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(TINY);
  await trainThenPause(page, 25);
  await range(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(label(page)).toHaveText('step 10 · epoch 0');
  await expect(page.getByTestId('timeline-bar')).toBeInViewport();
  await expect(page.getByTestId('run-bar')).toBeInViewport();
  await page.screenshot({ path: shotPath(info, 'timeline-390.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.locator(':root')).toHaveAttribute('data-presenter', 'on');
  await expect(page.getByTestId('timeline-bar')).toBeInViewport();
  await page.screenshot({ path: shotPath(info, 'timeline-1280-presenter.png') });
});

test('on the stage, Page Down / Page Up with the slider focused move the full-screen panel and leave the moment alone', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(TINY);
  await trainThenPause(page, 25);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.locator(':root')).toHaveAttribute('data-presenter', 'on');
  const staged = () => page.evaluate(() => document.querySelector<HTMLElement>('.panel.panel-overlay')?.dataset.panelId ?? null);
  await range(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(label(page)).toHaveText('step 10 · epoch 0');
  // A presenter's clicker sends Page Down / Page Up: one press, one panel, whatever has the focus.
  await page.keyboard.press('PageDown');
  await expect.poll(staged).toBe('curves');
  await expect(range(page)).toBeFocused();
  // Held down, the key repeats: still one panel, and the repeats do not reach the slider.
  await page.keyboard.down('PageDown');
  await page.keyboard.down('PageDown');
  await page.keyboard.up('PageDown');
  await expect.poll(staged).toBe('samples');
  await page.waitForTimeout(300);
  expect(await staged()).toBe('samples');
  await expect(label(page)).toHaveText('step 10 · epoch 0');
  await page.keyboard.press('PageUp');
  await expect.poll(staged).toBe('curves');
  await expect(label(page)).toHaveText('step 10 · epoch 0');
  expect(await range(page).inputValue()).toBe('1');

  // Off the stage the slider keeps its keys, as any slider does.
  await page.keyboard.press('Escape');
  await expect.poll(staged).toBe(null);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.locator(':root')).not.toHaveAttribute('data-presenter', 'on');
  await range(page).focus();
  await page.keyboard.press('PageUp');
  await expect(label(page)).not.toHaveText('step 10 · epoch 0');
  expect(await staged()).toBe(null);
});

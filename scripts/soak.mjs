// Soak test, run on demand (not in CI): the default MLP VAE trains in headless Chromium against the
// production build for SOAK_MINUTES (default 30) while the JS heap and the worker's tfjs tensor count
// are sampled every SOAK_INTERVAL_S (default 60). Writes bench-results/soak.json and prints the heap
// slope (MB/min, least squares) and the tensor-count range. Exits non-zero when a figure cannot be
// measured (or training stops); a slope is reported, not judged, since a short soak is noisy.
//   SOAK_SKIP_BUILD=1  use the existing build in SOAK_DIST (default dist)
//   SOAK_PORT (4178), SOAK_DIST (dist), SOAK_BACKEND (auto), CHROMIUM_PATH
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { asReturningVisitor, CHROMIUM_ARGS, executablePath, startPreview, waitFor as poll } from './headless.mjs';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const INTERVAL_S = Number(process.env.SOAK_INTERVAL_S ?? 60);
const PORT = Number(process.env.SOAK_PORT ?? 4178);
const DIST = process.env.SOAK_DIST ?? 'dist';
const BACKEND = process.env.SOAK_BACKEND ?? 'auto';
const MB = 1024 * 1024;

function must(value, what) {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) throw new Error(`soak: could not measure ${what}`);
  return value;
}

const waitFor = (fn, timeoutMs, what) => poll(fn, timeoutMs, what, 'soak');

/** Least-squares slope of y over x. */
export function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const stepOf = async (page) => Number((await page.getByTestId('step-count').textContent())?.trim() || 0);

/** One sample: step, page heap after a forced GC (CDP), page+worker heap where the browser can measure it, tensors. */
async function sample(page, cdp, t0) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const total = await page.evaluate(async () => {
    try {
      const m = await Promise.race([performance.measureUserAgentSpecificMemory(), new Promise((_, r) => setTimeout(() => r(new Error('timeout')), 45_000))]);
      return m.bytes;
    } catch {
      return null;
    }
  });
  const mem = await page.evaluate(() => window.__vae.client.request('analyze', { kind: 'memory' }));
  // Points the loss chart holds, summed over its traces: page heap grows with them if they are not capped.
  const curvePoints = await page.evaluate(() => {
    const chart = document.querySelector('[data-testid=curves] .loss-chart')?.chart;
    return chart ? chart.traces.reduce((n, t) => n + t.x.length, 0) : null;
  });
  return {
    minute: (Date.now() - t0) / 60_000,
    step: await stepOf(page),
    pageHeapMB: must(usedSize, 'the page heap (Runtime.getHeapUsage)') / MB,
    totalHeapMB: total === null ? null : total / MB,
    numTensors: must(mem?.numTensors, 'the worker tensor count (memory analysis)'),
    tensorMB: mem.numBytes / MB,
    backend: mem.backend,
    curvePoints,
  };
}

if (!process.env.SOAK_SKIP_BUILD) {
  // --mode e2e keeps window.__vae, which reads the worker's tensor count.
  const b = spawnSync('npx', ['vite', 'build', '--mode', 'e2e', '--outDir', DIST], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
if (!existsSync(`${DIST}/index.html`)) {
  console.error(`soak: no build in ${DIST}/ (unset SOAK_SKIP_BUILD, or set SOAK_DIST)`);
  process.exit(1);
}
let code = 0;
try {
  const url = await startPreview(PORT, DIST, 60_000, 'soak');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await asReturningVisitor(page);
  // The CPU may be shared (other jobs, the trainer itself): generous waits for the page's controls.
  page.setDefaultTimeout(180_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  const cdp = await page.context().newCDPSession(page);
  if (BACKEND !== 'auto') await page.getByLabel('Backend', { exact: true }).selectOption(BACKEND);
  // Enough epochs that the run never finishes inside the soak.
  const epochs = page.getByLabel('Epochs', { exact: true });
  await epochs.fill('1000');
  await epochs.blur();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // Warm-up: dataset load, backend choice, the first epoch's caches.
  await waitFor(async () => (await stepOf(page)) >= 50, 600_000, 'step 50');
  const t0 = Date.now();
  const samples = [];
  const count = Math.max(2, Math.round((MINUTES * 60) / INTERVAL_S) + 1);
  for (let i = 0; i < count; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, Math.max(0, t0 + i * INTERVAL_S * 1000 - Date.now())));
    const s = await sample(page, cdp, t0);
    samples.push(s);
    console.log(
      `  ${s.minute.toFixed(1).padStart(5)} min  step ${String(s.step).padStart(6)}  page heap ${s.pageHeapMB.toFixed(1)} MB  page+workers ${s.totalHeapMB === null ? '—' : `${s.totalHeapMB.toFixed(1)} MB`}  tensors ${s.numTensors} (${s.tensorMB.toFixed(1)} MB, ${s.backend})  curve points ${s.curvePoints ?? '—'}`,
    );
  }
  const state = (await page.getByTestId('trainer-state').textContent())?.trim();
  const errors = (await page.getByTestId('error-area').allTextContents()).join(' | ').trim();
  await browser.close();

  const xs = samples.map((s) => s.minute);
  const steps = samples.at(-1).step - samples[0].step;
  if (steps <= 0) throw new Error(`soak: training made no progress (state ${state}${errors ? `; ${errors}` : ''})`);
  const pageSlope = slope(xs, samples.map((s) => s.pageHeapMB));
  const totals = samples.every((s) => s.totalHeapMB !== null) ? samples.map((s) => s.totalHeapMB) : null;
  const totalSlope = totals ? slope(xs, totals) : null;
  const tensors = { min: Math.min(...samples.map((s) => s.numTensors)), max: Math.max(...samples.map((s) => s.numTensors)) };
  const result = {
    when: new Date().toISOString(),
    minutes: MINUTES,
    intervalSeconds: INTERVAL_S,
    backend: samples[0].backend,
    steps,
    state,
    heapSlopeMBPerMin: { page: pageSlope, pageAndWorkers: totalSlope },
    tensorCount: tensors,
    samples,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/soak.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Soak: ${MINUTES} min, ${steps} steps on ${result.backend}, trainer ${state}.`);
  console.log(`Heap slope: ${pageSlope.toFixed(3)} MB/min (page, after GC)${totalSlope === null ? '; page+workers not measurable in this browser' : `; ${totalSlope.toFixed(3)} MB/min (page + workers)`}.`);
  console.log(`Tensor count: ${tensors.min}–${tensors.max}${tensors.min === tensors.max ? ' (flat)' : ''}. Written to bench-results/soak.json.`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  code = 1;
}
// process.exit runs startPreview's exit hook, which stops the server.
process.exit(code);

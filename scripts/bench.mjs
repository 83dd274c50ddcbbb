// Benchmark in real headless Chromium against the production build: images/s per backend for the
// default MLP VAE, then the default model trained for 10 epochs on the best backend (final test
// nELBO, time to reach 110 nats), the longest main-thread task, and dataset cold/warm load times.
// It never fails for being slow; it fails when a figure cannot be measured.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const PORT = 4179;
const URL_ = `http://localhost:${PORT}/`;
const EPOCHS = Number(process.env.BENCH_EPOCHS ?? 10);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'wasm,webgl,webgpu,cpu').split(',');
const SECONDS_PER_BACKEND = Number(process.env.BENCH_SECONDS ?? 12);
const args = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader',
];
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

function must(cond, what) {
  if (!cond) throw new Error(`bench: could not measure ${what}`);
}

async function waitFor(fn, timeoutMs, what) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const num = async (page, id) => {
  const t = (await page.getByTestId(id).textContent())?.trim() ?? '';
  const v = Number(t);
  return t !== '' && Number.isFinite(v) ? v : null;
};

async function openPage(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longtasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(URL_);
  return page;
}

async function setField(page, label, value) {
  const f = page.getByLabel(label, { exact: true });
  await f.fill(String(value));
  await f.blur();
}

async function measureBackend(browser, backend) {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.getByLabel('Backend', { exact: true }).selectOption(backend);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitFor(() => num(page, 'step-count'), 180_000, `${backend}: first step`);
  const firstStepMs = Date.now() - t0;
  const used = (await page.getByTestId('backend-name').textContent())?.trim();
  const startStep = await num(page, 'step-count');
  const s0 = Date.now();
  await page.waitForTimeout(SECONDS_PER_BACKEND * 1000);
  const steps = (await num(page, 'step-count')) - startStep;
  const seconds = (Date.now() - s0) / 1000;
  const shown = await num(page, 'images-per-sec');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await context.close();
  return { backend, used, firstStepMs, steps, seconds, imagesPerSec: (steps * 128) / seconds, shownImagesPerSec: shown };
}

async function fullRun(browser, backend) {
  const context = await browser.newContext();
  const page = await openPage(context);
  const c0 = Date.now();
  await page.getByLabel('Backend', { exact: true }).selectOption(backend);
  await setField(page, 'Epochs', EPOCHS);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitFor(async () => (await num(page, 'step-count')) === 1, 180_000, 'cold dataset load');
  const coldMs = Date.now() - c0;
  await page.reload();
  const w0 = Date.now();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitFor(async () => (await num(page, 'step-count')) === 1, 180_000, 'warm dataset load');
  const warmMs = Date.now() - w0;
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.evaluate(() => (window.__longtasks = []));
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  let reached110 = null;
  const perEpoch = [];
  await waitFor(async () => {
    const test = await num(page, 'test-nelbo');
    const epoch = perEpoch.length;
    if (test !== null && (perEpoch[epoch - 1]?.test !== test)) {
      perEpoch.push({ test, seconds: (Date.now() - t0) / 1000 });
      console.log(`  epoch ${perEpoch.length}: test nELBO ${test} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (reached110 === null && test !== null && test <= 110) reached110 = (Date.now() - t0) / 1000;
    return /stopped/i.test((await page.getByTestId('trainer-state').textContent()) ?? '');
  }, EPOCHS * 600_000, `${EPOCHS} epochs`);
  const seconds = (Date.now() - t0) / 1000;
  const finalTest = await num(page, 'test-nelbo');
  const longest = await page.evaluate(() => Math.max(0, ...window.__longtasks));
  await context.close();
  return { backend, epochs: EPOCHS, seconds, finalTestNelbo: finalTest, secondsTo110: reached110, perEpoch, longestTaskMs: longest, datasetColdMs: coldMs, datasetWarmMs: warmMs };
}

if (process.env.BENCH_SKIP_BUILD !== '1') {
  const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);
let failed = false;
try {
  await waitFor(async () => fetch(URL_).then((r) => r.ok, () => false), 30_000, 'the preview server');
  const browser = await chromium.launch({ executablePath, args });
  const version = browser.version();
  const speeds = [];
  for (const b of BACKENDS) {
    try {
      const r = await measureBackend(browser, b);
      speeds.push(r);
      console.log(`${b}: ${r.imagesPerSec.toFixed(0)} images/s (ran on ${r.used}; first step after ${r.firstStepMs} ms)`);
    } catch (e) {
      speeds.push({ backend: b, error: String(e) });
      console.log(`${b}: ${e}`);
    }
  }
  const ok = speeds.filter((s) => s.imagesPerSec && s.used === s.backend);
  must(ok.length > 0, 'images/s on any backend');
  const best = ok.sort((a, b) => b.imagesPerSec - a.imagesPerSec)[0].backend;
  console.log(`\nTraining ${EPOCHS} epochs on ${best}…`);
  const run = await fullRun(browser, best);
  must(run.finalTestNelbo !== null, 'the final test nELBO');
  await browser.close();
  const report = { date: new Date().toISOString(), chromium: version, cpu: (await import('node:os')).cpus()[0]?.model, cores: (await import('node:os')).cpus().length, speeds, run };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', JSON.stringify(report, null, 2));
  console.log('\n| backend | images/s (MLP VAE, batch 128) | note |\n|---|---|---|');
  for (const s of speeds) console.log(`| ${s.backend} | ${s.imagesPerSec ? s.imagesPerSec.toFixed(0) : '—'} | ${s.error ?? (s.used !== s.backend ? `fell back to ${s.used}` : `first step after ${s.firstStepMs} ms`)} |`);
  console.log(`\n${EPOCHS} epochs on ${best}: ${run.seconds.toFixed(0)} s, final test nELBO ${run.finalTestNelbo}, ≤110 after ${run.secondsTo110 ?? '—'} s, longest main-thread task ${run.longestTaskMs.toFixed(0)} ms, dataset cold ${run.datasetColdMs} ms / warm ${run.datasetWarmMs} ms`);
  console.log('wrote bench-results/bench.json');
} catch (e) {
  console.error(String(e));
  failed = true;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);

// Benchmark in real headless Chromium against the production build: images/s per backend for the
// default MLP VAE, then the default model trained for 10 epochs on the best backend (final test
// nELBO, time to reach 110 nats), the longest main-thread task, and dataset cold/warm load times;
// PyTorch's figure for the same model on the same CPU before and after (scripts/bench/torch_vae.py),
// Firefox's where it is installed, and the warm start (page load to first step on a return visit).
// It never fails for being slow; it fails when a figure cannot be measured.
// Step counts on the page come from the trainer's metrics, which on GPU backends it sends only after
// an awaited read of those steps' figures: every figure below counts finished work.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { asReturningVisitor, CHROMIUM_ARGS, executablePath, startPreview, waitFor } from './headless.mjs';
import { findTorchPython, runPytorch } from './bench/pytorch.mjs';
import { measureFirefox } from './bench/firefox.mjs';
import { measureStartTrained } from './bench/startTrained.mjs';
import { machineCeiling } from './bench/ceiling.mjs';

// BENCH_PORT / BENCH_DIST let several people bench side by side (with BENCH_SKIP_BUILD=1 for a build of their own).
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const DIST = process.env.BENCH_DIST ?? 'dist';
/** Seconds PyTorch trains at each thread count, before and after the browser figures. */
const TORCH_SECONDS = Number(process.env.BENCH_TORCH_SECONDS ?? 8);
/** BENCH_FIREFOX=0 skips Firefox; its architectures default to the MLP only. */
const FIREFOX_ARCHS = process.env.BENCH_FIREFOX === '0' ? [] : (process.env.BENCH_FIREFOX_ARCHS ?? 'mlp').split(',');
const EPOCHS = Number(process.env.BENCH_EPOCHS ?? 10);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'wasm,webgl,webgpu,cpu').split(',');
const SECONDS_PER_BACKEND = Number(process.env.BENCH_SECONDS ?? 12);
const ARCHS = (process.env.BENCH_ARCHS ?? 'mlp,conv').split(',');
const CORES = cpus().length;
/** BENCH_THREADS=1,2: WASM measured at each of these kernel thread counts (the page's ?threads=N); default: all cores. */
const THREADS = process.env.BENCH_THREADS ? process.env.BENCH_THREADS.split(',').map(Number) : [null];
/** BENCH_ONLY=start-trained: only the "start trained" figures (cold, then warm cache). */
const ONLY_START = process.env.BENCH_ONLY === 'start-trained';
/** Presets whose shipped model "start trained" opens, as id:label (the button's name starts with the label). */
const START_PRESETS = (process.env.BENCH_START_PRESETS ?? 'seed001-a:Model A,seed004-latent20:Latent 20').split(',').map((x) => {
  const [id, label] = x.split(':');
  return { id, label };
});
/** BENCH_SKIP_RUN=1: speeds only, no 10-epoch run. */
const SKIP_RUN = process.env.BENCH_SKIP_RUN === '1';

function must(cond, what) {
  if (!cond) throw new Error(`bench: could not measure ${what}`);
}

const num = async (page, id) => {
  const t = (await page.getByTestId(id).textContent())?.trim() ?? '';
  const v = Number(t);
  return t !== '' && Number.isFinite(v) ? v : null;
};

async function openPage(context, threads = null) {
  const page = await context.newPage();
  await asReturningVisitor(page);
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longtasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(threads ? `${URL_}?threads=${threads}` : URL_);
  return page;
}

async function setField(page, label, value) {
  const f = page.getByLabel(label, { exact: true });
  await f.fill(String(value));
  await f.blur();
}

async function measureBackend(browser, backend, architecture, threads = null) {
  const context = await browser.newContext();
  const page = await openPage(context, threads);
  await page.getByLabel('Backend', { exact: true }).selectOption(backend);
  if (architecture === 'conv') await page.getByLabel('Architecture', { exact: true }).selectOption('conv');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitFor(() => num(page, 'step-count'), 240_000, `${backend}/${architecture}: first step`);
  const firstStepMs = Date.now() - t0;
  const used = (await page.getByTestId('backend-name').textContent())?.trim();
  // WASM's kernel threads as the status bar shows them (" · 2 threads").
  const shown = (await page.getByTestId('backend-threads').textContent().catch(() => null)) ?? '';
  const threadsUsed = Number(/(\d+) thread/.exec(shown)?.[1] ?? 1);
  // Warm-up: a few more steps before timing (shader compilation, WASM tier-up).
  const warm = (await num(page, 'step-count')) + 3;
  await waitFor(async () => (await num(page, 'step-count')) >= warm, 240_000, `${backend}/${architecture}: warm-up`);
  const startStep = await num(page, 'step-count');
  const s0 = Date.now();
  await page.waitForTimeout(SECONDS_PER_BACKEND * 1000);
  // Slow backends (software GPUs: seconds a step) get up to 3 minutes to finish 2 steps.
  await waitFor(async () => (await num(page, 'step-count')) - startStep >= 2 || Date.now() - s0 > 180_000, 200_000, 'two steps').catch(() => undefined);
  const steps = (await num(page, 'step-count')) - startStep;
  const seconds = (Date.now() - s0) / 1000;
  const state = (await page.getByTestId('trainer-state').textContent())?.trim();
  const errors = (await page.getByRole('alert').allTextContents()).join(' | ');
  // Paused before the tab closes: closing mid-step tears the GPU device down under pending reads.
  await page.getByRole('button', { name: 'Pause', exact: true }).click().catch(() => undefined);
  await waitFor(async () => /paused|stopped|error/i.test((await page.getByTestId('trainer-state').textContent()) ?? ''), 30_000, `${backend}/${architecture}: pause`).catch(() => undefined);
  await context.close();
  if (steps <= 0) throw new Error(`no steps in ${seconds.toFixed(0)} s (state ${state}${errors ? `; ${errors}` : ''})`);
  // A device lost mid-measurement moves the run to the next backend: the figure then mixes two backends.
  const lost = /device was lost/i.test(errors) ? `device lost mid-run, moved on: ${errors.replace(/Dismiss/g, '').slice(0, 160)}` : '';
  return { backend, architecture, used, threads: threadsUsed, firstStepMs, steps, seconds, imagesPerSec: (steps * 128) / seconds, state, ...(lost ? { lost } : {}) };
}

/** tfjs tensor count and bytes in the worker, through the page's debug handle. */
const workerMemory = (page) => page.evaluate(() => window.__vae.client.request('analyze', { kind: 'memory' }));
/** The page's JS heap, workers included where the browser can measure it. */
/**
 * Runs one of the bench's own probes and notes when it ran (page clock): measuring the heap forces a
 * full garbage collection of page and workers, a long task of the bench's making, not the app's.
 */
async function probe(page, windows, fn) {
  const from = await page.evaluate(() => performance.now());
  const result = await fn(page);
  windows.push([from, await page.evaluate(() => performance.now())]);
  return result;
}

/** The longest task outside the probes' windows, and the ones the probes caused. */
function longestOutside(tasks, windows) {
  const during = ([start, dur]) => windows.some(([a, b]) => start < b && start + dur > a);
  return { longest: Math.max(0, ...tasks.filter((t) => !during(t)).map((t) => t[1])), probes: tasks.filter(during).map((t) => Math.round(t[1])) };
}

const heapBytes = (page) =>
  page.evaluate(async () => {
    try {
      const m = await Promise.race([performance.measureUserAgentSpecificMemory(), new Promise((_, r) => setTimeout(() => r(new Error('timeout')), 30_000))]);
      return { bytes: m.bytes, how: 'measureUserAgentSpecificMemory (page + workers)' };
    } catch {
      return { bytes: performance.memory?.usedJSHeapSize ?? null, how: 'performance.memory (page only)' };
    }
  });

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
  // A run with steps asks before it is reset (store/prompts.ts).
  await page.getByRole('dialog', { name: 'Reset the model?' }).getByRole('button', { name: 'Reset' }).click();
  await page.evaluate(() => (window.__longtasks = []));
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitFor(async () => (await num(page, 'step-count')) >= 100, 600_000, 'step 100');
  const probes = [];
  const memBefore = await probe(page, probes, workerMemory);
  const heapBefore = await probe(page, probes, heapBytes);
  // 1,000 more steps, or as many as a short run (BENCH_EPOCHS below 3) has left.
  const isStopped = async () => /stopped/i.test((await page.getByTestId('trainer-state').textContent()) ?? '');
  await waitFor(async () => (await num(page, 'step-count')) >= memBefore.step + 1000 || (await isStopped()), 1_200_000, '1,000 more steps');
  const memAfter = await probe(page, probes, workerMemory);
  const heapAfter = await probe(page, probes, heapBytes);
  console.log(`  tensors ${memBefore.numTensors} at step ${memBefore.step} → ${memAfter.numTensors} at step ${memAfter.step}; heap ${heapBefore.bytes} → ${heapAfter.bytes} (${heapAfter.how})`);
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
    return isStopped();
  }, EPOCHS * 600_000, `${EPOCHS} epochs`);
  const seconds = (Date.now() - t0) / 1000;
  const finalTest = await num(page, 'test-nelbo');
  const tasks = await page.evaluate(() => window.__longtasks);
  const { longest, probes: probeTasks } = longestOutside(tasks, probes);
  if (probeTasks.length) console.log(`  long tasks while the bench measured the heap (forced GC, not counted): ${probeTasks.join(', ')} ms`);
  await context.close();
  return {
    backend, epochs: EPOCHS, seconds, finalTestNelbo: finalTest, secondsTo110: reached110, perEpoch, longestTaskMs: longest,
    longTasksMs: tasks.map((t) => Math.round(t[1])), probeLongTasksMs: probeTasks,
    datasetColdMs: coldMs, datasetWarmMs: warmMs, tensors: { before: memBefore, after: memAfter }, heap: { before: heapBefore, after: heapAfter },
  };
}

/** Return visits timed by warmStart; their median is the figure (BENCH_WARM_RUNS, 3). */
const WARM_RUNS = Math.max(1, Number(process.env.BENCH_WARM_RUNS ?? 3));

/**
 * Milliseconds from the Train click to the worker's first event of each kind that makes up a warm
 * start: the backend chosen, the dataset loaded, the run's first step (the e2e build's window.__vae).
 */
async function watchPhases(page) {
  await page.evaluate(() => {
    const w = window;
    w.__phases = {};
    w.__vae.client.subscribe((e) => {
      const name = e.type === 'progress' ? `progress:${e.task}` : e.type === 'status' ? `status:${e.state}` : e.type;
      w.__phases[name] ??= performance.now();
    });
  });
  const k0 = await page.evaluate(() => performance.now());
  return async () => {
    const phases = await page.evaluate(() => window.__phases);
    return Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v - k0)]).sort((a, b) => a[1] - b[1]));
  };
}

/**
 * Page load to first training step with Auto backend choice: a first visit (probe, dataset download),
 * then WARM_RUNS return visits in the same profile (dataset cached, probe verdict remembered), each
 * with its phases after the Train click.
 */
async function warmStart(browser) {
  const context = await browser.newContext();
  try {
    const first = await context.newPage();
    await asReturningVisitor(first);
    const c0 = Date.now();
    await first.goto(URL_);
    await first.getByRole('button', { name: 'Train', exact: true }).click();
    await waitFor(async () => (await num(first, 'step-count')) >= 1, 240_000, 'first visit: first step');
    const coldMs = Date.now() - c0;
    const coldBackend = (await first.getByTestId('backend-name').textContent())?.trim();
    await first.getByRole('button', { name: 'Pause', exact: true }).click();
    await first.waitForTimeout(1000);
    await first.close();
    const visits = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const page = await context.newPage();
      await asReturningVisitor(page);
      const t0 = Date.now();
      await page.goto(URL_);
      const loadedMs = Date.now() - t0;
      const phases = await watchPhases(page);
      const k0 = Date.now();
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await waitFor(async () => (await num(page, 'step-count')) >= 1, 240_000, 'return visit: first step');
      const warmMs = Date.now() - t0;
      const fromClickMs = Date.now() - k0;
      const note = (await page.getByTestId('backend-name').textContent())?.trim();
      visits.push({ warmFirstStepMs: warmMs, warmPageLoadMs: loadedMs, warmFromClickMs: fromClickMs, warmBackend: note, phases: await phases() });
      await page.getByRole('button', { name: 'Pause', exact: true }).click().catch(() => undefined);
      await page.waitForTimeout(500);
      await page.close();
    }
    const mid = [...visits].sort((a, b) => a.warmFirstStepMs - b.warmFirstStepMs)[visits.length >> 1];
    return { coldFirstStepMs: coldMs, coldBackend, ...mid, visits };
  } finally {
    await context.close();
  }
}

/** BENCH_ONLY=warm: the warm start alone (no PyTorch, speeds, 10-epoch run or Firefox). */
const WARM_ONLY = process.env.BENCH_ONLY === 'warm';

if (process.env.BENCH_SKIP_BUILD !== '1') {
  // --mode e2e keeps window.__vae (the worker's tensor count); the hooks cost nothing per step.
  const b = spawnSync('npm', ['run', 'build', '--', '--mode', 'e2e'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
let URL_ = '';
let failed = false;
try {
  URL_ = await startPreview(PORT, DIST, 30_000, 'bench');
  if (WARM_ONLY) {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const warm = await warmStart(browser);
    await browser.close();
    console.log(`warm start: first visit ${warm.coldFirstStepMs} ms (${warm.coldBackend}); return visits from navigation: ${warm.visits.map((v) => v.warmFirstStepMs).join(', ')} ms (median ${warm.warmFirstStepMs}; ${warm.warmBackend})`);
    for (const v of warm.visits) console.log(`  page ${v.warmPageLoadMs} ms, then from the Train click: ${Object.entries(v.phases).map(([k, ms]) => `${k} ${ms}`).join(', ')}; first step ${v.warmFromClickMs}`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/warm.json', JSON.stringify({ date: new Date().toISOString(), warmStart: warm }, null, 2));
    process.exit(0);
  }
  const torchPython = findTorchPython();
  const torchBefore = ONLY_START ? { skipped: 'BENCH_ONLY=start-trained' } : runPytorch(torchPython, TORCH_SECONDS);
  console.log(`PyTorch before: ${torchBefore.skipped ?? torchBefore.runs.map((r) => `${r.threads} thread${r.threads > 1 ? 's' : ''} ${r.imagesPerSec.toFixed(0)} images/s`).join(', ')}`);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const version = browser.version();
  const startTrained = await measureStartTrained(browser, URL_, DIST, START_PRESETS);
  for (const r of startTrained) {
    console.log(`start trained, ${r.preset} (${r.file}, ${r.bytes} bytes): cold ${r.coldMs} ms, warm cache ${r.warmMs} ms (model requests when warm: ${r.warmModelRequests}; test nELBO shown ${r.testNelboShown}, manifest ${r.manifestTestNelbo})`);
  }
  must(startTrained.every((r) => r.warmModelRequests === 0), 'a warm start trained without a download');
  if (ONLY_START) {
    await browser.close();
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/start-trained.json', JSON.stringify({ date: new Date().toISOString(), chromium: version, cpu: cpus()[0]?.model, cores: CORES, loadavg: loadavg(), startTrained }, null, 2));
    console.log('wrote bench-results/start-trained.json');
    process.exit(0);
  }
  const speeds = [];
  for (const architecture of ARCHS) {
    for (const b of BACKENDS) {
      for (const threads of b === 'wasm' ? THREADS : [null]) {
        try {
          const r = await measureBackend(browser, b, architecture, threads);
          speeds.push(r);
          console.log(`${architecture} on ${b}${b === 'wasm' ? ` (${r.threads} thread${r.threads === 1 ? '' : 's'})` : ''}: ${r.imagesPerSec.toFixed(0)} images/s (ran on ${r.used}; first step after ${r.firstStepMs} ms)`);
        } catch (e) {
          speeds.push({ backend: b, architecture, threads, error: String(e).split('\n')[0] });
          console.log(`${architecture} on ${b}: ${String(e).split('\n')[0]}`);
        }
      }
    }
  }
  must(speeds.some((s) => s.imagesPerSec && s.used === s.backend), 'images/s on any backend');
  let run = null;
  let best = null;
  if (!SKIP_RUN) {
    const ok = speeds.filter((s) => s.architecture === 'mlp' && s.imagesPerSec && s.used === s.backend);
    must(ok.length > 0, 'MLP images/s on any backend');
    best = ok.sort((a, b) => b.imagesPerSec - a.imagesPerSec)[0].backend;
    console.log(`\nTraining ${EPOCHS} epochs on ${best}…`);
    run = await fullRun(browser, best);
    must(run.finalTestNelbo !== null, 'the final test nELBO');
    must(Number.isFinite(run.tensors.after.numTensors) && Number.isFinite(run.longestTaskMs), 'tensor counts and the longest task');
  }
  const warm = process.env.BENCH_WARM === '0' ? null : await warmStart(browser).catch((e) => ({ error: String(e).split('\n')[0] }));
  if (warm) console.log(`warm start: ${warm.error ?? `first visit ${warm.coldFirstStepMs} ms to the first step (${warm.coldBackend}); return visit ${warm.warmFirstStepMs} ms from navigation (median of ${warm.visits.length}) (page ${warm.warmPageLoadMs} ms, then ${warm.warmFromClickMs} ms from the Train click; ${warm.warmBackend})`}`);
  const firefox = [];
  for (const architecture of FIREFOX_ARCHS) {
    const r = await measureFirefox(URL_, 'wasm', architecture, SECONDS_PER_BACKEND).catch((e) => ({ error: String(e).split('\n')[0] }));
    firefox.push({ architecture, ...r });
    console.log(`Firefox ${architecture} on wasm: ${r.skipped ?? r.error ?? `${r.imagesPerSec.toFixed(0)} images/s (${r.browser}; first step after ${r.firstStepMs} ms)`}`);
    if (r.skipped) break;
  }
  const torchAfter = runPytorch(torchPython, TORCH_SECONDS);
  console.log(`PyTorch after: ${torchAfter.skipped ?? torchAfter.runs.map((r) => `${r.threads} thread${r.threads > 1 ? 's' : ''} ${r.imagesPerSec.toFixed(0)} images/s`).join(', ')}`);
  const torchBest = [torchBefore, torchAfter].filter((t) => t.best).map((t) => t.best.imagesPerSec);
  const bestMlp = [...speeds, ...firefox].filter((s) => s.architecture === 'mlp' && s.imagesPerSec && s.used === s.backend).sort((a, b) => b.imagesPerSec - a.imagesPerSec)[0];
  const pytorch = torchBest.length
    ? {
        before: torchBefore, after: torchAfter,
        // Each is PyTorch's better thread count; their mean brackets the browser runs in time.
        imagesPerSec: torchBest.reduce((a, b) => a + b, 0) / torchBest.length,
      }
    : { skipped: torchBefore.skipped };
  if (pytorch.imagesPerSec && bestMlp) {
    pytorch.ratio = bestMlp.imagesPerSec / pytorch.imagesPerSec;
    console.log(`MLP VAE, best in the browser (${bestMlp.browser ?? 'Chromium'} ${bestMlp.backend}, ${bestMlp.imagesPerSec.toFixed(0)} images/s) / PyTorch CPU at its best thread count (${pytorch.imagesPerSec.toFixed(0)}): ${pytorch.ratio.toFixed(2)}×`);
  } else console.log(`PyTorch comparison: ${pytorch.skipped ?? 'no browser MLP figure'}`);
  await browser.close();
  // BENCH_CEILING=0 skips it (quick A/B runs of two builds).
  const ceiling =
    process.env.BENCH_CEILING === '0' ? { skipped: 'BENCH_CEILING=0' }
    : BACKENDS.includes('wasm') && THREADS.some((n) => n !== 1) ? await machineCeiling(ARCHS, SECONDS_PER_BACKEND)
    : { skipped: 'no threaded WASM figure' };
  const report = { date: new Date().toISOString(), pytorch, ceiling, firefox, warmStart: warm, startTrained, chromium: version, cpu: cpus()[0]?.model, cores: CORES, speeds, run };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', JSON.stringify(report, null, 2));
  console.log('\n| model | backend | threads | images/s (batch 128) | note |\n|---|---|---|---|---|');
  for (const s of speeds) {
    const note = s.error ?? s.lost ?? (s.used !== s.backend ? `fell back to ${s.used}` : `first step after ${s.firstStepMs} ms`);
    console.log(`| ${s.architecture} | ${s.backend} | ${s.backend === 'wasm' ? (s.threads ?? '—') : '—'} | ${s.imagesPerSec ? s.imagesPerSec.toFixed(0) : '—'} | ${note} |`);
  }
  // Thread scaling: each model's median WASM figure at its most threads over its median at one.
  const median = (xs) => {
    const v = [...xs].sort((a, b) => a - b);
    return v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  for (const architecture of ARCHS) {
    const wasm = speeds.filter((s) => s.architecture === architecture && s.backend === 'wasm' && s.used === 'wasm' && s.imagesPerSec);
    const at = (n) => wasm.filter((s) => s.threads === n).map((s) => s.imagesPerSec);
    const most = Math.max(0, ...wasm.map((s) => s.threads));
    if (most > 1 && at(1).length > 0) {
      console.log(`${architecture}: ${most} threads / 1 thread = ${(median(at(most)) / median(at(1))).toFixed(2)}× (medians of ${at(most).length} and ${at(1).length} runs)`);
    }
  }
  for (const [architecture, c] of Object.entries(ceiling.app ?? {})) {
    console.log(`${architecture}: machine ceiling ${c.skipped ?? `${c.ratio.toFixed(2)}× (the app's trainer in Node on one thread: ${c.alone.toFixed(0)} images/s alone, ${c.copies.map((x) => x.toFixed(0)).join(' + ')} as ${c.copies.length} copies at once)`}`);
  }
  if (ceiling.skipped) console.log(`machine ceiling: ${ceiling.skipped}`);
  if (run) {
    console.log(`\n${EPOCHS} epochs of the default MLP VAE on ${best}: ${run.seconds.toFixed(0)} s, final test nELBO ${run.finalTestNelbo}, ≤110 after ${run.secondsTo110 ?? '—'} s, longest main-thread task ${run.longestTaskMs.toFixed(0)} ms, dataset cold ${run.datasetColdMs} ms / warm ${run.datasetWarmMs} ms`);
    const { before, after } = run.heap;
    // measureUserAgentSpecificMemory can time out once and answer the next time: page-only against page + workers says nothing.
    const heap = before.how === after.how ? `${before.bytes} → ${after.bytes} bytes (${after.how})` : `not comparable (${before.how}, then ${after.how})`;
    console.log(`tensors over 1,000 steps: ${run.tensors.before.numTensors} → ${run.tensors.after.numTensors} (${run.tensors.before.numBytes} → ${run.tensors.after.numBytes} bytes); heap ${heap}`);
  }
  console.log('wrote bench-results/bench.json');
} catch (e) {
  console.error(String(e));
  failed = true;
}
// process.exit runs startPreview's exit hook, which stops the server.
process.exit(failed ? 1 : 0);

// `npm run profile`: a CPU profile of the trainer worker while it trains, to see where a step's time
// goes. Builds the app unminified (function names kept) into dist-profile, opens it in headless
// Chromium, trains on WASM and samples the worker through the DevTools protocol (puppeteer-core
// attaches to workers, Playwright does not). Writes bench-results/trainer.cpuprofile (open it in
// Chrome DevTools → Performance) and prints the functions with the most self time.
// PROFILE_ARCH=mlp|conv, PROFILE_THREADS=N (default: all cores), PROFILE_SECONDS (default 8),
// PROFILE_SKIP_BUILD=1 to reuse dist-profile.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { pageControls } from './bench/puppeteerPage.mjs';
import { CHROMIUM_ARGS, executablePath, RETURNING_VISITOR_KEYS, startPreview, waitFor } from './headless.mjs';

const ARCH = process.env.PROFILE_ARCH ?? 'mlp';
const THREADS = process.env.PROFILE_THREADS;
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8);
const DIST = 'dist-profile';

if (process.env.PROFILE_SKIP_BUILD !== '1') {
  const b = spawnSync('npx', ['vite', 'build', '--mode', 'e2e', '--minify', 'false', '--outDir', DIST], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
if (!executablePath) throw new Error('profile: needs Chromium (npm run browser, or CHROMIUM_PATH)');
const url = await startPreview(4391, DIST, 30_000, 'profile');
const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument((keys) => keys.forEach((k) => localStorage.setItem(k, '1')), RETURNING_VISITOR_KEYS);
  await page.goto(THREADS ? `${url}?threads=${THREADS}` : url);
  await page.waitForSelector('#backend-select');
  const { select, click, steps } = pageControls(page);
  await select('backend-select', 'wasm');
  if (ARCH === 'conv') await select('Architecture', 'conv');
  await click('Train');
  await waitFor(async () => (await steps()) >= 30, 120_000, 'step 30 (warm-up)', 'profile');
  const worker = page.workers().find((w) => w.url().includes('trainer.worker'));
  if (!worker) throw new Error('profile: the trainer worker was not found');
  const cdp = worker.client;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const s0 = await steps();
  const t0 = Date.now();
  await cdp.send('Profiler.start');
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const { profile } = await cdp.send('Profiler.stop');
  const rate = (((await steps()) - s0) * 128) / ((Date.now() - t0) / 1000);
  const threads = await page.evaluate(() => document.querySelector('[data-testid=backend-threads]')?.textContent?.trim());
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/trainer.cpuprofile', JSON.stringify(profile));
  console.log(`${ARCH} on WASM ${threads ?? ''}: ${rate.toFixed(0)} images/s while sampled (the profiler slows it); wrote bench-results/trainer.cpuprofile`);
  for (const [name, share] of selfTime(profile).slice(0, 25)) console.log(`${(100 * share).toFixed(1).padStart(5)} %  ${name}`);
} finally {
  await browser.close();
}
process.exit(0);

/** [function (file), share of samples] by self time, most first; WASM functions by module. */
function selfTime(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const totals = new Map();
  for (const [id, n] of counts) {
    const { functionName, url: file } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} (${file.split('/').pop() || 'native'})`;
    totals.set(key, (totals.get(key) ?? 0) + n);
  }
  return [...totals].map(([k, n]) => [k, n / profile.samples.length]).sort((a, b) => b[1] - a[1]);
}

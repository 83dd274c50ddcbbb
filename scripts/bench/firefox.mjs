// The app in Firefox, driven through puppeteer-core (WebDriver BiDi): images/s of the default MLP VAE
// on WASM. Playwright's Firefox needs its own build, which cannot be downloaded here; Debian's
// firefox-esr can (apt-get install -y firefox-esr).
import { existsSync } from 'node:fs';
import { RETURNING_VISITOR_KEYS, waitFor } from '../headless.mjs';
import { pageControls } from './puppeteerPage.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const poll = (fn, timeoutMs, what) => waitFor(fn, timeoutMs, what, 'bench (firefox)');

/** images/s of `architecture` on `backend` in Firefox, or { skipped } when Firefox is not installed. */
export async function measureFirefox(url, backend, architecture, seconds) {
  if (!existsSync(FIREFOX)) return { skipped: `Firefox is not installed (${FIREFOX}; apt-get install -y firefox-esr)` };
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    const version = await browser.version();
    const page = await browser.newPage();
    await page.goto(url);
    // As a returning visitor: a first visit would start training on its own.
    await page.evaluate((keys) => keys.forEach((k) => localStorage.setItem(k, '1')), RETURNING_VISITOR_KEYS);
    await page.goto(url);
    const { select, click, steps } = pageControls(page);
    await poll(() => page.evaluate(() => !!document.getElementById('backend-select')), 60_000, 'the page');
    await select('backend-select', backend);
    if (architecture === 'conv') await select('Architecture', 'conv');
    const t0 = Date.now();
    await click('Train');
    await poll(async () => (await steps()) >= 1, 240_000, 'the first step');
    const firstStepMs = Date.now() - t0;
    const warm = (await steps()) + 3;
    await poll(async () => (await steps()) >= warm, 240_000, 'warm-up');
    const start = await steps();
    const s0 = Date.now();
    await sleep(seconds * 1000);
    const n = (await steps()) - start;
    const elapsed = (Date.now() - s0) / 1000;
    const used = await page.evaluate(() => document.querySelector('[data-testid=backend-name]')?.textContent?.trim());
    await click('Pause');
    await sleep(500);
    return { browser: `Firefox ${version}`, backend, architecture, used, firstStepMs, steps: n, seconds: elapsed, imagesPerSec: (n * 128) / elapsed };
  } finally {
    await browser.close();
  }
}

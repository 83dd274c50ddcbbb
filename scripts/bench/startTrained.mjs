// "Start trained" timed in headless Chromium: from the click on a preset's "start trained" (on a
// page done loading) to the model paused at its step, first in a fresh profile (dataset and model
// downloaded), then again in a new tab of the same profile (warm: both from IndexedDB, the backend
// verdict remembered). The model file's requests are counted: the warm open must make none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asReturningVisitor, waitFor } from '../headless.mjs';

const stepOf = async (page) => Number((await page.getByTestId('step-count').textContent())?.trim() ?? NaN);
const pausedAt = async (page, step) => (await stepOf(page)) === step && /paused/i.test((await page.getByTestId('trainer-state').textContent()) ?? '');

async function openOnce(context, url, label, start) {
  const page = await context.newPage();
  await asReturningVisitor(page);
  const requests = [];
  page.on('request', (r) => r.url().endsWith(`/models/${start.file}`) && requests.push(r.url()));
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.getByRole('tab', { name: 'Runs' }).click();
  const button = page.getByRole('button', { name: `${label}: start trained` });
  await button.waitFor({ timeout: 60_000 });
  // Timed from a settled page, as a lecturer clicks: not against the page's own start-up work.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const t0 = Date.now();
  await button.click();
  await waitFor(() => pausedAt(page, start.step), 240_000, `${start.preset}: paused at step ${start.step}`);
  const ms = Date.now() - t0;
  const shown = (await page.getByTestId('test-nelbo').textContent())?.trim();
  await page.close();
  return { ms, modelRequests: requests.length, testNelboShown: shown };
}

/** Cold and warm "start trained" for each preset id (its button label is the preset's label). */
export async function measureStartTrained(browser, url, dist, presets) {
  const manifest = JSON.parse(readFileSync(join(dist, 'models', 'manifest.json'), 'utf8'));
  const out = [];
  for (const { id, label } of presets) {
    const start = manifest.models.find((m) => m.preset === id);
    if (!start) throw new Error(`bench: ${id} is not a shipped starting point`);
    const context = await browser.newContext();
    try {
      const cold = await openOnce(context, url, label, start);
      const warm = await openOnce(context, url, label, start);
      out.push({ preset: id, file: start.file, bytes: start.bytes, coldMs: cold.ms, warmMs: warm.ms, warmModelRequests: warm.modelRequests, testNelboShown: warm.testNelboShown, manifestTestNelbo: start.testNelbo });
    } finally {
      await context.close();
    }
  }
  return out;
}

import type { Page } from '@playwright/test';
import { test, expect, savedRuns, stepCount } from './fixtures';
import { backendName, errorArea, injectFault, killWorkerSilently, trainerState } from './pages/trainer';

// Faults the app survives in real Chromium. The rest are tested in Node (src/trainer/faults/) or
// elsewhere (README, "Faults survived"): a reload mid-epoch and a crashing trainer in runs.spec.ts.

/** Every cached dataset file: its name, and whether its bytes still hash to its key (SHA-256). */
async function cachedFiles(page: Page): Promise<{ name: string; intact: boolean }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('vae-playground');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    if (!db.objectStoreNames.contains('datasets')) return (db.close(), []);
    // The bytes are a Blob (src/data/cache.ts); entries from before were a Uint8Array.
    const all = await new Promise<{ sha256: string; name: string; blob?: Blob; bytes?: Uint8Array<ArrayBuffer> }[]>((resolve, reject) => {
      const r = db.transaction('datasets').objectStore('datasets').getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    const hex = async (b: Uint8Array<ArrayBuffer>) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b)), (x) => x.toString(16).padStart(2, '0')).join('');
    const bytes = async (f: (typeof all)[number]) => (f.blob ? new Uint8Array(await f.blob.arrayBuffer()) : f.bytes!);
    return Promise.all(all.map(async (f) => ({ name: f.name, intact: (await hex(await bytes(f))) === f.sha256 })));
  });
}

/** Flips one byte of a cached dataset file in place, as a damaged disk would. */
async function damage(page: Page, name: string): Promise<void> {
  await page.evaluate(async (fileName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('vae-playground');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    type Stored = { name: string; blob: Blob };
    const all = await new Promise<Stored[]>((resolve, reject) => {
      const r = db.transaction('datasets').objectStore('datasets').getAll();
      r.onsuccess = () => resolve(r.result as Stored[]);
      r.onerror = () => reject(r.error);
    });
    const f = all.find((x) => x.name === fileName);
    if (!f) throw new Error(`${fileName} is not cached`);
    const bytes = new Uint8Array(await f.blob.arrayBuffer());
    bytes[10] ^= 0xff;
    await new Promise<void>((resolve, reject) => {
      const t = db.transaction('datasets', 'readwrite');
      // The seal stays as written: the bytes changed under it, as on a damaged disk.
      t.objectStore('datasets').put({ ...f, blob: new Blob([bytes]) });
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
    });
    db.close();
  }, name);
}

/** Trains until a checkpoint beyond step 0 is saved; returns its step. */
async function trainUntilSaved(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => (await savedRuns(page))[0]?.step ?? 0, { timeout: 120_000 }).toBeGreaterThan(5);
  return (await savedRuns(page))[0].step;
}

test('a worker terminated mid-step is noticed by its silence, replaced, and the run goes on from its checkpoint', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByLabel('Hidden widths').fill('64');
  await trainUntilSaved(page);
  const [before] = await savedRuns(page);
  await killWorkerSilently(page);
  const killedAt = await stepCount(page);

  await expect(errorArea(page)).toContainText('The trainer stopped answering', { timeout: 60_000 });
  await expect(errorArea(page)).toContainText('the run continues from its last checkpoint');
  // Resumed, not restarted: the status names the run and its checkpoint step, and it trains on.
  await expect(trainerState(page)).toHaveText(/training/i, { timeout: 60_000 });
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThan(killedAt + 5);
  const after = await savedRuns(page);
  expect(after.map((r) => r.id)).toEqual([before.id]);
  await expect.poll(async () => (await savedRuns(page))[0].step, { timeout: 60_000 }).toBeGreaterThan(killedAt);
  await expect(page.getByTestId('resume-banner')).toHaveCount(0);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('a lost GPU device: the app falls back to the next backend and resumes from the last checkpoint', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByLabel('Hidden widths').fill('64');
  // WebGL where this browser has it (software WebGL still has a context to lose); the hook simulates the loss on WASM/CPU.
  await page.getByLabel('Backend').selectOption('webgl');
  const saved = await trainUntilSaved(page);
  const lost = ((await backendName(page).textContent()) ?? '').trim();
  const next = { webgpu: 'webgl', webgl: 'wasm', wasm: 'cpu', cpu: 'cpu' }[lost];
  expect(next, `backend in use: "${lost}"`).toBeTruthy();
  test.info().annotations.push({ type: 'device lost', description: `${lost} → ${next}` });
  const [run] = await savedRuns(page);

  await injectFault(page, { type: 'loseDevice' });
  await expect(errorArea(page)).toContainText(`The ${lost} device was lost`, { timeout: 60_000 });
  await expect(errorArea(page)).toContainText(`switches to ${next} and continues from the last checkpoint`);
  await expect(backendName(page)).toHaveText(new RegExp(`^\\s*${next}`), { timeout: 120_000 });
  await expect(page.getByLabel('Backend')).toHaveValue(next!);
  await expect(trainerState(page)).toHaveText(/training/i, { timeout: 120_000 });
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThan(saved + 2);
  // The same run, continued (not a new one from step 0).
  await expect.poll(async () => (await savedRuns(page)).map((r) => r.id), { timeout: 60_000 }).toEqual([run.id]);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('a device lost before any checkpoint was written: training starts again on the next backend instead of stalling', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByLabel('Hidden widths').fill('64');
  await page.getByLabel('Backend').selectOption('wasm');
  // No checkpoint can land, so the lost run leaves nothing to resume from.
  await injectFault(page, { type: 'failStorage', fail: true });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThan(5);
  expect((await savedRuns(page)).filter((r) => r.step > 0)).toEqual([]);

  await injectFault(page, { type: 'loseDevice' });
  await expect(errorArea(page)).toContainText('The wasm device was lost', { timeout: 60_000 });
  await expect(errorArea(page)).toContainText('or starts again, if none was saved yet');
  await expect(backendName(page)).toHaveText(/^\s*cpu/, { timeout: 120_000 });
  await expect(trainerState(page)).toHaveText(/training/i);
  const from = await stepCount(page);
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThan(from + 2);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

/** The saved run's step and a hash of its checkpoint's weights, read from IndexedDB in the page. */
async function checkpoint(page: Page): Promise<{ step: number; weights: string } | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('vae-playground');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const get = (key: IDBValidKey | IDBKeyRange) =>
      new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction('checkpoints').objectStore('checkpoints').getAll(key);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const [run] = (await get(IDBKeyRange.bound('run/', 'run/\uffff'))) as { id: string; step: number }[];
    if (!run) return (db.close(), null);
    const [rec] = (await get(`state/${run.id}`)) as { state: { weights: { data: ArrayBuffer }; progress: { step: number } } }[];
    db.close();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', rec.state.weights.data));
    // The summary and the weights must describe the same step: a torn write would break that.
    if (rec.state.progress.step !== run.step) throw new Error(`summary at step ${run.step}, weights at ${rec.state.progress.step}`);
    return { step: run.step, weights: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') };
  });
}

test('IndexedDB full mid-write: the previous checkpoint and the datasets stay whole, a message says so, training goes on', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByLabel('Hidden widths').fill('64');
  await trainUntilSaved(page);
  await injectFault(page, { type: 'failStorage', fail: true });
  const errors = errorArea(page);
  await expect(errors).toContainText('Could not save a checkpoint at step', { timeout: 60_000 });
  await expect(errors).toContainText('this browser’s storage for the site is full. Training goes on and the checkpoint from step');
  const kept = await checkpoint(page);
  const stepAtFailure = await stepCount(page);
  // Training goes on through several more autosaves (every 3 s), none of which lands.
  await expect(trainerState(page)).toHaveText(/training/i);
  await page.waitForTimeout(8000);
  expect(await stepCount(page)).toBeGreaterThan(stepAtFailure + 10);
  expect(await checkpoint(page)).toEqual(kept);
  await expect(errors.locator('.error-item')).toHaveCount(1); // said once, not once per autosave
  await expect(errors).toContainText(`the checkpoint from step ${kept!.step} is kept`);
  const files = (await cachedFiles(page)).filter((f) => f.name.startsWith('mnist/'));
  expect(files).toHaveLength(4);
  expect(files.every((f) => f.intact)).toBe(true);

  // Space again: the next autosave lands.
  await injectFault(page, { type: 'failStorage', fail: false });
  await expect.poll(async () => (await checkpoint(page))?.step ?? 0, { timeout: 60_000 }).toBeGreaterThan(stepAtFailure + 10);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('a cached dataset file damaged in IndexedDB is caught by its hash, downloaded again, and the page says so', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(1);
  await expect.poll(async () => (await cachedFiles(page)).filter((f) => f.name.startsWith('mnist/')).length).toBe(4);

  await damage(page, 'mnist/test-labels.u8gz');
  expect((await cachedFiles(page)).find((f) => f.name === 'mnist/test-labels.u8gz')?.intact).toBe(false);
  await page.reload();
  let refetched = 0;
  page.on('request', (r) => void (r.url().endsWith('mnist/test-labels.u8gz') && refetched++));
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(1);
  await expect(page.locator('.dataset-warning')).toContainText(
    'The copy of MNIST cached in this browser was damaged (mnist/test-labels.u8gz no longer matched its SHA-256), so it was downloaded again.',
  );
  expect(refetched).toBe(1);
  const files = (await cachedFiles(page)).filter((f) => f.name.startsWith('mnist/'));
  expect(files).toHaveLength(4);
  expect(files.every((f) => f.intact)).toBe(true);
});

test('the network drops during a dataset download: a retry is offered, nothing half-cached, and the retry succeeds', async ({ page, consoleErrors }) => {
  void consoleErrors;
  // The connection breaks after the first file (train images, 9.6 MB) arrived whole.
  const drop = (r: import('@playwright/test').Route) => r.abort('internetdisconnected');
  await page.context().route('**/datasets/mnist/train-labels.u8gz', drop);
  await page.goto('/');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const errors = errorArea(page);
  await expect(errors).toContainText('Could not download mnist/train-labels.u8gz', { timeout: 120_000 });
  await expect(errors).toContainText('Check the connection and try again');
  const retry = page.getByRole('button', { name: 'Retry the download' });
  await expect(retry).toBeVisible();
  await expect(trainerState(page)).toHaveText(/idle/i);
  // Only whole, verified files are kept (so the retry resumes); the broken one is not there at all.
  const kept = await cachedFiles(page);
  expect(kept.every((f) => f.intact)).toBe(true);
  expect(kept.map((f) => f.name)).not.toContain('mnist/train-labels.u8gz');
  expect(kept.map((f) => f.name).filter((n) => n.startsWith('mnist/'))).toEqual(['mnist/train-images.u8gz']);

  // Still offline: the retry fails the same way and offers itself again.
  await retry.click();
  await expect(errors).toContainText('Could not download mnist/train-labels.u8gz');
  await expect(page.getByRole('button', { name: 'Retry the download' })).toHaveCount(1);

  // Back online.
  await page.context().unroute('**/datasets/mnist/train-labels.u8gz', drop);
  await page.getByRole('button', { name: 'Retry the download' }).click();
  await expect(trainerState(page)).toHaveText(/training/i, { timeout: 120_000 });
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThan(2);
  await expect(errors).toBeHidden();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const files = (await cachedFiles(page)).filter((f) => f.name.startsWith('mnist/'));
  expect(files.map((f) => f.name).sort()).toEqual(['mnist/test-images.u8gz', 'mnist/test-labels.u8gz', 'mnist/train-images.u8gz', 'mnist/train-labels.u8gz']);
  expect(files.every((f) => f.intact)).toBe(true);
});

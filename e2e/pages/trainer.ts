import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The trainer as the specs see it: the state line, the error area, the backend in use, the
 * test hooks of a test build (fault injection through window.__vae; see src/protocol/debug.ts),
 * and a run's round trip through a model file (export, storage wiped, import).
 */
export const trainerState = (page: Page): Locator => page.getByTestId('trainer-state');
export const errorArea = (page: Page): Locator => page.getByTestId('error-area');
export const backendName = (page: Page): Locator => page.getByTestId('backend-name');

type DebugCommand = { type: 'crash' } | { type: 'loseDevice' } | { type: 'failStorage'; fail: boolean };
type TestHandle = { __vae: { client: { debug(c: DebugCommand): void; killWorkerSilently(): void } } };

/** Sends a fault to the worker: a crash, a lost GPU device, or failing checkpoint writes. */
export function injectFault(page: Page, cmd: DebugCommand): Promise<void> {
  return page.evaluate((c) => (window as unknown as TestHandle).__vae.client.debug(c), cmd);
}

/** Terminates the worker behind the client's back, as a browser may; the heartbeat must notice. */
export function killWorkerSilently(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as TestHandle).__vae.client.killWorkerSilently());
}

/** Reset as a person does: the button, then "Reset" in the question a run with steps asks first. */
export async function resetRun(page: Page): Promise<void> {
  const hadSteps = Number(await page.getByTestId('step-count').textContent()) > 0;
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  if (hadSteps) await page.getByRole('dialog', { name: 'Reset the model?' }).getByRole('button', { name: 'Reset' }).click();
}

/** Trains until at least `steps` steps, then pauses and waits for the pause to land. */
export async function trainThenPause(page: Page, steps: number): Promise<number> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('step-count').textContent()), { timeout: 120_000 }).toBeGreaterThanOrEqual(steps);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
  return Number(await page.getByTestId('step-count').textContent());
}

/** Exports the one saved run (the Runs view lists only it) as a model file; returns the downloaded file's path. */
export async function exportModel(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Runs' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export .* as a model file$/ }).click();
  return (await download).path();
}

/** Clears this site's runs (the worker's connection steps aside for the deletion), reloads, opens the Runs view. */
export async function wipeStorage(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase('vae-playground');
        r.onsuccess = () => resolve();
        r.onerror = r.onblocked = () => reject(new Error('could not delete the database'));
      }),
  );
  await page.reload();
  await page.getByRole('tab', { name: 'Runs' }).click();
}

/** Imports a model file from the Runs view: the app goes to the Train view with the model loaded, paused. */
export async function importModel(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import a model file (.json)').setInputFiles(file);
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  await expect(trainerState(page)).toHaveText(/paused/i, { timeout: 60_000 });
}

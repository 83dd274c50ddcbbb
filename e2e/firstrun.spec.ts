import { test, expect, stepCount } from './fixtures';
import { trainerState } from './pages/trainer';

// A browser that has never seen the app: nothing in localStorage or IndexedDB.
test.use({ firstRunDone: false });

test('a first visit trains on its own with a welcome note; dismissed, the note stays away', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  const note = page.getByTestId('welcome-note');
  await expect(note).toBeVisible();
  await expect(note).toContainText('Training a VAE on MNIST');
  // Something alive without a click: the step counter rises.
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const first = await stepCount(page);
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(first);

  await note.getByRole('button', { name: 'Dismiss the welcome note' }).click();
  await expect(note).toHaveCount(0);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);

  // A returning visitor: no note, and training waits for a click (an unfinished run is offered instead).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'VAE Playground' })).toBeVisible();
  await expect(page.locator('[data-resume-checked=true]')).toHaveCount(1, { timeout: 60_000 });
  await page.waitForTimeout(2000);
  await expect(page.getByTestId('welcome-note')).toHaveCount(0);
  expect(await stepCount(page)).toBe(0);
  await expect(trainerState(page)).not.toHaveText(/training/i);
});

test('a first visit through a shared link does not start training on its own', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  // A fresh browser (no visit remembered) opening a link to an experiment: the link's config is
  // what the person came for, so nothing starts before they press Train.
  const fresh = await page.context().browser()!.newContext();
  const linked = await fresh.newPage();
  await linked.goto(`${page.url().split('#')[0]}#latentDim=2&hidden=64`);
  await expect(linked.getByLabel('Latent dimension', { exact: true })).toHaveValue('2');
  await expect(linked.locator('[data-resume-checked=true]')).toHaveCount(1, { timeout: 60_000 });
  await linked.waitForTimeout(3000);
  expect(Number(await linked.getByTestId('step-count').textContent())).toBe(0);
  await expect(linked.getByTestId('welcome-note')).toContainText('Press Train (or Space) to train a VAE');
  await expect(trainerState(linked)).not.toHaveText(/training/i);
  expect(Number(await linked.getByTestId('step-count').textContent())).toBe(0);
  await fresh.close();
});

import { test, expect, stepCount, curveY, canvasInk } from './fixtures';
import { errorArea, trainerState } from './pages/trainer';

/** Trace 4 of the curves chart: the objective's loss, drawn where it differs from the nELBO. */
const LOSS_TRACE = 4;

test('a conv β-VAE with a Beta likelihood trains, draws, and shows its size', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');

  // Fields appear only for the configs that use them.
  await expect(page.getByLabel('β', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Conv channels')).toHaveCount(0);
  await expect(page.getByTestId('likelihood-note')).toHaveCount(0);

  await page.getByLabel('Architecture').selectOption('conv');
  await expect(page.getByLabel('Conv channels')).toBeVisible();
  await expect(page.getByLabel('Hidden widths')).toHaveCount(0);
  await page.getByLabel('Likelihood p(x|z)').selectOption('beta');
  await expect(page.getByTestId('likelihood-note')).toBeVisible();
  await expect(page.getByTestId('likelihood-note')).toContainText('not comparable with Bernoulli');
  await page.getByLabel('Objective').selectOption('beta-vae');
  await page.getByLabel('β', { exact: true }).fill('2');
  await page.getByLabel('Batch size').fill('32');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('param-count')).toHaveText(/Parameters: \d{1,3}(,\d{3})*$/);

  await page.getByRole('button', { name: 'Train', exact: true }).click();

  // Curve points appear and keep coming.
  await expect.poll(async () => (await curveY(page)).length, { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
  const seen = (await curveY(page)).length;
  await expect.poll(async () => (await curveY(page)).length, { timeout: 120_000 }).toBeGreaterThan(seen);
  // β = 2 makes the minimised loss (recon + 2·KL) part from the nELBO, so it gets its own line.
  await expect.poll(async () => (await curveY(page, LOSS_TRACE)).length, { timeout: 60_000 }).toBeGreaterThan(0);

  for (const id of ['recon-grid', 'sample-grid']) {
    await expect.poll(async () => (await canvasInk(page, id)).distinct, { timeout: 60_000 }).toBeGreaterThan(10);
  }
  await expect(page.getByTestId('likelihood-note')).toBeVisible();

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
  expect(await stepCount(page)).toBeGreaterThan(0);
});

test('a bad value is named and refused; training runs on the last valid config', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  const latent = page.getByLabel('Latent dimension');
  const lr = page.getByLabel('Learning rate');
  await expect(page.getByLabel('Batch size')).toHaveAccessibleDescription(/Images per step/);
  await page.getByLabel('Batch size').fill('32');

  await latent.fill('0');
  await expect(page.getByRole('alert').filter({ hasText: 'Latent dimension' })).toBeVisible();
  await expect(latent).toHaveAttribute('aria-invalid', 'true');
  await expect(latent).toHaveAccessibleDescription(/Latent dimension must be/);
  await lr.fill('abc');
  await expect(page.getByRole('alert').filter({ hasText: 'Learning rate' })).toBeVisible();
  // The config in effect is still the default 784-400-20 model.
  await expect(page.getByTestId('param-count')).toHaveText('Parameters: 652,824');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => (await curveY(page)).length, { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
  await expect(errorArea(page)).not.toContainText(/Latent dimension|Learning rate/);

  // A model change during a run waits for Reset, and says so beside the field.
  await expect(page.getByText('takes effect after Reset')).toHaveCount(0);
  await latent.fill('8');
  await expect(page.getByRole('alert').filter({ hasText: 'Latent dimension' })).toHaveCount(0);
  await expect(page.getByText('takes effect after Reset')).toBeVisible();
  await expect(page.getByTestId('param-count')).toHaveText('Parameters: 638,400');

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);
});

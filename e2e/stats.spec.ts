import { test, expect, stepCount, canvasInk } from './fixtures';
import type { Page } from '@playwright/test';
import { trainerState } from './pages/trainer';

/** The y values of one trace of a plotly chart in the Statistics tab. */
async function chartY(page: Page, testId: string, trace: number): Promise<number[]> {
  return page.evaluate(
    ([id, i]) => {
      const el = document.querySelector(`[data-testid=${id}] .js-plotly-plot`) as (HTMLElement & { data?: { y: number[] }[] }) | null;
      return el?.data?.[i as number]?.y ? Array.from(el.data[i as number].y) : [];
    },
    [testId, trace] as const,
  );
}

const nats = (text: string | null) => Number((text ?? '').split('±')[0].trim().replace('−', '-'));

test('statistics of a briefly trained model: GMM on latents, probes, IWAE bound', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThan(150);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);

  await page.getByRole('tab', { name: 'Statistics' }).click();

  // GMM with k = 10 on 2,000 latent means: a rising EM curve, 100 decoded samples, NMI.
  const gmm = page.getByRole('region', { name: 'Gaussian mixture (EM)' });
  await gmm.getByLabel('Components k').fill('10');
  await gmm.getByLabel('Training images').fill('2000');
  await gmm.getByLabel('Max iterations').fill('30');
  await gmm.getByRole('button', { name: 'Fit GMM' }).click();
  await expect(page.getByTestId('gmm-iterations')).toHaveText(/(converged after|stopped at the cap of) \d+ iterations/, { timeout: 120_000 });
  const ll = await chartY(page, 'gmm-chart', 0);
  expect(ll.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < ll.length; i++) expect(ll[i]).toBeGreaterThanOrEqual(ll[i - 1] - 1e-6);
  for (const id of ['gmm-sample-grid', 'gmm-prior-grid']) {
    await expect.poll(async () => (await canvasInk(page, id)).distinct).toBeGreaterThan(10);
  }
  const nmi = Number(await page.getByTestId('gmm-nmi').textContent());
  expect(nmi).toBeGreaterThan(0);
  expect(nmi).toBeLessThanOrEqual(1);

  // Probes on latents and pixels: both accuracy curves fill in, final accuracies side by side.
  const probe = page.getByRole('region', { name: 'Classifier probes' });
  await probe.getByLabel('Training images').fill('2000');
  await probe.getByLabel('Validation images').fill('500');
  await probe.getByLabel('Epochs').fill('2');
  await probe.getByRole('button', { name: 'Train probes' }).click();
  await expect(page.getByTestId('probe-accuracy-pixels')).toHaveText(/^\d+\.\d%$/, { timeout: 120_000 });
  await expect(page.getByTestId('probe-accuracy-latent')).toHaveText(/^\d+\.\d%$/);
  for (const trace of [0, 1]) {
    const acc = await chartY(page, 'probe-accuracy-chart', trace);
    expect(acc.length).toBeGreaterThanOrEqual(4);
    // Well above chance (10%) on MNIST, even for a briefly trained encoder.
    expect(acc.at(-1)!).toBeGreaterThan(0.3);
  }
  expect((await chartY(page, 'probe-loss-chart', 0)).length).toBeGreaterThanOrEqual(4);

  // IWAE with k = 50 on 20 test images, beside the ELBO of the same samples.
  const iwae = page.getByRole('region', { name: 'Log-likelihood (importance-weighted)' });
  await iwae.getByLabel('Images').fill('20');
  await iwae.getByLabel('Importance samples k').fill('50');
  await iwae.getByRole('button', { name: 'Estimate', exact: true }).click();
  const pattern = /^-?\d+\.\d\d ± \d+\.\d\d$/;
  await expect(page.getByTestId('iwae-estimate')).toHaveText(pattern, { timeout: 120_000 });
  await expect(page.getByTestId('iwae-elbo')).toHaveText(pattern);
  const bound = nats(await page.getByTestId('iwae-estimate').textContent());
  const elbo = nats(await page.getByTestId('iwae-elbo').textContent());
  expect(bound).toBeLessThan(0);
  expect(bound).toBeGreaterThanOrEqual(elbo);

  // A long estimate can be cancelled; a bad field is named and blocks the run.
  await iwae.getByLabel('Importance samples k').fill('5000');
  await iwae.getByLabel('Images').fill('1000');
  await iwae.getByRole('button', { name: 'Estimate', exact: true }).click();
  await expect(page.getByTestId('iwae-progress')).toBeVisible();
  await iwae.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('iwae-error')).toHaveText('Cancelled.');
  await iwae.getByLabel('Importance samples k').fill('6000');
  await expect(iwae.getByRole('alert')).toHaveText(/Importance samples k must be a whole number from 1 to 5,000/);
  await expect(iwae.getByRole('button', { name: 'Estimate', exact: true })).toBeDisabled();
});

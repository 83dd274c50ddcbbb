import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { shotPath } from './shots';

const laneStep = (page: Page, lane: 0 | 1) => page.getByTestId(`race-step-${lane}`).getAttribute('data-step').then(Number);
const lanes = [0, 1] as const;
const shot = (page: Page, name: string, readme = false) => page.screenshot({ path: shotPath(test.info(), name, readme), animations: 'disabled', caret: 'hide' });

/** Both lanes past `steps` steps (each its own worker, so each count must move). */
async function bothPast(page: Page, steps: number): Promise<void> {
  for (const lane of lanes) await expect.poll(() => laneStep(page, lane), { timeout: 120_000 }).toBeGreaterThan(steps);
}

test('a race of two presets trains both side by side, pauses and resumes together, scrubs both, reopens after a reload, and races two ticked runs', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => localStorage.setItem('vae-playground:display', JSON.stringify({ presenter: true, theme: 'light' })));
  await page.goto('/');
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.locator('button[data-race-group="seed004-latent"]').click();
  await expect(page.getByRole('tab', { name: 'Race' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('race-lane-0')).toContainText('Latent 2 — report 004');
  await expect(page.getByTestId('race-lane-1')).toContainText('Latent 20 — report 004');
  // The one setting that differs is named under each run, with its own value.
  await expect(page.getByTestId('race-lane-0').locator('mark')).toHaveText('2');
  await expect(page.getByTestId('race-lane-1').locator('mark')).toHaveText('20');
  await bothPast(page, 20);
  for (const lane of lanes) {
    await expect(page.getByTestId(`race-recon-${lane}`).locator('..')).toHaveAttribute('data-empty', 'false', { timeout: 30_000 });
    await expect(page.getByTestId(`race-samples-${lane}`).locator('..')).toHaveAttribute('data-empty', 'false');
  }
  await expect(page.getByTestId('timeline-range')).toBeVisible({ timeout: 30_000 });
  await shot(page, 'race-1280-presenter-training.png');
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(page, 'race-1024-presenter.png');
  await page.setViewportSize({ width: 1280, height: 720 });

  // The Train view shows the left run as ever, while the second goes on in its own worker.
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  const trainStep = () => page.getByTestId('step-count').textContent().then(Number);
  const [inTrain, inLane] = [await trainStep(), await laneStep(page, 1)];
  await expect.poll(trainStep, { timeout: 30_000 }).toBeGreaterThan(inTrain + 10);
  await expect(page.getByTestId('curves')).toHaveAttribute('data-empty', 'false');
  await page.getByRole('tab', { name: 'Race' }).click();
  await expect.poll(() => laneStep(page, 1), { timeout: 30_000 }).toBeGreaterThan(inLane + 10);

  // The run bar's Pause is the Train view run's; the second run pauses with it.
  await bothPast(page, 100);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  for (const lane of lanes) await expect(page.getByTestId(`race-lane-${lane}`)).toContainText('paused', { timeout: 30_000 });
  for (const lane of lanes) await expect(page.getByTestId(`race-scatter-${lane}`)).not.toHaveAttribute('data-step', '', { timeout: 30_000 });
  await shot(page, 'screenshot-presenter-1280-race.png', true);
  const { violations } = await new AxeBuilder({ page }).include('.race-panel').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // One scrubber moves both runs to the same early moment: each lane redraws from its snapshot.
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, 'race-1366.png');
  const pixels = (lane: 0 | 1) => page.getByTestId(`race-recon-${lane}`).evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  const live = [await pixels(0), await pixels(1)];
  await page.getByTestId('timeline-range').focus();
  await page.keyboard.press('Home');
  for (const lane of lanes) await expect(page.getByTestId(`race-lane-${lane}`)).toHaveAttribute('data-moment', '0');
  await page.keyboard.press('ArrowRight');
  for (const lane of lanes) {
    await expect(page.getByTestId(`race-lane-${lane}`)).toHaveAttribute('data-moment', '10');
    await expect(page.getByTestId(`race-moment-${lane}`)).toHaveText(/^At step 10 · epoch 0 \(timeline\), test nELBO \d/);
    await expect(page.getByTestId(`race-step-${lane}`)).toHaveText(/^now step [\d,]+$/);
    await expect.poll(() => pixels(lane)).not.toBe(live[lane]);
  }
  await shot(page, 'race-1366-scrubbed.png');
  await page.getByTestId('timeline-live').click();
  for (const lane of lanes) await expect(page.getByTestId(`race-lane-${lane}`)).toHaveAttribute('data-moment', 'live');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'race-390.png');
  await page.screenshot({ path: shotPath(test.info(), 'race-390-full.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  // Train both resumes both; then a reload loses neither run: the race reopens where it stood.
  const before = [await laneStep(page, 0), await laneStep(page, 1)];
  await page.getByTestId('race-train').click();
  for (const lane of lanes) await expect.poll(() => laneStep(page, lane), { timeout: 60_000 }).toBeGreaterThan(before[lane] + 10);
  await page.getByTestId('race-pause').click();
  for (const lane of lanes) await expect(page.getByTestId(`race-lane-${lane}`)).toContainText('paused', { timeout: 30_000 });
  const paused = [await laneStep(page, 0), await laneStep(page, 1)];
  // Each lane says when its pause's checkpoint is written; from then on a reload loses nothing.
  for (const lane of lanes) await expect(page.getByTestId(`race-state-${lane}`)).toHaveText('paused · saved', { timeout: 30_000 });
  await page.reload();
  await page.getByRole('tab', { name: 'Race' }).click();
  await page.getByTestId('race-reopen').click();
  for (const lane of lanes) await expect.poll(() => laneStep(page, lane), { timeout: 60_000 }).toBe(paused[lane]);
  for (const lane of lanes) await expect(page.getByTestId(`race-lane-${lane}`)).toContainText('paused');

  // Ended, the two runs are in Runs; ticking both races them again from where they stand.
  await page.getByRole('button', { name: 'End race' }).click();
  await expect(page.getByTestId('race-reopen')).toBeVisible();
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('checkbox', { name: 'Compare Latent 2 — report 004' }).check();
  await page.getByRole('checkbox', { name: 'Compare Latent 20 — report 004' }).check();
  await page.getByTestId('race-ticked').click();
  await expect(page.getByRole('tab', { name: 'Race' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('race-lane-1')).toContainText('Latent 20 — report 004');
  for (const lane of lanes) await expect.poll(() => laneStep(page, lane), { timeout: 60_000 }).toBeGreaterThan(paused[lane]);
});

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { shotPath } from './shots';

const laneStep = (page: Page, lane: 0 | 1) => page.getByTestId(`race-step-${lane}`).getAttribute('data-step').then(Number);

test('a race of two presets trains both side by side, the run bar pauses both, and one scrubber moves both', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => localStorage.setItem('vae-playground:display', JSON.stringify({ presenter: true, theme: 'light' })));
  await page.goto('/');
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.locator('button[data-race-group="seed004-latent"]').click();
  await expect(page.getByRole('tab', { name: 'Race' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('race-lane-0')).toContainText('Latent 2 — report 004');
  await expect(page.getByTestId('race-lane-1')).toContainText('Latent 20 — report 004');
  for (const lane of [0, 1] as const) await expect.poll(() => laneStep(page, lane), { timeout: 120_000 }).toBeGreaterThan(20);
  for (const lane of [0, 1] as const) {
    await expect(page.getByTestId(`race-recon-${lane}`).locator('..')).toHaveAttribute('data-empty', 'false', { timeout: 30_000 });
    await expect(page.getByTestId(`race-samples-${lane}`).locator('..')).toHaveAttribute('data-empty', 'false');
  }
  await page.screenshot({ path: shotPath(info, 'race-1280-presenter.png') });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: shotPath(info, 'race-1024-presenter.png') });
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: shotPath(info, 'race-1366.png') });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('race-lane-1')).toContainText('paused', { timeout: 30_000 });
  await expect(page.getByTestId('race-lane-0')).toContainText('paused');

  // One scrubber moves both runs to the same early moment: each lane redraws from its snapshot.
  const pixels = (lane: 0 | 1) => page.getByTestId(`race-recon-${lane}`).evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  const live = [await pixels(0), await pixels(1)];
  const range = page.getByTestId('timeline-range');
  await range.focus();
  await page.keyboard.press('Home');
  for (const lane of [0, 1] as const) await expect(page.getByTestId(`race-lane-${lane}`)).toHaveAttribute('data-moment', '0');
  await page.keyboard.press('ArrowRight');
  for (const lane of [0, 1] as const) {
    await expect(page.getByTestId(`race-lane-${lane}`)).toHaveAttribute('data-moment', '10');
    await expect(page.getByTestId(`race-moment-${lane}`)).toContainText('step 10');
    await expect.poll(() => pixels(lane)).not.toBe(live[lane]);
  }
  await page.screenshot({ path: shotPath(info, 'race-1366-scrubbed.png') });
  await page.getByTestId('timeline-live').click();
  for (const lane of [0, 1] as const) await expect(page.getByTestId(`race-lane-${lane}`)).toHaveAttribute('data-moment', 'live');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shotPath(info, 'race-390.png') });
  await page.screenshot({ path: shotPath(info, 'race-390-full.png'), fullPage: true });
});

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { shotPath } from './shots';

/** A returning visitor: the first-visit auto-start would otherwise train on its own. */
async function returning(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('vae-playground:visited', '1'));
}

const bar = (page: Page) => page.getByTestId('lesson-bar');

/** Waits for the lesson's current step to finish its preset, training and figure. */
async function stepDone(page: Page, index: number): Promise<void> {
  await expect(bar(page)).toHaveAttribute('data-step', String(index));
  await expect(bar(page)).toHaveAttribute('data-phase', 'done', { timeout: 180_000 });
  await expect(page.getByTestId('lesson-status').locator('.field-error')).toHaveCount(0);
}

/** → with the focus on the page itself, not in a field or the tab list. */
async function arrow(page: Page, key: 'ArrowRight' | 'ArrowLeft'): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

test('collapse lesson: opens by link, trains its first step, → asks first and checks the answer against the live active-units count', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  await returning(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/#lesson=collapse-beta');
  await expect(bar(page)).toContainText('Posterior collapse and β');
  await expect(bar(page)).toHaveAttribute('data-phase', 'running');
  await stepDone(page, 0);
  // The step trained to 300 and paused there.
  await expect(page.getByTestId('trainer-state')).toHaveText(/paused/i);
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');

  await arrow(page, 'ArrowRight');
  await expect(bar(page)).toHaveAttribute('data-step', '1');
  await expect(bar(page)).toHaveAttribute('data-phase', 'asking');
  await expect(page.getByRole('tab', { name: 'Explore' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel(/Predict first/).fill('6');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await stepDone(page, 1);
  const outcome = page.getByTestId('lesson-outcome');
  await expect(outcome).toContainText('You said 6');
  const figure = Number(await outcome.getAttribute('data-figure'));
  // The lesson's figure is the Collapse panel's own count of the same model.
  await expect(page.getByTestId('active-units')).toContainText(`${figure} of 12`);
  expect(await outcome.getAttribute('data-right')).toBe(String(Math.abs(6 - figure) <= 2));
  await page.screenshot({ path: shotPath(info, 'lesson-1366.png') });

  // ← goes back without training again; the arrow keys of the tab list stay the tabs'.
  await arrow(page, 'ArrowLeft');
  await expect(bar(page)).toHaveAttribute('data-step', '0');
  await expect(bar(page)).toHaveAttribute('data-phase', 'done');
  await page.getByRole('tab', { name: 'Train' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Explore' })).toBeFocused();
  await expect(bar(page)).toHaveAttribute('data-step', '0');

  // The page remembers where the lesson was.
  await arrow(page, 'ArrowRight');
  await expect(bar(page)).toHaveAttribute('data-step', '1');
  await page.reload();
  await expect(bar(page)).toHaveAttribute('data-step', '1');
  await expect(bar(page)).toContainText('Posterior collapse and β');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shotPath(info, 'lesson-390.png') });
  await page.getByRole('button', { name: 'Close the lesson' }).click();
  await expect(bar(page)).toHaveCount(0);
});

test('likelihood lesson: the predicted nELBO is checked against the live training nELBO; in Presenter mode the panel goes full screen', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  await returning(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.locator('button[data-lesson="likelihood"]').click();
  await stepDone(page, 0);
  await expect(page.locator('.panel.panel-overlay')).toHaveAttribute('data-panel-id', 'recon');
  await arrow(page, 'ArrowRight');
  await expect(bar(page)).toHaveAttribute('data-phase', 'asking');
  await expect(page.locator('.panel.panel-overlay')).toHaveAttribute('data-panel-id', 'curves');
  await page.getByLabel(/Predict first/).fill('150');
  await page.keyboard.press('Enter');
  await stepDone(page, 1);
  const figure = Number(await page.getByTestId('lesson-outcome').getAttribute('data-figure'));
  const shown = Number(await page.getByTestId('train-nelbo').textContent());
  expect(Math.abs(figure - shown)).toBeLessThanOrEqual(0.051);
  await page.screenshot({ path: shotPath(info, 'lesson-presenter-1366.png', true) });
});

test('amortization-gap lesson: loads, trains its first step, and → / ← move between steps', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await returning(page);
  await page.goto('/#lesson=amortization-gap');
  await stepDone(page, 0);
  await expect(page.getByRole('tab', { name: 'Draw & complete' })).toHaveAttribute('aria-selected', 'true');
  await arrow(page, 'ArrowRight');
  await stepDone(page, 1);
  await expect(page.getByTestId('lesson-caption')).toContainText('press Complete');
  await arrow(page, 'ArrowLeft');
  await expect(bar(page)).toHaveAttribute('data-step', '0');
});

test('a bad lesson file is refused with the field named, and the open lesson stays', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await returning(page);
  await page.route('**/lessons/broken.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({ format: 1, title: 'B', steps: [{ caption: 'x', panel: 'nowhere' }] }) }));
  await page.goto('/');
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByLabel(/Another lesson/).fill('broken');
  await page.getByRole('button', { name: 'Open lesson' }).click();
  await expect(page.getByTestId('lesson-load-error')).toContainText('broken: steps[0].panel must be one of');
  await expect(bar(page)).toHaveCount(0);
});

import { test, expect, stepCount } from './fixtures';
import { trainThenPause } from './pages/trainer';

// What a person does that could lose work or leave them guessing: reset, change backend, start a preset.
test.use({ viewport: { width: 1366, height: 768 } });

test('Reset asks before dropping a run with progress (button and key alike); at step 0 it just resets', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  const at = await trainThenPause(page, 20);

  const confirm = page.getByRole('dialog', { name: 'Reset the model?' });
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(`${at} steps`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await stepCount(page)).toBe(at);

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await confirm.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => stepCount(page)).toBe(0);
  // Nothing left to lose: no question.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('trainer-state')).toHaveText(/idle/i);
});

test('a backend change mid-run goes on from the same step on the new backend, and the status names it', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByLabel('Hidden widths').fill('64');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(30);
  await expect(page.getByTestId('backend-name')).toHaveText(/wasm/i);
  const before = await stepCount(page);

  await page.getByLabel('Backend').selectOption('cpu');
  await expect(page.getByTestId('backend-name')).toHaveText(/cpu/i, { timeout: 60_000 });
  await expect(page.getByTestId('trainer-state')).toHaveText(/training/i);
  await expect(page.getByTestId('status-note')).toContainText(/moved to CPU at step \d+/i);
  const movedAt = Number(/step (\d+)/i.exec((await page.getByTestId('status-note').textContent()) ?? '')![1]);
  expect(movedAt).toBeGreaterThanOrEqual(before);
  // It goes on from there: the step never went back to 0.
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThan(movedAt);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const steps = (await page.evaluate(() => (document.querySelector('[data-testid=curves] .loss-chart') as HTMLElement & { chart?: { traces: { x: number[] }[] } })?.chart?.traces[0].x ?? [])) as number[];
  expect(steps.length).toBeGreaterThan(0);
  expect(steps.every((x, i) => i === 0 || x > steps[i - 1]), 'one curve, steps rising: no restart').toBe(true);
});

test('a preset starts training in one click, keeps its guide beside the chart and names its run', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('tab', { name: 'Runs' }).click();
  const modelA = page.locator('button[data-preset=seed001-a]');
  await expect(modelA).toContainText(/about [\d.]+ (min|s)/);
  await modelA.click();
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('trainer-state')).toHaveText(/training/i, { timeout: 120_000 });
  const guide = page.getByTestId('preset-guide');
  await expect(guide).toContainText('Model A');
  await expect(guide).toContainText('Look at');
  // Beside the chart: both in the first screen.
  for (const el of [guide, page.getByTestId('loss-chart')]) {
    const b = (await el.boundingBox())!;
    expect(b.y + b.height).toBeLessThanOrEqual(768);
  }
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('trainer-state')).toHaveText(/paused/i);
  await expect(page.getByLabel('Epochs')).toHaveValue('30');

  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(page.getByTestId('runs-table')).toContainText('Model A — report 001');
});

test('in Presenter mode Page Down / Page Up step through the key panels, each full screen, and Esc leaves', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.addInitScript(() => localStorage.setItem('vae-playground:display', JSON.stringify({ presenter: true, theme: 'light' })));
  await page.goto('/');
  const staged = () => page.evaluate(() => document.querySelector<HTMLElement>('.panel.panel-overlay')?.dataset.panelId ?? null);
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  await page.locator('body').press('PageDown');
  await expect.poll(staged).toBe('curves');
  await page.keyboard.press('PageDown');
  await expect.poll(staged).toBe('samples');
  await page.keyboard.press('PageDown');
  await expect(tab('Explore')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(staged).toBe('scatter');
  await page.keyboard.press('PageUp');
  await expect(tab('Train')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(staged).toBe('samples');
  await expect(page.getByRole('button', { name: 'Exit full screen: Samples from the prior' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect.poll(staged).toBe(null);
  await expect(page.getByRole('button', { name: 'Full screen: Samples from the prior' })).toBeVisible();
});

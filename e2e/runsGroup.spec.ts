import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect, stepCount } from './fixtures';
import { shotPath } from './shots';

async function step(page: Page, times: number): Promise<void> {
  const from = await stepCount(page);
  for (let i = 1; i <= times; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(from + i);
  }
}

test('five run files dropped at once land as one group, compared in one chart and one table', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  await page.addInitScript(() => localStorage.setItem('vae-playground:visited', '1'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByLabel('Hidden widths').fill('32');
  await step(page, 3);
  await page.getByRole('tab', { name: 'Runs' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export .* as a model file$/ }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));

  // Five students' files: the same model under five names, two with another β and latent size.
  const files = [0, 1, 2, 3, 4].map((i) => ({
    name: `student-${i}.vae.json`,
    text: JSON.stringify({ ...exported, name: `Student ${i}`, config: { ...exported.config, beta: i < 2 ? 1 : 2 } }),
  }));
  const dt = await page.evaluateHandle((fs) => {
    const d = new DataTransfer();
    for (const f of fs) d.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return d;
  }, files);
  const drop = page.getByTestId('runs-drop');
  await drop.dispatchEvent('dragover', { dataTransfer: dt });
  await drop.dispatchEvent('drop', { dataTransfer: dt });

  const notice = page.getByTestId('runs-notice');
  await expect(notice).toContainText(/5 runs landed as the group "Imported 5 runs at \d\d:\d\d"/);
  const group = /"(Imported 5 runs at \d\d:\d\d)"/.exec((await notice.textContent()) ?? '')![1];
  // The Train view's run is untouched, and the group is one click to compare again.
  await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(6);
  await expect(page.locator(`button[data-group="${group}"]`)).toContainText('(5)');

  const table = page.getByTestId('compare-table');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  for (let i = 0; i < 5; i++) await expect(table.locator('tbody tr').nth(i)).toContainText(/Student \d/);
  await expect(table).toContainText('β = 2');
  await expect(table.locator('tbody tr').first().locator('td.compare-config')).toContainText('MLP 32 · d = ');
  const lines = () =>
    page.getByTestId('compare-chart').evaluate((el) => ((el as HTMLElement & { data?: { name: string; mode: string; x: number[] }[] }).data ?? []).filter((t) => t.mode === 'lines').map((t) => `${t.name}:${t.x.length}`));
  await expect.poll(async () => (await lines()).sort(), { timeout: 30_000 }).toEqual([0, 1, 2, 3, 4].map((i) => `Student ${i}:3`));

  // Unticked, the group comes back with its button.
  await page.getByRole('checkbox', { name: 'Compare Student 0' }).uncheck();
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await page.locator(`button[data-group="${group}"]`).click();
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await page.getByTestId('compare-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath(info, 'runs-group-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shotPath(info, 'runs-group-390.png') });
});

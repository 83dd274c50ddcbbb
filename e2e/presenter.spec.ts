import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, lossChart, stepCount } from './fixtures';

/** A returning visitor: the first-visit auto-start would otherwise begin training on its own. */
async function returning(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('vae-playground:visited', '1'));
}

const noteSize = (page: Page) =>
  page.locator('section[aria-labelledby=recon-title] .panel-note').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** Relative luminance (0 black … 1 white) of the body's computed background. */
const bodyLuminance = (page: Page) =>
  page.evaluate(() => {
    const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });

/** Width of the loss curve's first line and the chart's font, as the chart last drew them. */
const curveLook = async (page: Page) => {
  const chart = await lossChart(page);
  return { width: chart?.traces[0]?.width ?? null, font: chart?.font.color ?? null, size: chart?.font.size ?? null };
};

test('presenter mode enlarges text and lines, hides secondary controls and survives a reload', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await returning(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const normal = await noteSize(page);
  await expect.poll(async () => (await curveLook(page)).width).toBe(2.2);
  await expect(page.getByRole('button', { name: 'Save loss curves as CSV' })).toBeVisible();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await noteSize(page)).toBeGreaterThanOrEqual(1.5 * normal);
  // Drawn charts follow: thicker lines, larger type.
  await expect.poll(async () => (await curveLook(page)).width).toBeCloseTo(4.4);
  expect((await curveLook(page)).size).toBeGreaterThanOrEqual(18);
  await expect(page.getByRole('button', { name: 'Save loss curves as CSV' })).toBeHidden();
  await expect(page.getByTestId('recon-grid')).toHaveCSS('image-rendering', 'pixelated');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  expect(await noteSize(page)).toBeGreaterThanOrEqual(1.5 * normal);
  // A chart drawn after the switch starts thick.
  await expect.poll(async () => (await curveLook(page)).width).toBeCloseTo(4.4);

  // Every panel can go full screen; the Fullscreen API or the overlay fallback covers the viewport.
  const curves = page.locator('section[aria-labelledby=curves-title]');
  await page.getByRole('button', { name: 'Full screen: Loss curves' }).click();
  await expect(page.getByRole('button', { name: 'Full screen: Loss curves' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await curves.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(page.viewportSize()!.width - 2);
  await expect(page.getByRole('button', { name: 'Exit full screen: Loss curves' })).toBeFocused();
  // The same button, still focused, leaves full screen (a person may also press Esc).
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Full screen: Loss curves', exact: true })).toHaveAttribute('aria-pressed', 'false');
  // Back in the page, under the header and the run bar, no longer covering the window.
  await expect(curves).not.toHaveClass(/panel-overlay/);
  await expect.poll(async () => (await curves.boundingBox())?.y ?? 0).toBeGreaterThan(100);

  // `p` switches it off again.
  await page.locator('body').press('p');
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'false');
  expect(await noteSize(page)).toBeCloseTo(normal, 1);
});

test('dark and light themes follow the system, and a chosen theme is remembered', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await returning(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
  expect(await bodyLuminance(page)).toBeLessThan(0.05);
  await expect.poll(async () => (await curveLook(page)).font).toBe('#d8dde7');

  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => bodyLuminance(page)).toBeGreaterThan(0.8);
  await expect.poll(async () => (await curveLook(page)).font).toBe('#3b4252');

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect.poll(() => bodyLuminance(page)).toBeLessThan(0.05);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await bodyLuminance(page)).toBeLessThan(0.05);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect.poll(() => bodyLuminance(page)).toBeGreaterThan(0.8);
});

test('the loss panel shows the objective and likelihood as math that follows the config', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await returning(page);
  // KaTeX's fonts and styles come from our own origin: nothing is fetched from elsewhere.
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!/^(https?:\/\/localhost[:/]|data:|blob:)/.test(r.url())) foreign.push(r.url());
  });
  await page.goto('/');
  const objective = page.getByTestId('elbo-objective');
  const likelihood = page.getByTestId('elbo-likelihood');
  await expect(objective.locator('.katex').first()).toBeVisible();
  await expect(objective).toContainText('nELBO');
  await expect(objective).toContainText('KL');
  await expect(objective).not.toContainText('β');
  await expect(likelihood).toContainText('λ');

  await page.getByLabel('Objective').selectOption('beta-vae');
  await expect(objective).toContainText('β');
  await expect(objective).not.toContainText('nELBO');

  await page.getByLabel('Likelihood p(x|z)').selectOption('gaussian-fixed');
  await expect(likelihood).toContainText('σ');
  await expect(likelihood).not.toContainText('λ');

  await page.getByLabel('Objective').selectOption('autoencoder');
  await expect(objective).not.toContainText('KL(');

  // Each panel explains itself on request.
  await page.locator('section[aria-labelledby=curves-title]').getByText('What am I looking at?').click();
  await expect(page.getByTestId('curves-about')).toBeVisible();
  // Tooltips say what a change does.
  await expect(page.getByLabel('Latent dimension')).toHaveAttribute('title', /2 lets you see the latent plane/);
  await expect(page.getByLabel('Latent dimension')).toHaveAccessibleDescription(/2 lets you see the latent plane/);
  await expect(objective.locator('.katex-html')).toHaveCSS('font-family', /KaTeX/);
  expect(foreign).toEqual([]);
});

test('keyboard only: train, pause, step, reset, switch views and read the shortcut sheet', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await returning(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  const state = page.getByTestId('trainer-state');

  await page.keyboard.press('Space');
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThan(0);
  await expect(state).toHaveText(/training/i);

  await page.keyboard.press('Space');
  await expect(state).toHaveText(/paused/i);
  const paused = await stepCount(page);
  await page.waitForTimeout(800);
  expect(await stepCount(page)).toBe(paused);

  await page.keyboard.press('.');
  await expect.poll(() => stepCount(page)).toBe(paused + 1);

  // Views by digit.
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  await page.keyboard.press('2');
  await expect(tab('Explore')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('4');
  await expect(tab('Statistics')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('5');
  await expect(tab('Runs')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('6');
  await expect(tab('Race')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('1');
  await expect(tab('Train')).toHaveAttribute('aria-selected', 'true');

  // The shortcut sheet opens with ? and closes with Esc.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Train one step');
  await page.keyboard.press('2'); // keys inside the dialog are not shortcuts
  await expect(tab('Train')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // r asks first; Esc keeps the model, Tab + Enter on Reset resets.
  await page.keyboard.press('r');
  const confirm = page.getByRole('dialog', { name: 'Reset the model?' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  expect(await stepCount(page)).toBe(paused + 1);
  await page.keyboard.press('r');
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Reset' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect.poll(() => stepCount(page)).toBe(0);

  // Shortcuts rest while typing in a field.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === 'field-batchSize')); i++) await page.keyboard.press('Tab');
  await expect(page.locator('#field-batchSize')).toBeFocused();
  await page.keyboard.press('2');
  await expect(tab('Train')).toHaveAttribute('aria-selected', 'true');

  // Tab reaches the tab list; arrow keys move between tabs (WAI-ARIA tabs).
  for (let i = 0; i < 60 && !(await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab')); i++) await page.keyboard.press('Shift+Tab');
  await expect(tab('Train')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Explore')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('Explore')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tab('Race')).toHaveAttribute('aria-selected', 'true');
});

test('dark theme and presenter mode keep axe free of serious violations (contrast included) on every view', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await returning(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const found: Record<string, string[]> = {};
  for (const presenter of [false, true]) {
    if (presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
    for (const [i, view] of ['Train', 'Explore', 'Draw & complete', 'Statistics', 'Runs', 'Race'].entries()) {
      await page.locator('body').press(String(i + 1));
      await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
      await page.waitForTimeout(1000);
      const { violations } = await new AxeBuilder({ page }).analyze();
      found[`${view}${presenter ? ' (presenter)' : ''}`] = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary ?? '')).slice(0, 4).join(' | ')}`);
    }
  }
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
});

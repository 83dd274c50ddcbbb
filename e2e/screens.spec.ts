import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, stepCount } from './fixtures';
import { shotPath } from './shots';

// The screens the tool is used on: a projector in Presenter mode, a laptop, a phone.
const SCREENS = [
  { name: 'projector-1024', width: 1024, height: 768, presenter: true, touch: false },
  { name: 'projector-1280', width: 1280, height: 720, presenter: true, touch: false },
  { name: 'laptop-1366', width: 1366, height: 768, presenter: false, touch: false },
  { name: 'phone-390', width: 390, height: 844, presenter: false, touch: true },
] as const;
const VIEWS = ['Train', 'Explore', 'Draw & complete', 'Statistics', 'Runs', 'Race'];

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
const box = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el): Box => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
const inside = (b: Box, w: number, h: number) => b.top >= 0 && b.left >= 0 && b.bottom <= h + 0.5 && b.right <= w + 0.5 && b.bottom > b.top;

/** What must hold in a view at the top of the page and scrolled to its end: the run stays in sight. */
async function checkView(page: Page, w: number, h: number): Promise<string[]> {
  const bad: string[] = [];
  for (const where of ['top', 'end'] as const) {
    await page.evaluate((end) => window.scrollTo(0, end ? document.documentElement.scrollHeight : 0), where === 'end');
    await page.waitForTimeout(150);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) bad.push(`${where}: ${overflow}px sideways overflow`);
    if (!inside(await box(page, '[data-testid=run-bar] .status-bar'), w, h)) bad.push(`${where}: status strip out of view`);
    if (!inside(await box(page, '[data-testid=run-bar] .train-buttons .btn-primary'), w, h)) bad.push(`${where}: Train/Pause out of view`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return bad;
}

for (const s of SCREENS) {
  test.describe(s.name, () => {
    test.use({ viewport: { width: s.width, height: s.height }, hasTouch: s.touch, isMobile: s.touch });

    test(`${s.name}: the running model stays in sight in every view, full screen fits, axe finds nothing serious`, async ({ page, consoleErrors }) => {
      void consoleErrors;
      test.setTimeout(300_000);
      await page.addInitScript((presenter) => localStorage.setItem('vae-playground:display', JSON.stringify({ presenter, theme: 'light' })), s.presenter);
      await page.goto('/');
      // A 2-D latent, so Explore draws the plane; in Presenter mode the settings are in the drawer.
      if (s.presenter) await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Latent dimension').fill('2');
      if (s.presenter) {
        await page.keyboard.press('Escape');
        await expect(page.getByRole('complementary', { name: 'Experiment settings' })).toBeHidden();
      }
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(30);

      // The loss chart wholly in the first screen (a phone scrolls to it).
      if (!s.touch) {
        const chart = await box(page, '[data-testid=loss-chart]');
        expect(inside(chart, s.width, s.height), `loss chart at ${JSON.stringify(chart)}`).toBe(true);
        expect(chart.bottom - chart.top).toBeGreaterThan(200);
      }

      const found: Record<string, string[]> = {};
      for (const view of VIEWS) {
        await page.getByRole('tab', { name: view }).click();
        await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
        await page.waitForTimeout(view === 'Explore' ? 2500 : 800);
        const problems = await checkView(page, s.width, s.height);
        const { violations } = await new AxeBuilder({ page }).analyze();
        problems.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`));
        found[view] = problems;
        const name = `${s.name}-${view.split(' ')[0].toLowerCase()}`;
        // The README shows the projector and the phone.
        const readme = view === 'Train' && (s.name === 'projector-1024' || s.name === 'phone-390');
        await page.screenshot({ path: shotPath(test.info(), `${readme ? 'screenshot-' : ''}${name}.png`, readme) });
      }
      expect(found).toEqual(Object.fromEntries(VIEWS.map((v) => [v, []])));

      // Full screen fills the window without spilling, says how to leave, and toggles every time.
      await page.getByRole('tab', { name: 'Train' }).click();
      const panel = page.locator('section[aria-labelledby=curves-title]');
      for (let round = 0; round < 2; round++) {
        await page.getByRole('button', { name: 'Full screen: Loss curves' }).click();
        const exit = page.getByRole('button', { name: 'Exit full screen: Loss curves' });
        await expect(exit).toBeVisible();
        const p = await panel.evaluate((el) => ({ ...el.getBoundingClientRect().toJSON(), sh: el.scrollHeight, ch: el.clientHeight }));
        expect(p.width).toBeGreaterThanOrEqual(s.width - 2);
        expect(p.height).toBeLessThanOrEqual(s.height + 1);
        expect(p.sh, 'nothing spills below the full-screen panel').toBeLessThanOrEqual(p.ch + 1);
        expect(inside(await box(page, '[data-testid=loss-chart]'), s.width, s.height)).toBe(true);
        if (round === 0) await page.screenshot({ path: shotPath(test.info(), `${s.name}-fullscreen.png`) });
        // First by Esc, then by the button itself.
        if (round === 0) await page.keyboard.press('Escape');
        else await exit.click();
        await expect(page.getByRole('button', { name: 'Full screen: Loss curves' })).toBeVisible();
        await expect(panel).not.toHaveClass(/panel-overlay/);
      }
    });
  });
}

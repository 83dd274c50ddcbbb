import type { Page, TestInfo } from '@playwright/test';
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
  // The panel fills the window between the two bars: no row of the page shows above or below it.
  const edges = await page.evaluate(() => {
    const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
    return { panel: box('.panel.panel-overlay'), run: box('.run-bar'), lesson: box('.lesson-bar') };
  });
  expect(edges.panel.top).toBeLessThanOrEqual(edges.run.bottom);
  expect(edges.panel.bottom).toBeGreaterThanOrEqual(edges.lesson.top);
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

/** The least of the loss chart a person must see over a lesson step that shows it, in CSS pixels. */
const MIN_CHART = 180;

interface Fit {
  /** Lesson-bar buttons (by their text) that are off the window or covered. */
  hidden: string[];
  runBarInSight: boolean;
  barHeight: number;
  /** The loss chart's height between the run bar and the lesson bar, or null when not in sight. */
  chartSeen: number | null;
}

/** Where the lesson bar, the run bar and the loss chart stand in the window, as a person sees them. */
const fit = (page: Page) =>
  page.evaluate((): Fit => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    // In the window and the topmost thing at its centre: what a person can see and press.
    const seen = (el: Element | null) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      if (r.height <= 0 || r.top < 0 || r.left < 0 || r.bottom > vh + 0.5 || r.right > vw + 0.5) return false;
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top !== null && (el === top || el.contains(top));
    };
    const lesson = document.querySelector('[data-testid=lesson-bar]')!;
    const buttons = Array.from(lesson.querySelectorAll('button'));
    const want = ['← Back', 'Next →', 'Check my answer'];
    const hidden = want.filter((name) => {
      const b = buttons.find((x) => (x.getAttribute('aria-label') ?? x.textContent ?? '').trim() === name);
      return name === 'Check my answer' ? b !== undefined && !seen(b) : !seen(b ?? null);
    });
    const runBar = document.querySelector('[data-testid=run-bar]')!;
    const runBarInSight = seen(runBar.querySelector('.status-bar')) && seen(runBar.querySelector('.train-buttons .btn-primary'));
    const chart = document.querySelector('[data-testid=loss-chart]');
    const lr = lesson.getBoundingClientRect();
    let chartSeen: number | null = null;
    // Only a chart on top counts (a full-screen panel of another kind hides the page's).
    if (chart && chart.getClientRects().length > 0) {
      const c = chart.getBoundingClientRect();
      const mid = document.elementFromPoint(c.left + c.width / 2, Math.max(c.top, 0) + 20);
      if (mid === chart) chartSeen = Math.max(0, Math.min(c.bottom, lr.top, vh) - Math.max(c.top, runBar.getBoundingClientRect().bottom, 0));
    }
    return { hidden, runBarInSight, barHeight: lr.height, chartSeen };
  });

/** Checks the step at each screen size, with a screenshot of each in the test's output. */
async function checkScreens(page: Page, info: TestInfo, state: string, sizes: readonly { name: string; width: number; height: number }[], chart: boolean) {
  for (const s of sizes) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.waitForTimeout(400);
    const f = await fit(page);
    const where = `${state} at ${s.name}: ${JSON.stringify(f)}`;
    await page.screenshot({ path: shotPath(info, `lesson-${state}-${s.name}.png`) });
    expect(f.hidden, where).toEqual([]);
    expect(f.runBarInSight, where).toBe(true);
    expect(f.barHeight, where).toBeLessThanOrEqual(0.3 * s.height + 1);
    if (chart) expect(f.chartSeen ?? 0, where).toBeGreaterThanOrEqual(MIN_CHART);
    info.annotations.push({ type: 'fit', description: where });
  }
}

const PROJECTORS = [
  { name: 'presenter-1280', width: 1280, height: 720 },
  { name: 'projector-1024', width: 1024, height: 768 },
] as const;

test('likelihood lesson in Presenter mode at 1280×720 and 1024×768: on every kind of step the run bar, the chart and the lesson buttons stay in sight', async ({ page, consoleErrors }, info) => {
  void consoleErrors;
  test.setTimeout(400_000);
  await page.addInitScript(() => {
    localStorage.setItem('vae-playground:visited', '1');
    localStorage.setItem('vae-playground:display', JSON.stringify({ presenter: true, theme: 'light' }));
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#lesson=likelihood');
  await stepDone(page, 0);
  await checkScreens(page, info, 'caption', PROJECTORS, false);

  // A predict-first step over the full-screen loss chart: question, answer field and Check in sight.
  await arrow(page, 'ArrowRight');
  await expect(bar(page)).toHaveAttribute('data-phase', 'asking');
  await expect(page.locator('.panel.panel-overlay')).toHaveAttribute('data-panel-id', 'curves');
  await checkScreens(page, info, 'question', PROJECTORS, true);
  await page.getByLabel(/Predict first/).fill('150');
  await bar(page).getByRole('button', { name: 'Check my answer' }).click();
  await stepDone(page, 1);
  await expect(page.getByTestId('lesson-outcome')).toContainText('You said 150');
  await checkScreens(page, info, 'answer', PROJECTORS, true);

  // Step 3 asks first; step 4 trains a new preset (the run bar shows it), then the last step.
  await arrow(page, 'ArrowRight');
  await expect(bar(page)).toHaveAttribute('data-phase', 'asking');
  await arrow(page, 'ArrowRight');
  await expect(bar(page)).toHaveAttribute('data-step', '3');
  await expect(bar(page)).toHaveAttribute('data-phase', 'running');
  await checkScreens(page, info, 'training', PROJECTORS.slice(0, 1), false);
  await stepDone(page, 3);
  await arrow(page, 'ArrowRight');
  await stepDone(page, 4);
  await expect(bar(page).getByRole('button', { name: 'Next →' })).toBeDisabled();
  await checkScreens(page, info, 'last', PROJECTORS, false);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('likelihood lesson on a 390×844 phone: the bar stays short, the chart and the run bar in sight, every button reachable', async ({ page, consoleErrors }, info) => {
    void consoleErrors;
    test.setTimeout(300_000);
    const phone = [{ name: 'phone-390', width: 390, height: 844 }] as const;
    await returning(page);
    await page.goto('/#lesson=likelihood');
    await stepDone(page, 0);
    await checkScreens(page, info, 'caption', phone, false);
    await bar(page).getByRole('button', { name: 'Next →' }).click();
    await expect(bar(page)).toHaveAttribute('data-phase', 'asking');
    await checkScreens(page, info, 'question', phone, true);
    await page.getByLabel(/Predict first/).fill('150');
    await bar(page).getByRole('button', { name: 'Check my answer' }).click();
    await stepDone(page, 1);
    await checkScreens(page, info, 'answer', phone, true);
    // The caption's "More" shows the rest inside the bar, which stays short.
    await bar(page).getByRole('button', { name: 'More', exact: true }).click();
    await expect(bar(page).getByRole('button', { name: 'Less', exact: true })).toHaveAttribute('aria-expanded', 'true');
    await checkScreens(page, info, 'expanded', phone, true);
    await bar(page).getByRole('button', { name: 'Next →' }).click();
    await bar(page).getByRole('button', { name: 'Next →' }).click();
    await expect(bar(page)).toHaveAttribute('data-phase', 'running');
    await bar(page).getByRole('button', { name: 'Next →' }).click();
    await stepDone(page, 4);
    await checkScreens(page, info, 'last', phone, false);
    // Step 4's training, left running behind, is paused from the run bar in sight.
    await page.getByTestId('run-bar').getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('trainer-state')).toHaveText(/paused/i);
  });
});

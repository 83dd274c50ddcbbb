// The page's controls as the puppeteer-driven tools use them (Firefox in the bench, the profiler):
// puppeteer has no getByLabel/getByRole, so these find elements by id, label text and button text.

/** select(idOrLabel, value), click(buttonText) and steps() (the run bar's step counter) on `page`. */
export function pageControls(page) {
  return {
    select: (idOrLabel, value) =>
      page.evaluate(
        (idOrLabel, value) => {
          const el = document.getElementById(idOrLabel) ?? [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === idOrLabel)?.control;
          el.value = value;
          el.dispatchEvent(new Event('change', { bubbles: true }));
        },
        idOrLabel,
        value,
      ),
    click: (label) => page.evaluate((label) => [...document.querySelectorAll('button:not([role=tab])')].find((b) => b.textContent.trim() === label)?.click(), label),
    steps: () => page.evaluate(() => Number(document.querySelector('[data-testid=step-count]')?.textContent ?? 'NaN')),
  };
}

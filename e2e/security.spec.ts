import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, stepCount } from './fixtures';
import { backendName, trainerState } from './pages/trainer';

declare global {
  interface Window {
    __cspViolations: string[];
    __pwned?: unknown;
  }
}

/** Collects Content-Security-Policy violations from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  return console;
}

test('a whole session sends nothing off the origin and breaks no rule of the Content-Security-Policy', async ({ page, context, consoleErrors }) => {
  const cspConsole = await watchCsp(page);
  // Every request of the page, its worker, the WASM backend's threads and the service worker.
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));

  const response = await page.goto('/');
  const origin = new URL(page.url()).origin;
  const header = (await response!.allHeaders())['content-security-policy'] ?? '';
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  console.log(`Content-Security-Policy: ${header}`);
  expect(meta, 'the <meta> policy (for any static host) is the header policy').toBe(header);
  const scriptSrc = /(?:^|;)\s*script-src([^;]*)/.exec(header)?.[1] ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(header).not.toContain("'unsafe-eval'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(header).toMatch(/default-src 'self'/);

  // Train on the WASM backend (it needs 'wasm-unsafe-eval'), a 2-D latent so the scatter is drawn directly.
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByLabel('Latent dimension').fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(20);
  await expect(backendName(page)).toHaveText(/wasm/i);

  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect
    .poll(() => page.evaluate(() => (document.querySelector('[data-testid=latent-scatter-plot]') as (HTMLElement & { chart?: { points: number } }) | null)?.chart?.points ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(100);
  await expect(page.locator('[data-testid=latent-scatter-plot] canvas').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByRole('region', { name: 'Gaussian mixture (EM)' })).toBeVisible();
  for (const tab of ['Draw & complete', 'Runs', 'Train']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(1000);
  }
  await expect(page.getByTestId('curves').locator('.loss-chart canvas')).toBeVisible();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainerState(page)).toHaveText(/paused/i);

  // The trainer worker (where TensorFlow.js and its WASM run) is served under the same policy.
  const workerUrl = requests.find((u) => /\/trainer\.worker-[^/]+\.js$/.test(u));
  expect(workerUrl).toBeTruthy();
  expect((await page.request.get(workerUrl!)).headers()['content-security-policy']).toBe(header);

  const offOrigin = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  console.log(`${requests.length} requests, ${offOrigin.length} leaving ${origin}`);
  expect(requests.length).toBeGreaterThan(5);
  expect(offOrigin).toEqual([]);

  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(cspConsole).toEqual([]);

  // The watch itself works: an inline script slipped into the page is blocked and reported (once per
  // policy: the header and the <meta> both enforce).
  const known = consoleErrors.length;
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 1';
    document.body.append(s);
  });
  await expect.poll(() => page.evaluate(() => window.__cspViolations.filter((v) => v.startsWith('script-src-elem blocked inline')).length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect.poll(() => consoleErrors.length).toBeGreaterThan(known);
  await page.waitForTimeout(500);
  // The probe's own, expected, reports; nothing else may be among them.
  expect(consoleErrors.splice(known).filter((e) => !/^Executing inline script violates the following Content Security Policy directive 'script-src /.test(e))).toEqual([]);
});

// ---- a small valid PNG, made here so the test ships no image files
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let c = 0xffffffff;
  for (const x of body) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}
function png(seed: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16, 0);
  ihdr.writeUInt32BE(16, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc(16 * 17);
  for (let i = 0; i < rows.length; i++) rows[i] = i % 17 === 0 ? 0 : (i * seed * 37) & 0xff;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const XSS = '<img src=x onerror="window.__pwned=1">';

test('names from uploads are text: an <img onerror> file name and ../ path parts do nothing', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByText('Your own images', { exact: true }).click();
  await page.getByLabel('Choose images or a .zip').setInputFiles([
    { name: `${XSS}.png`, mimeType: 'image/png', buffer: png(1) },
    { name: '../../evil.png', mimeType: 'image/png', buffer: png(2) },
    ...[3, 4, 5].map((k) => ({ name: `plain-${k}.png`, mimeType: 'image/png', buffer: png(k) })),
    { name: `${XSS}.txt`, mimeType: 'text/plain', buffer: Buffer.from('not an image') },
    { name: '../../secret.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image either') },
  ]);
  await expect(page.getByTestId('upload-chosen')).toHaveText('7 files chosen.');
  await page.getByLabel('Dataset name').fill(XSS);
  await page.getByRole('button', { name: 'Import images' }).click();

  await expect(page.getByTestId('import-summary')).toHaveText(`Imported 5 images in 1 class as “${XSS}”: 4 for training, 1 for testing.`);
  const skipped = page.getByRole('list', { name: 'Skipped files' }).getByRole('listitem');
  await expect(skipped).toHaveCount(2);
  await expect(skipped.nth(0)).toHaveText(`${XSS}.txt: a text file`);
  // Chromium may hand over only the base name; either way no "../" survives into what is shown.
  await expect(skipped.nth(1)).toHaveText(/^(\S+\/)?secret\.txt: a text file$/);
  await expect(skipped.nth(1)).not.toContainText('..');
  await expect(page.getByRole('radio', { name: XSS })).toBeChecked();

  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], [onerror], [onmouseover]').count()).toBe(0);
});

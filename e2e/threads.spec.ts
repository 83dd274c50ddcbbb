import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, FIRST_RUN_KEYS, test } from './fixtures';

// Multi-core WASM training (src/trainer/wasm/pool.ts) and the cross-origin isolation it needs.

interface Debug {
  __vae: { client: { debug(c: unknown): void; subscribe(l: (e: { type: string }) => void): () => void } };
}
interface ThreadCheck {
  threads: number;
  compared: string[];
  differing: string[];
  error?: string;
}

const expectedThreads = (page: Page) => page.evaluate(() => Math.min(16, navigator.hardwareConcurrency || 1));

async function trainOnWasm(page: Page): Promise<void> {
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('trainer-state')).toHaveText('training');
}

test('on an isolated page the kernels run on every core, bit for bit as on one thread', async ({ page, consoleErrors }) => {
  await page.goto('/');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const cores = await expectedThreads(page);
  test.skip(cores < 2, 'one CPU core: nothing to split');
  await page.waitForFunction(() => (window as unknown as Partial<Debug>).__vae !== undefined);
  const result = await page.evaluate(
    () =>
      new Promise<ThreadCheck>((resolve) => {
        const { client } = (window as unknown as Debug).__vae;
        const off = client.subscribe((e) => {
          if (e.type !== 'threadCheck') return;
          off();
          resolve(e as unknown as ThreadCheck);
        });
        client.debug({ type: 'checkThreads' });
      }),
  );
  expect(result.error).toBeUndefined();
  expect(result.threads).toBe(cores);
  expect(result.compared).toHaveLength(13);
  expect(result.differing).toEqual([]);

  await trainOnWasm(page);
  await expect(page.getByTestId('backend-threads')).toHaveText(` · ${cores} threads`);
  await expect(page.getByTestId('backend-threads-note')).toContainText(`SIMD, ${cores} threads`);
  await expect.poll(async () => Number(await page.getByTestId('step-count').textContent()), { timeout: 60_000 }).toBeGreaterThan(20);
  const nelbo = Number(await page.getByTestId('train-nelbo').textContent());
  expect(nelbo).toBeGreaterThan(0);
  expect(nelbo).toBeLessThan(550); // learning, not NaN: an untrained model scores ~543
  expect(consoleErrors).toEqual([]);
});

/** The build served as a plain static host would: no COOP/COEP headers at all. */
async function plainHost(): Promise<{ server: Server; url: string }> {
  const root = process.env.PW_DIST ?? 'dist';
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://localhost:${port}/` };
}

async function isolatedNow(page: Page): Promise<boolean> {
  return page.evaluate(() => crossOriginIsolated).catch(() => false); // false while it reloads
}

async function openOn(browser: Browser, url: string, serviceWorkers: 'allow' | 'block') {
  const context = await browser.newContext({ serviceWorkers });
  await context.addInitScript((keys) => {
    for (const k of keys) localStorage.setItem(k, '1');
  }, FIRST_RUN_KEYS);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

test('on a host without COOP/COEP the service worker makes the page isolated', async ({ browser }) => {
  const { server, url } = await plainHost();
  try {
    const { context, page } = await openOn(browser, url, 'allow');
    // The host sent no headers; the worker's responses carry them, after one reload.
    await expect.poll(() => isolatedNow(page), { timeout: 60_000 }).toBe(true);
    const cores = await expectedThreads(page);
    await trainOnWasm(page);
    await expect(page.getByTestId('backend-threads')).toHaveText(cores === 1 ? ' · 1 thread' : ` · ${cores} threads`);
    await context.close();
  } finally {
    server.close();
  }
});

test('without isolation the trainer runs on one thread and says so', async ({ browser }) => {
  const { server, url } = await plainHost();
  try {
    const { context, page } = await openOn(browser, url, 'block');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await trainOnWasm(page);
    await expect(page.getByTestId('backend-threads')).toHaveText(' · 1 thread');
    await expect(page.getByTestId('backend-threads-note')).toContainText('1 thread (the page is not cross-origin isolated)');
    await expect.poll(async () => Number(await page.getByTestId('step-count').textContent()), { timeout: 60_000 }).toBeGreaterThan(5);
    await context.close();
  } finally {
    server.close();
  }
});

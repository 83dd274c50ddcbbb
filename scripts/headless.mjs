// What the bench and the soak share: the Chromium they launch, the preview server they drive,
// polling, and a page that opens as a returning visitor.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The launch flags of playwright.config.ts: software GPUs allowed, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader',
];
export const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Polls `fn` every 250 ms until it returns something truthy; throws naming `what` (and the tool) after `timeoutMs`. */
export async function waitFor(fn, timeoutMs, what, tool = 'bench') {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`${tool}: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** `vite preview` of `dist` on `port`, killed with this process; resolves once it answers. */
export async function startPreview(port, dist, timeoutMs, tool) {
  const url = `http://localhost:${port}/`;
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true });
  process.on('exit', () => {
    try {
      process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  });
  await waitFor(async () => fetch(url).then((r) => r.ok, () => false), timeoutMs, 'the preview server', tool);
  return url;
}

/** localStorage keys of src/app/firstRun.ts: set, the page opens as for a returning visitor. */
export const RETURNING_VISITOR_KEYS = ['vae-playground:visited', 'vae-playground:welcome-dismissed'];

/** A first visit would start training on its own (src/app/firstRun.ts), before the script sets it up. */
export function asReturningVisitor(page) {
  return page.addInitScript((keys) => keys.forEach((k) => localStorage.setItem(k, '1')), RETURNING_VISITOR_KEYS);
}

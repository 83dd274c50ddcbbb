import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testHooksIn } from './bundle';

const ROOT = resolve(__dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'vae-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** `vite build` (a few seconds) into a scratch folder, in the given mode. */
function build(mode: 'production' | 'e2e'): string {
  const dist = join(out, mode);
  const r = spawnSync('npx', ['vite', 'build', '--mode', mode, '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return dist;
}

describe('the built bundle', () => {
  it('ships none of the test hooks (crash, loseDevice, failStorage, __vae) in production', () => {
    const dist = build('production');
    expect(testHooksIn(dist)).toEqual([]);
    // The define replaced every use, in the page and the worker alike (a leftover throws ReferenceError).
    const js = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    expect(js.some((f) => f.startsWith('trainer.worker'))).toBe(true);
    for (const f of js) expect(readFileSync(join(dist, 'assets', f), 'utf8').includes('__VAE_TEST_HOOKS__'), f).toBe(false);
  });

  it('keeps them in the build the end-to-end tests run against', () => {
    const found = testHooksIn(build('e2e'));
    expect(new Set(found.flatMap((f) => f.hooks))).toEqual(new Set(['crash', 'loseDevice', 'failStorage', '__vae']));
    expect(found.some((f) => f.file.includes('trainer.worker'))).toBe(true);
  });
});

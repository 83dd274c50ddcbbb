import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
    expect(testHooksIn(build('production'))).toEqual([]);
  });

  it('keeps them in the build the end-to-end tests run against', () => {
    const found = testHooksIn(build('e2e'));
    expect(new Set(found.flatMap((f) => f.hooks))).toEqual(new Set(['crash', 'loseDevice', 'failStorage', '__vae']));
    expect(found.some((f) => f.file.includes('trainer.worker'))).toBe(true);
  });
});

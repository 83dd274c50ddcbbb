/** What a built bundle must not contain: the names of the test hooks (src/protocol/debug.ts). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const TEST_HOOK_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  // As a quoted command type: the word "crash" may well appear in a message to the user.
  { name: 'crash', pattern: /["'`]crash["'`]/ },
  { name: 'loseDevice', pattern: /loseDevice/ },
  { name: 'failStorage', pattern: /failStorage/ },
  { name: '__vae', pattern: /__vae\b/ },
];

/** Each JavaScript file under `dist` (relative path) with the hook names found in it. */
export function testHooksIn(dist: string): { file: string; hooks: string[] }[] {
  const found: { file: string; hooks: string[] }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(m?js|html)$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        const hooks = TEST_HOOK_PATTERNS.filter((h) => h.pattern.test(text)).map((h) => h.name);
        if (hooks.length) found.push({ file: relative(dist, path), hooks });
      }
    }
  };
  walk(dist);
  return found;
}

import type { TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a screenshot goes: the test's own output folder, so a test run never rewrites tracked
 * files; `npm run screenshots` sets SCREENSHOT_DIR=docs to refresh the README's pictures (those
 * marked `readme`) on purpose.
 */
export function shotPath(info: TestInfo, name: string, readme = false): string {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir || !readme) return info.outputPath(name);
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

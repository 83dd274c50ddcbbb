import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, sourceFiles } from './imports';

const SRC = resolve(__dirname, '../../src');

/** A throwaway src/ with the given files. */
function tree(files: Record<string, string>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'imports-')), 'src');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the import graph of src/', () => {
  it('has no import circle anywhere', () => {
    expect(importCircles(importGraph(SRC))).toEqual([]);
  });

  it('keeps panels off the client: they reach the worker through store actions or store/trainer.ts', () => {
    const offenders = [...importGraph(SRC)].filter(([file, deps]) => file.startsWith('src/panels/') && deps.some((d) => d.startsWith('src/client/')));
    expect(offenders.map(([file]) => file)).toEqual([]);
  });

  it('creates every zustand store in src/store/', () => {
    const elsewhere = sourceFiles(SRC).filter((f) => !f.includes('/src/store/') && !f.endsWith('.test.ts') && /\bcreateStore\s*[<(]/.test(readFileSync(f, 'utf8')));
    expect(elsewhere).toEqual([]);
  });

  it('sees the page’s real imports (folders by index.ts, type-only imports, the worker entry)', () => {
    const g = importGraph(SRC);
    expect(g.get('src/trainer/core.ts')).toContain('src/protocol/index.ts');
    expect(g.get('src/protocol/messages.ts')).toContain('src/protocol/payloads.ts');
    expect([...g.values()].some((deps) => deps.includes('src/trainer/trainer.worker.ts'))).toBe(true);
  });

  it('finds a circle, even one through type-only imports and a folder’s index', () => {
    const root = tree({
      'a.ts': "import type { B } from './b';\nexport type A = B;",
      'b.ts': "export type { C as B } from './c';",
      'c/index.ts': "import { a } from '../a';\nexport type C = typeof a;",
      'd.ts': "// import { x } from './d'\nexport const d = 1;",
    });
    expect(importCircles(importGraph(root))).toEqual([['src/a.ts', 'src/b.ts', 'src/c/index.ts']]);
  });
});

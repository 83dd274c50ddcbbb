import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from './plugin';

const version = (src: string) => /const VERSION = "([0-9a-f]+)"/.exec(src)?.[1];
const precache = (src: string) => JSON.parse(/const PRECACHE = (\[[^\]]*\])/.exec(src)![1]) as string[];

describe('serviceWorkerSource', () => {
  const files = [
    { name: 'index.html', bytes: '<!doctype html>' },
    { name: 'assets/index-abc.js', bytes: 'console.log(1)' },
    { name: 'assets/tfjs-backend-wasm-x.wasm', bytes: new Uint8Array([0, 97, 115, 109]) },
  ];

  it('precaches every file of the build, sorted, before the template', () => {
    const src = serviceWorkerSource(files, '/* template */');
    expect(precache(src)).toEqual(['assets/index-abc.js', 'assets/tfjs-backend-wasm-x.wasm', 'index.html']);
    expect(src.endsWith('/* template */')).toBe(true);
    expect(version(src)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gets a new version when any file or the template changes, and only then', () => {
    const base = version(serviceWorkerSource(files, 't'));
    expect(version(serviceWorkerSource([...files].reverse(), 't'))).toBe(base);
    expect(version(serviceWorkerSource([{ ...files[0], bytes: '<!doctype html><meta>' }, ...files.slice(1)], 't'))).not.toBe(base);
    expect(version(serviceWorkerSource(files, 't2'))).not.toBe(base);
  });
});

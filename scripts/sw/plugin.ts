import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const TEMPLATE = new URL('./sw-template.js', import.meta.url);

/** The service worker's source: the template after the build's version and precache list. */
export function serviceWorkerSource(files: { name: string; bytes: string | Uint8Array }[], template: string): string {
  const names = files.map((f) => f.name).sort();
  const hash = createHash('sha256').update(template);
  for (const f of [...files].sort((a, b) => a.name.localeCompare(b.name))) hash.update(f.name).update(f.bytes);
  const version = hash.digest('hex').slice(0, 16);
  return `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(names, null, 1)};\n${template}`;
}

/**
 * Writes sw.js beside index.html in a production build: every file of the bundle (hashed JS, CSS,
 * WASM, the worker, index.html) is precached, under a version that changes whenever any of them
 * (or the worker template) does, so each deploy is offered as an update. Files from public/ (the
 * datasets) are not in the list: the app keeps datasets in IndexedDB.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'vae-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle)
        .filter((item) => !item.fileName.endsWith('.map'))
        .map((item) => ({ name: item.fileName, bytes: item.type === 'chunk' ? item.code : item.source }));
      const source = serviceWorkerSource(files, readFileSync(TEMPLATE, 'utf8'));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

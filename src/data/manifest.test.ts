/* eslint-disable @typescript-eslint/no-explicit-any -- malformed manifests are made by mutating untyped JSON */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateManifest } from './manifest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let real: any;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/pack-datasets.mjs', '--if-missing'], { cwd: root, stdio: 'pipe' });
  real = JSON.parse(readFileSync(`${root}public/datasets/manifest.json`, 'utf8'));
});

/** The real manifest with one change applied. */
function broken(change: (m: any) => void): unknown {
  const m = structuredClone(real);
  change(m);
  return m;
}

function errorsOf(json: unknown): string[] {
  const r = validateManifest(json, 'manifest.json');
  if (r.ok) throw new Error('expected the manifest to be rejected');
  return r.errors;
}

describe('validateManifest', () => {
  it('accepts the generated manifest', () => {
    const r = validateManifest(real, 'manifest.json');
    expect(r).toEqual({ ok: true, manifest: real });
    expect(real.datasets.map((d: any) => d.id)).toEqual(['mnist', 'fashion-mnist', 'mnist-binary-static']);
  });

  const cases: [string, (m: any) => void, string][] = [
    ['a newer format', (m) => (m.format = 2), 'manifest.json: format 2 was made by a newer version of VAE Playground'],
    ['a bad format', (m) => (m.format = '1'), 'manifest.json: format must be 1 (got "1")'],
    ['no datasets array', (m) => delete m.datasets, 'manifest.json: datasets must be an array (got missing)'],
    ['a duplicate id', (m) => (m.datasets[1] = structuredClone(m.datasets[0])), 'manifest.json: datasets[1].id is used by an earlier dataset (got "mnist")'],
    ['an unsafe id', (m) => (m.datasets[0].id = '../x'), 'manifest.json: datasets[0].id must be 1-64 lowercase letters'],
    ['4 channels', (m) => (m.datasets[0].shape = [28, 28, 4]), 'manifest.json: datasets[0].shape must be [height, width, channels] with channels 1 or 3 (got [28,28,4])'],
    ['a 2-d shape', (m) => (m.datasets[0].shape = [28, 28]), 'manifest.json: datasets[0].shape must be [height, width, channels]'],
    ['a fractional count', (m) => (m.datasets[0].splits.train.count = 1.5), 'manifest.json: datasets[0].splits.train.count must be a positive integer (got 1.5)'],
    ['a zero count', (m) => (m.datasets[0].splits.test.count = 0), 'manifest.json: datasets[0].splits.test.count must be a positive integer (got 0)'],
    ['image rawBytes not count×h×w×c', (m) => (m.datasets[0].splits.train.images.rawBytes = 47040001), 'manifest.json: datasets[0].splits.train.images.rawBytes must be 47040000 to match count and shape (got 47040001)'],
    ['label rawBytes not count', (m) => (m.datasets[0].splits.test.labels.rawBytes = 9999), 'manifest.json: datasets[0].splits.test.labels.rawBytes must be 10000 to match count and shape (got 9999)'],
    ['a short sha256', (m) => (m.datasets[0].splits.train.images.sha256 = 'abc'), 'manifest.json: datasets[0].splits.train.images.sha256 must be 64 hex characters (got "abc")'],
    ['an uppercase sha256', (m) => (m.datasets[0].splits.test.images.sha256 = 'A'.repeat(64)), 'manifest.json: datasets[0].splits.test.images.sha256 must be 64 hex characters'],
    ['a ".." path', (m) => (m.datasets[0].splits.train.labels.file = '../secret.u8gz'), 'manifest.json: datasets[0].splits.train.labels.file must not contain ".."'],
    ['an absolute URL', (m) => (m.datasets[0].splits.train.images.file = 'https://evil.example/x.u8gz'), 'manifest.json: datasets[0].splits.train.images.file must be relative, not an absolute URL'],
    ['a protocol-relative URL', (m) => (m.datasets[0].splits.train.images.file = '//evil.example/x'), 'manifest.json: datasets[0].splits.train.images.file must be relative'],
    ['a root path', (m) => (m.datasets[0].splits.train.images.file = '/x.u8gz'), 'manifest.json: datasets[0].splits.train.images.file must be relative'],
    ['a backslash', (m) => (m.datasets[0].splits.test.images.file = 'mnist\\test.u8gz'), 'manifest.json: datasets[0].splits.test.images.file must use "/" and no backslash'],
    ['a missing test split', (m) => delete m.datasets[0].splits.test, 'manifest.json: datasets[0].splits.test must be an object with count, images and labels (got missing)'],
    ['a missing labels entry', (m) => delete m.datasets[0].splits.train.labels, 'manifest.json: datasets[0].splits.train.labels must be an object with file, bytes, rawBytes and sha256'],
    ['a zero compressed size', (m) => (m.datasets[0].splits.train.images.bytes = 0), 'manifest.json: datasets[0].splits.train.images.bytes must be a positive integer (got 0)'],
    ['no classes', (m) => (m.datasets[0].classes = []), 'manifest.json: datasets[0].classes must be an array of 1 to 256 class names'],
    ['an empty name', (m) => (m.datasets[0].name = ''), 'manifest.json: datasets[0].name must be a non-empty string'],
    ['a missing attribution', (m) => delete m.datasets[0].attribution, 'manifest.json: datasets[0].attribution must be a non-empty string (got missing)'],
    ['bit-packed labels', (m) => (m.datasets[2].splits.train.labels.encoding = 'bits'), 'manifest.json: datasets[2].splits.train.labels.encoding must be "u8" (only images may be bit-packed)'],
    ['an unknown encoding', (m) => (m.datasets[0].splits.test.images.encoding = 'png'), 'manifest.json: datasets[0].splits.test.images.encoding must be "u8" or "bits" (got "png")'],
    ['bit-packed images of byte size', (m) => (m.datasets[2].splits.train.images.rawBytes = 47040000), 'manifest.json: datasets[2].splits.train.images.rawBytes must be 5880000 to match count and shape (got 47040000)'],
    ['byte images of bit size', (m) => delete m.datasets[2].splits.test.images.encoding, 'manifest.json: datasets[2].splits.test.images.rawBytes must be 7840000 to match count and shape (got 980000)'],
    ['class counts of another length', (m) => m.datasets[1].classCounts.train.pop(), 'manifest.json: datasets[1].classCounts.train must be 10 whole numbers, one per class'],
    ['class counts not adding up', (m) => (m.datasets[1].classCounts.test[0] = 999), 'manifest.json: datasets[1].classCounts.test must add up to splits.test.count 10000 (got 9999)'],
    ['a preview label without a class', (m) => (m.datasets[0].preview.labels[3] = 10), 'manifest.json: datasets[0].preview.labels must be 1 to 64 labels, each a class index'],
    ['a preview of the wrong size', (m) => (m.datasets[0].preview.rawBytes = 784), 'manifest.json: datasets[0].preview.rawBytes must be 15680 to match count and shape (got 784)'],
    ['a preview outside the site', (m) => (m.datasets[1].preview.file = '../../x'), 'manifest.json: datasets[1].preview.file must not contain ".."'],
  ];
  it.each(cases)('rejects %s', (_what, change, message) => {
    const errors = errorsOf(broken(change));
    expect(errors.some((e) => e.startsWith(message)), `${errors.join('\n')}\nshould include\n${message}`).toBe(true);
  });

  it('rejects a non-object and reports several errors at once', () => {
    expect(errorsOf(null)).toEqual(['manifest.json: the manifest must be a JSON object (got null)']);
    const errors = errorsOf(broken((m) => {
      m.datasets[0].shape = [0, 28, 1];
      m.datasets[0].splits.test.images.sha256 = 7;
    }));
    expect(errors).toHaveLength(2);
  });

  it('names the source it was given', () => {
    const r = validateManifest({ format: 1 }, 'datasets/manifest.json');
    expect(!r.ok && r.errors[0]).toBe('datasets/manifest.json: datasets must be an array (got missing)');
  });
});

/**
 * Generated bad input, by the thousand, for every parser that takes outside input (the listed
 * cases are in badInput.test.ts). Each input grows from a valid example (mutate.ts); each call
 * must return a valid value or a named refusal, never throw anything else, never add a key to a
 * built-in prototype, and finish within TIME_BOUND_MS. Seeded: FC_SEED replays a run, and a
 * failure prints its seed and path. The presets are code, not parsed files, so they have none.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { FIELDS } from '../../config/fields';
import { decodeConfig, encodeConfig } from '../../config/url';
import { validateConfig } from '../../config/validate';
import { DatasetError } from '../../data/fetchFile';
import { fetchManifest } from '../../data/loadDataset';
import { fetchRemoteManifest } from '../../data/urlImport';
import { validateManifest } from '../../data/manifest';
import { makeZip } from '../../data/testing/makeZip';
import { describeNonImage, imageDims, jpegCutShort, pngCutShort, sniffImage } from '../../data/upload/sniff';
import { expandPicked } from '../../data/upload/sources';
import { entryProblem, listZip, readZipEntry, ZipError } from '../../data/upload/zip';
import { createExperimentStore } from '../../store/experiment';
import { CONTROL_FIELDS, draftOf, type ControlField } from '../../store/fieldText';
import { buildModelFile, parseModelFile, type RefusalReason } from '../../trainer/checkpoint/modelFile';
import { manifest, png, truncatedJpeg } from './fixtures';
import { mutatedBytes, mutatedJson, mutatedText, reparsed, weirdValue } from './mutate';

const SEED = Number(process.env.FC_SEED ?? 20261205);
/** Inputs per parser; the README's bad-input section quotes these. */
export const RUNS = { datasetUrl: 3000, hash: 5000, field: 5000, config: 5000, manifest: 5000, manifestBody: 2000, model: 4000, zip: 2000, upload: 1000, sniff: 10000 };
/** Far above any honest call (well under a millisecond); a catastrophic regex or loop is far above it. */
const TIME_BOUND_MS = 1000;

const PROTOS: object[] = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype];
const protoKeys = () => PROTOS.map((p) => Reflect.ownKeys(p).map(String).sort().join());
const PRISTINE = protoKeys();
const slowest: Record<string, number> = {};

/** Runs one call: the time bound, and no built-in prototype gains or loses a key. */
async function guarded<T>(parser: string, call: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await call();
  } finally {
    const ms = performance.now() - t0;
    slowest[parser] = Math.max(slowest[parser] ?? 0, ms);
    expect(ms, `${parser}: one call took ${ms.toFixed(0)} ms`).toBeLessThan(TIME_BOUND_MS);
    expect(protoKeys(), `${parser}: a built-in prototype was changed`).toEqual(PRISTINE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }
}

const params = (runs: number) => ({ seed: SEED, numRuns: runs, endOnFailure: true });
const isMessage = (m: unknown) => typeof m === 'string' && m.trim().length > 0;

/** A second config to grow links and configs from, unlike the default in most fields. */
const other = validateConfig({ ...DEFAULT_CONFIG, architecture: 'conv', latentDim: 2, batchSize: 32, learningRate: 1e-4, epochs: 20, dataset: 'shapes-32px-300-seed4', likelihood: 'beta' });
if (!other.ok) throw new Error(`the second valid config is not valid: ${JSON.stringify(other.errors)}`);
const OTHER: ExperimentConfig = other.config;
const validConfig = fc.constantFrom(DEFAULT_CONFIG, OTHER);
const KEYS = Object.keys(FIELDS);
const keyish = fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'hasOwnProperty', 'toString', ''), fc.string({ unit: 'binary', maxLength: 12 }));
const valueText = fc.oneof(weirdValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')), fc.string({ unit: 'binary', maxLength: 30 }));

describe(`generated bad input (fast-check seed ${SEED}; FC_SEED=${SEED} replays it)`, () => {
  beforeAll(() => console.log(`property tests: fast-check seed ${SEED}`));
  afterAll(() => console.log(`slowest call per parser (ms): ${JSON.stringify(Object.fromEntries(Object.entries(slowest).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`));

  it(`URL hash (decodeConfig): ${RUNS.hash} links`, async () => {
    const link = fc.oneof(
      fc.tuple(validConfig, fc.nat()).chain(([c]) => mutatedText(`#${encodeConfig(c)}`)),
      fc.array(fc.tuple(keyish, valueText, fc.boolean()), { maxLength: 12 }).map((kv) => `#${kv.map(([k, v, raw]) => `${encodeURIComponent(k)}=${raw ? v : encodeURIComponent(v)}`).join('&')}`),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(link, validConfig, async (hash, base) => {
        const r = await guarded('hash', () => decodeConfig(hash, base));
        expect(validateConfig(r.config).ok, 'a link always yields a valid config').toBe(true);
        for (const k of r.applied) expect(KEYS).toContain(k);
        for (const n of r.notes) expect(isMessage(n)).toBe(true);
      }),
      params(RUNS.hash),
    );
  });

  it(`typed config field (experiment store setField): ${RUNS.field} edits`, async () => {
    const store = createExperimentStore({ send: (c) => expect(c.type !== 'setConfig' || validateConfig(c.config).ok, 'only valid configs reach the trainer').toBe(true) });
    store.getState().actions.init();
    const typed = fc.oneof(
      fc.tuple(fc.constantFrom(...CONTROL_FIELDS), validConfig).chain(([f, c]) => fc.tuple(fc.constant(f), mutatedText(draftOf(c, f)))),
      fc.tuple(fc.constantFrom(...CONTROL_FIELDS), valueText),
    );
    await fc.assert(
      fc.asyncProperty(typed, async ([field, text]: [ControlField, string]) => {
        const before = store.getState().config;
        await guarded('field', () => store.getState().actions.setField(field, text));
        const s = store.getState();
        expect(validateConfig(s.config).ok, 'the config stays valid').toBe(true);
        const error = s.fieldErrors[field];
        if (error !== undefined) {
          expect(isMessage(error)).toBe(true);
          expect(s.config, 'a refused value changes nothing').toBe(before);
        }
      }),
      params(RUNS.field),
    );
  });

  it(`whole config (validateConfig and the store's load): ${RUNS.config} configs`, async () => {
    const store = createExperimentStore({ send: () => {} });
    await fc.assert(
      fc.asyncProperty(fc.oneof(validConfig.chain(mutatedJson), validConfig.chain(reparsed)), async (input) => {
        const v = await guarded('config', () => validateConfig(input));
        if (v.ok) {
          expect(Object.keys(v.config).sort()).toEqual([...KEYS].sort());
          expect(validateConfig(v.config).ok).toBe(true);
        } else {
          expect(v.errors.length).toBeGreaterThan(0);
          for (const e of v.errors) expect(typeof e.field === 'string' && isMessage(e.message)).toBe(true);
        }
        const before = store.getState().config;
        const loaded = await guarded('config', () => store.getState().actions.load(input as ExperimentConfig));
        if (!v.ok) {
          expect(loaded).toEqual(v.errors);
          expect(store.getState().config).toBe(before);
        }
      }),
      params(RUNS.config),
    );
  });

  const manifests = [manifest(), manifest((d) => Object.assign(d, { shape: [32, 32, 3], classCounts: { train: [30000, 30000], test: [5000, 5000] }, classes: ['a', 'b'] }))];

  it(`dataset manifest (validateManifest): ${RUNS.manifest} manifests`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...manifests).chain(mutatedJson), fc.constantFrom(...manifests).chain(reparsed)), async (json) => {
        const r = await guarded('manifest', () => validateManifest(json, 'manifest.json'));
        if (r.ok) expect(validateManifest(structuredClone(r.manifest), 'again').ok).toBe(true);
        else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e.startsWith('manifest.json: ') && isMessage(e)).toBe(true);
        }
      }),
      params(RUNS.manifest),
    );
  });

  it(`manifest body as served (fetchManifest): ${RUNS.manifestBody} bodies`, async () => {
    const body = fc.oneof(fc.constantFrom(...manifests).chain((m) => mutatedText(JSON.stringify(m))), fc.constantFrom(...manifests).chain(mutatedJson).map((v) => JSON.stringify(v) ?? 'undefined'));
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const fetchImpl = (async () => new Response(text, { status: 200 })) as typeof fetch;
        const r = await guarded('manifestBody', () => fetchManifest('https://example.org/m/manifest.json', fetchImpl).then(
          (m) => ({ ok: true as const, m }),
          (e: unknown) => ({ ok: false as const, e }),
        ));
        if (!r.ok) {
          expect(r.e, 'refused with a DatasetError, nothing else').toBeInstanceOf(DatasetError);
          expect(isMessage((r.e as DatasetError).message)).toBe(true);
        } else expect(validateManifest(r.m, 'again').ok).toBe(true);
      }),
      params(RUNS.manifestBody),
    );
  });

  it(`model file (parseModelFile): ${RUNS.model} files`, async () => {
    const specs = [
      { name: 'w0', shape: [6, 4], dtype: 'float32' as const },
      { name: 'w1', shape: [4], dtype: 'float32' as const },
    ];
    const data = new Float32Array(28).map((_, i) => Math.sin(i));
    const good = buildModelFile({ name: 'small', config: DEFAULT_CONFIG, dataset: { id: 'mnist', shape: [28, 28, 1] }, progress: { step: 3, epoch: 0 } }, { specs, data: data.buffer });
    expect(parseModelFile(good).ok).toBe(true);
    const REASONS: RefusalReason[] = ['not-json', 'truncated', 'newer-version', 'not-a-model', 'invalid', 'input-shape'];
    const file = fc.oneof(mutatedText(good), mutatedJson(JSON.parse(good)).map((v) => JSON.stringify(v) ?? ''));
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const r = await guarded('model', () => parseModelFile(text));
        if (r.ok) {
          const floats = new Float32Array(r.model.weights.data);
          expect(floats.length).toBe(r.model.file.weightSpecs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0));
          expect(floats.every(Number.isFinite), 'no NaN or Infinity weights get in').toBe(true);
          expect(validateConfig(r.model.file.config).ok).toBe(true);
        } else {
          expect(REASONS).toContain(r.reason);
          expect(isMessage(r.message)).toBe(true);
        }
      }),
      params(RUNS.model),
    );
  });

  it(`dataset URL to import (fetchRemoteManifest): ${RUNS.datasetUrl} addresses`, async () => {
    const good = 'https://example.org/course/manifest.json';
    const address = fc.oneof(
      mutatedText(good),
      fc.constantFrom('http://example.org/m.json', 'javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd', 'blob:https://x/1', '//example.org/m.json', 'HTTPS://EXAMPLE.ORG/m.json', 'https://[::1]/m.json', 'https://user:pw@example.org/m.json').chain(mutatedText),
      fc.string({ unit: 'binary', maxLength: 80 }),
    );
    const body = JSON.stringify(manifest());
    await fc.assert(
      fc.asyncProperty(address, fc.constantFrom(200, 404), async (input, status) => {
        const asked: string[] = [];
        const fetchImpl = (async (url: string) => {
          asked.push(url);
          return new Response(body, { status });
        }) as typeof fetch;
        const r = await guarded('datasetUrl', () => fetchRemoteManifest(input, fetchImpl).then(
          (m) => ({ ok: true as const, m }),
          (e: unknown) => ({ ok: false as const, e }),
        ));
        for (const url of asked) expect(new URL(url).protocol, 'only https:// is ever asked (no page origin here)').toBe('https:');
        if (r.ok) expect(r.m.manifest.datasets).toHaveLength(1);
        else {
          expect(r.e, `only a DatasetError: ${String(r.e)}`).toBeInstanceOf(DatasetError);
          expect(isMessage((r.e as DatasetError).message)).toBe(true);
        }
      }),
      params(RUNS.datasetUrl),
    );
  });

  const zips = [
    makeZip([{ path: 'cats/1.png', data: png(8, 8) }, { path: 'dogs/2.png', data: png(8, 8), deflate: true }]),
    makeZip([{ path: 'a/b/../c.png', data: png(4, 4), deflate: true }, { path: 'notes.txt', data: new TextEncoder().encode('hello') }]),
  ];
  const noClimbing = (p: string) => expect(p).not.toMatch(/(^|\/)\.\.?(\/|$)|\\|^\//);

  it(`zip reader (listZip, entryProblem, readZipEntry): ${RUNS.zip} archives`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBytes(zips), async (bytes) => {
        const blob = new Blob([bytes]);
        const outcome = await guarded('zip', async () => {
          const entries = await listZip(blob);
          for (const e of entries) {
            noClimbing(e.path);
            const problem = entryProblem(e, 1024 * 1024);
            if (problem) expect(isMessage(problem)).toBe(true);
            else expect((await readZipEntry(blob, e)).length).toBe(e.size);
          }
        }).then(
          () => null,
          (e: unknown) => e,
        );
        if (outcome !== null) {
          expect(outcome, `only a ZipError: ${String(outcome)}`).toBeInstanceOf(ZipError);
          expect(isMessage((outcome as Error).message)).toBe(true);
        }
      }),
      params(RUNS.zip),
    );
  });

  it(`picked files (expandPicked: names, zips): ${RUNS.upload} selections`, async () => {
    const name = fc.oneof(fc.constantFrom('a.png', 'x.zip', '../../etc/passwd', '..\\..\\evil.png', '/abs/./1.png', '<img src=x onerror=alert(1)>.png', '__proto__', 'constructor/prototype.zip'), fc.string({ unit: 'binary', maxLength: 30 }));
    const picked = fc.array(fc.tuple(name, mutatedBytes([...zips, png(8, 8)])), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(picked, async (files) => {
        const r = await guarded('upload', () => expandPicked(files.map(([path, b]) => ({ path, blob: new Blob([b]) })), 1024 * 1024));
        for (const c of r.candidates) noClimbing(c.path);
        for (const s of r.skipped) expect(isMessage(s.reason)).toBe(true);
      }),
      params(RUNS.upload),
    );
  });

  it(`image sniffers (sniffImage, imageDims, describeNonImage, pngCutShort, jpegCutShort): ${RUNS.sniff} files`, async () => {
    const bytes = fc.oneof(mutatedBytes([png(16, 16), png(3, 40), truncatedJpeg(), new TextEncoder().encode('%PDF-1.7 hello'), zips[0]]), fc.uint8Array({ maxLength: 64 }));
    await fc.assert(
      fc.asyncProperty(bytes, fc.string({ maxLength: 12 }), async (b, name) => {
        await guarded('sniff', () => {
          const type = sniffImage(b);
          if (type) {
            const dims = imageDims(b, type);
            if (dims) for (const d of dims) expect(Number.isInteger(d) && d >= 0).toBe(true);
            const cut = type === 'image/png' ? pngCutShort(b) : type === 'image/jpeg' ? jpegCutShort(b) : null;
            if (cut !== null) expect(isMessage(cut)).toBe(true);
          } else expect(isMessage(describeNonImage(b, name))).toBe(true);
        });
      }),
      params(RUNS.sniff),
    );
  });
});

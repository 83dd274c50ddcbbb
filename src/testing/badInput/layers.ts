/**
 * One helper per layer that takes input from a person or a file. Each feeds the bad input in, checks
 * that nothing the user had is lost (the last valid config, the other link settings, the stored
 * datasets, the runs), and returns the message a person would read.
 */
import { expect } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import { decodeConfig } from '../../config/url';
import { validateConfig } from '../../config/validate';
import { fetchManifest } from '../../data/loadDataset';
import { validateManifest } from '../../data/manifest';
import { importImages, type DecodeFn, type PickedFile } from '../../data/upload/importImages';
import { fetchRemoteManifest } from '../../data/urlImport';
import { expandPicked } from '../../data/upload/sources';
import type { Command } from '../../protocol';
import { createExperimentStore, type ControlField } from '../../store/experiment';
import { countInflates } from './fixtures';

/** Types `text` into a config control: the message under it, with the previous config kept and nothing sent. */
export function typed(field: ControlField, text: string): string {
  const sent: Command[] = [];
  const store = createExperimentStore({ send: (c) => sent.push(c) });
  store.getState().actions.init();
  const before = store.getState().config;
  store.getState().actions.setField(field, text);
  const s = store.getState();
  expect(s.config, 'the last valid config is kept').toBe(before);
  expect(sent, 'nothing new reaches the trainer').toHaveLength(1);
  expect(s.drafts[field], 'what was typed stays in the box to fix').toBe(text);
  return s.fieldErrors[field] ?? '(no message)';
}

/** A whole config as JSON (a saved run, a preset, a model file's config): refused as a whole. */
export function configJson(json: string): string {
  const input: unknown = JSON.parse(json);
  const v = validateConfig(input);
  if (v.ok) return '(accepted)';
  const store = createExperimentStore({ send: () => {} });
  const before = store.getState().config;
  expect(store.getState().actions.load(input as never)).toEqual(v.errors);
  expect(store.getState().config, 'the loaded config stays').toBe(before);
  expect(({} as Record<string, unknown>).polluted, 'no prototype pollution').toBeUndefined();
  return v.errors.map((e) => `${e.field}: ${e.message}`).join('\n');
}

/** A shared link: the bad setting is named and left out, a good one beside it still applies. */
export function link(hash: string): string {
  const { config, notes, applied } = decodeConfig(`${hash}&epochs=7`, DEFAULT_CONFIG);
  expect(config.epochs, 'the good setting in the same link applies').toBe(7);
  expect(applied).toEqual(['epochs']);
  expect(({} as Record<string, unknown>).polluted, 'no prototype pollution').toBeUndefined();
  return notes.join('\n');
}

export function manifestJson(json: unknown): string {
  const r = validateManifest(json, 'manifest.json');
  return r.ok ? '(accepted)' : r.errors.join('\n');
}

/** A manifest URL answering with `body`: the error the dataset picker shows. */
export async function manifestBody(body: string): Promise<string> {
  const fetchImpl = (async () => new Response(body, { status: 200 })) as typeof fetch;
  return fetchManifest('https://example.org/course/manifest.json', fetchImpl).then(
    () => '(accepted)',
    (e: Error) => e.message,
  );
}

/** An address typed into "Import from a URL": a scheme that is not http(s) is refused before any request. */
export async function datasetUrl(input: string, status: number | 'unreachable' = 200): Promise<string> {
  const asked: string[] = [];
  const fetchImpl = (async (url: string) => {
    asked.push(url);
    // What Chromium throws offline, or when the page's policy blocks the address.
    if (status === 'unreachable') throw new TypeError('Failed to fetch');
    return new Response('{}', { status });
  }) as typeof fetch;
  const message = await fetchRemoteManifest(input, fetchImpl).then(
    () => '(accepted)',
    (e: Error) => e.message,
  );
  if (!/^https:/.test(input.trim())) expect(asked, 'no request for a refused address').toEqual([]);
  return message;
}

const bytesFile = (path: string, bytes: Uint8Array<ArrayBuffer> | string): PickedFile => ({ path, blob: new Blob([bytes]) });
export { bytesFile as file };

/**
 * Imports the picked files: each bad one must be listed by name with its reason, refused before
 * any decoding or inflating, and a failed import stores nothing (the current dataset stays).
 */
export async function upload(...files: PickedFile[]): Promise<string> {
  const decoded: string[] = [];
  const decode: DecodeFn = async (_bytes, _type, size, channels) => {
    decoded.push('?');
    return new Uint8Array(size * size * channels);
  };
  let saves = 0;
  const save = async () => {
    saves++;
    return 'stored' as const;
  };
  const { value: r, inflates } = await countInflates(() =>
    importImages(files, { name: 'Bad', size: 28, channels: 1, testFraction: 0.2 }, { decode, save, idSuffix: () => 'test' }),
  );
  expect(decoded, 'refused before decoding').toEqual([]);
  expect(inflates, 'refused before inflating').toBe(0);
  expect(r.ok).toBe(false);
  expect(saves, 'a failed import stores nothing').toBe(0);
  return [r.ok ? '' : r.message, ...r.skipped.map((s) => `${s.path}: ${s.reason}`)].join('\n');
}

/** The names an import would use for picked files (shown in the report and used as class folders). */
export async function pickedNames(...files: PickedFile[]): Promise<string> {
  const { candidates, skipped } = await expandPicked(files);
  const names = [...candidates.map((c) => c.path), ...skipped.map((s) => `${s.path}: ${s.reason}`)];
  for (const n of names) expect(n, 'no name climbs out of its folder').not.toMatch(/(^|[/\\])\.\.([/\\]|$)|\\/);
  return names.join('\n');
}

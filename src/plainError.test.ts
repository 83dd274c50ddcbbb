import { describe, expect, it } from 'vitest';
import { FakeWorker } from './client/testing/fakeWorker';
import { TrainerClient } from './client/TrainerClient';
import { DatasetError } from './data/fetchFile';
import { fetchManifest } from './data/loadDataset';
import { plainError, plainMessage } from './plainError';
import type { TrainerEvent } from './protocol';

/** What Chromium, Firefox and Safari put in errors a person could otherwise be shown. */
const RAW = /Failed to fetch|NetworkError|Load failed|net::ERR|TypeError|QuotaExceededError|AbortError|aborted a request|operation was aborted|allocation failed|IDBDatabase|backing store|operation is insecure|dynamically imported/;

const CASES: [raw: string, says: RegExp][] = [
  ['Failed to fetch', /^The server could not be reached \(this browser is offline.*\)\. Check the connection and try again\.$/],
  ['TypeError: Failed to fetch', /^The server could not be reached/],
  ['TypeError: NetworkError when attempting to fetch resource.', /^The server could not be reached .* Check the connection/],
  ['Load failed', /^The server could not be reached/],
  ['net::ERR_INTERNET_DISCONNECTED', /^The server could not be reached/],
  ['Could not download manifest.json: Failed to fetch. Check the connection and try again.', /^Could not download manifest\.json: the server could not be reached \(.*\)\. Check the connection and try again\.$/],
  ['TypeError: Failed to fetch dynamically imported module: http://x/assets/plotly-abc.js', /^A part of the app could not be loaded .* Reload the page once you are online\.$/],
  ['AbortError: The user aborted a request.', /^It was stopped before it finished\. Try again\.$/],
  ['QuotaExceededError: The quota has been exceeded.', /^This browser’s storage for the site is full\. Delete cached datasets under “Storage”/],
  ['RangeError: Array buffer allocation failed', /^The browser ran out of memory\. Close other tabs/],
  ["InvalidStateError: Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.", /^This browser’s storage could not be used .* Reload the page and try again\.$/],
  ['SecurityError: The operation is insecure.', /^The browser refused it .* Allow site data/],
  ["TypeError: Cannot read properties of undefined (reading 'x')", /^Something went wrong inside the app \(TypeError: Cannot read .*\)\. Reload the page and try again; your saved runs are kept\.$/],
  ['The trainer stopped unexpectedly (Uncaught RangeError: Array buffer allocation failed). It restarts on your next action, with your settings.', /^The trainer stopped unexpectedly \(the browser ran out of memory\)\. It restarts on your next action, with your settings\. Close other tabs/],
  ['', /^Something went wrong, without a reason given\. Try again/],
];

describe('plainMessage: no raw browser error reaches a person', () => {
  for (const [raw, says] of CASES) {
    it(JSON.stringify(raw), () => {
      const out = plainMessage(raw);
      expect(out).toMatch(says);
      // A bug in the app keeps its own words, for the report, framed as what happened and what to do.
      if (!out.startsWith('Something went wrong inside the app')) expect(out).not.toMatch(RAW);
    });
  }

  it('leaves the app’s own messages alone, dots and all', () => {
    for (const own of ['datasets[0].splits.train.images.file must not contain ".."', 'Learning rate must be a number (got "fast").', 'Cancelled.']) expect(plainMessage(own)).toBe(own);
  });

  it('takes the name of a browser error into account, and not of the app’s own', () => {
    expect(plainError(new TypeError('Failed to fetch'))).toMatch(/^The server could not be reached/);
    expect(plainError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toMatch(/^This browser’s storage for the site is full/);
    expect(plainError(new DOMException('Something odd.', 'NotReadableError'))).toMatch(/^The browser refused an operation \(NotReadableError: Something odd\.\)\. Reload the page/);
    expect(plainError(new DatasetError('http', 'Could not download x.u8gz: the server answered HTTP 404'))).toBe('Could not download x.u8gz: the server answered HTTP 404');
    expect(plainError('Failed to fetch')).toMatch(/^The server could not be reached/);
  });

  it('a manifest that cannot be fetched says so, without the browser’s words', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(fetchManifest('https://example.org/datasets/manifest.json', offline)).rejects.toThrow(/^Could not download manifest\.json: the server could not be reached \(this browser is offline, .*\)\. Check the connection and try again\.$/);
  });

  it('every message from the trainer is made plain before any panel sees it', () => {
    const worker = new FakeWorker();
    const client = new TrainerClient(() => worker, { manifestUrl: 'http://x/datasets/manifest.json' });
    const got: TrainerEvent[] = [];
    client.subscribe((e) => got.push(e));
    client.send({ type: 'start' });
    worker.fire({ type: 'error', code: 'network', message: 'Could not download train-images.u8gz: Failed to fetch', recoverable: true });
    worker.fire({ type: 'analysisError', requestId: 3, message: 'QuotaExceededError: The quota has been exceeded.', cancelled: false });
    worker.fire({ type: 'status', state: 'idle', step: 0, epoch: 0 });
    expect(got.map((e) => ('message' in e ? e.message : null))).toEqual([
      expect.stringMatching(/^Could not download train-images\.u8gz: the server could not be reached \(.*\)\. Check the connection and try again\.$/),
      expect.stringMatching(/^This browser’s storage for the site is full\./),
      null,
    ]);
    expect(got[2]).toEqual({ type: 'status', state: 'idle', step: 0, epoch: 0 });
  });
});

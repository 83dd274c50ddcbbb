import { describe, expect, it } from 'vitest';
import { RequestError, type RequestOptions } from '../client/port';
import type { AnalysisRequest } from '../protocol';
import { createCompletionStore, type CurveEvent } from './completion';
import { parseSettings, DEFAULT_TEXT } from './completionSettings';

/** A request function whose analyses the test answers by hand. */
function fakeClient() {
  const jobs: { request: AnalysisRequest; progress?: (l: string, d: number, t: number) => void; partial?: (p: unknown) => void; resolve(r: unknown): void; reject(e: unknown): void; cancelled: boolean }[] = [];
  const client = ((_kind: 'analyze', request: AnalysisRequest, options: RequestOptions<unknown> = {}) => {
    let resolve!: (r: unknown) => void;
    let reject!: (e: unknown) => void;
    const result = new Promise((res, rej) => ((resolve = res), (reject = rej)));
    const job = { request, progress: options.onProgress, partial: options.onPartial, resolve, reject, cancelled: false };
    options.signal?.addEventListener('abort', () => void (job.cancelled = true));
    jobs.push(job);
    return result;
  }) as never;
  return { client, jobs };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const px = new Float32Array(784);
const mask = new Uint8Array(784).fill(1);

describe('completion runs', () => {
  it('runs both methods, streams the fit into the curve, and keeps the final results', async () => {
    const { client, jobs } = fakeClient();
    const { store, onCurve } = createCompletionStore(client);
    const curve: CurveEvent[] = [];
    onCurve((e) => curve.push(e));
    store.getState().actions.run(px, mask);
    expect(jobs.map((j) => j.request.kind === 'complete' && j.request.method)).toEqual(['amortized', 'optimize']);
    expect(jobs[1].request).toMatchObject({ steps: 300, learningRate: 0.05, mcSamples: 4, samples: 6, fill: 'zeros', init: 'random' });
    expect(store.getState().optimize.status).toBe('running');
    const snap = new Float32Array(784).fill(0.5);
    jobs[1].partial!({ kind: 'complete', step: 2, steps: 300, elbo: Float32Array.from([-300, -290]), completion: snap });
    jobs[1].progress!('fit', 2, 300);
    expect(store.getState().optimize).toMatchObject({ image: snap, done: 2, total: 300 });
    expect(curve).toEqual([{ type: 'reset', steps: 300 }, { type: 'points', from: 0, elbo: Float32Array.from([-300, -290]) }]);
    jobs[0].resolve({ kind: 'complete', elbo: -250, completion: snap });
    await flush();
    expect(store.getState().amortized.status).toBe('done');
    expect(curve.at(-1)).toEqual({ type: 'reference', elbo: -250 });
  });

  it('a new run cancels the old one, and the old one’s late events change nothing', async () => {
    const { client, jobs } = fakeClient();
    const { store, onCurve } = createCompletionStore(client);
    const curve: CurveEvent[] = [];
    onCurve((e) => curve.push(e));
    store.getState().actions.run(px, mask);
    store.getState().actions.run(px, mask);
    expect(jobs[0].cancelled && jobs[1].cancelled).toBe(true);
    expect(jobs[2].cancelled || jobs[3].cancelled).toBe(false);
    const before = curve.length;
    jobs[1].partial!({ kind: 'complete', step: 1, steps: 300, elbo: Float32Array.from([-1]), completion: px });
    jobs[1].reject(new RequestError('Cancelled.', true));
    await flush();
    expect(curve.length).toBe(before);
    expect(store.getState().optimize.status).toBe('running');
    store.getState().actions.cancel();
    expect(jobs[3].cancelled).toBe(true);
    jobs[3].reject(new RequestError('Cancelled.', true));
    await flush();
    expect(store.getState().optimize).toMatchObject({ status: 'cancelled', message: 'Cancelled.' });
  });

  it('a bad setting stops the run with a message naming the field', () => {
    const { client, jobs } = fakeClient();
    const { store } = createCompletionStore(client);
    store.getState().actions.set({ text: { ...DEFAULT_TEXT, steps: '2.5' } });
    store.getState().actions.run(px, mask);
    expect(jobs).toHaveLength(0);
    expect(store.getState().optimize).toMatchObject({ status: 'failed', message: 'Adam steps must be a whole number from 1 to 20000.' });
    expect(parseSettings({ ...DEFAULT_TEXT, learningRate: 'abc' }).errors.learningRate).toMatch(/^Step size/);
  });

  it('measures the amortization gap on 10 images with the fit’s settings', async () => {
    const { client, jobs } = fakeClient();
    const { store } = createCompletionStore(client);
    store.getState().actions.measureGap();
    expect(jobs[0].request).toMatchObject({ kind: 'amortizationGap', count: 10, steps: 300, learningRate: 0.05, mcSamples: 4, init: 'random' });
    jobs[0].resolve({ kind: 'amortizationGap', count: 10 });
    await flush();
    expect(store.getState().gap).toMatchObject({ status: 'done', result: { count: 10 } });
  });
});

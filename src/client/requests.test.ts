import { describe, expect, it } from 'vitest';
import type { Command, TrainerEvent } from '../protocol';
import { isCancelled, RequestError } from './port';
import { PendingRequests } from './requests';

function setup() {
  const sent: Command[] = [];
  const requests = new PendingRequests((c) => sent.push(c));
  return { sent, requests };
}

describe('PendingRequests', () => {
  it('sends each request with its own id and resolves it with its own answer', async () => {
    const { sent, requests } = setup();
    const a = requests.request('analyze', { kind: 'memory' });
    const b = requests.request('runs', { op: 'list' });
    expect(sent).toEqual([
      { type: 'analyze', requestId: 1, request: { kind: 'memory' } },
      { type: 'runs', requestId: 2, request: { op: 'list' } },
    ]);
    requests.handle({ type: 'runsResult', requestId: 2, result: { op: 'list', runs: [] } });
    requests.handle({ type: 'analysisResult', requestId: 1, result: { kind: 'memory', numTensors: 3, numBytes: 12, backend: 'cpu', step: 0 } });
    expect(await b).toEqual({ op: 'list', runs: [] });
    expect((await a).numTensors).toBe(3);
    expect(requests.size).toBe(0);
  });

  it('streams progress and partial results to the request that asked, and nothing to others', async () => {
    const { requests } = setup();
    const progress: number[] = [];
    const partials: unknown[] = [];
    const other: number[] = [];
    const a = requests.request('analyze', { kind: 'iwae', count: 1, k: 2, seed: 1 } as never, { onProgress: (_l, d) => progress.push(d), onPartial: (p) => partials.push(p) });
    void requests.request('analyze', { kind: 'memory' }, { onProgress: (_l, d) => other.push(d) });
    requests.handle({ type: 'analysisProgress', requestId: 1, label: 'x', done: 5, total: 10 });
    requests.handle({ type: 'analysisPartial', requestId: 1, partial: { kind: 'gmm', iteration: 1, logLikelihood: -3 } });
    requests.handle({ type: 'analysisError', requestId: 1, message: 'no model yet', cancelled: false });
    await expect(a).rejects.toThrow('no model yet');
    expect(progress).toEqual([5]);
    expect(partials).toHaveLength(1);
    expect(other).toEqual([]);
  });

  it('cancels an analysis through its AbortSignal: the worker is told, and its answer rejects as cancelled', async () => {
    const { sent, requests } = setup();
    const abort = new AbortController();
    const a = requests.request('analyze', { kind: 'memory' }, { signal: abort.signal });
    abort.abort();
    expect(sent.at(-1)).toEqual({ type: 'cancelAnalysis', requestId: 1 });
    requests.handle({ type: 'analysisError', requestId: 1, message: 'Cancelled.', cancelled: true });
    const err = await a.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    expect(isCancelled(err)).toBe(true);
    // Already aborted: nothing is sent at all.
    const before = sent.length;
    await expect(requests.request('analyze', { kind: 'memory' }, { signal: abort.signal })).rejects.toMatchObject({ cancelled: true });
    expect(sent).toHaveLength(before);
  });

  it('streams nothing more once aborted, while the worker is still stopping', async () => {
    const { requests } = setup();
    const abort = new AbortController();
    const partials: unknown[] = [];
    const progress: number[] = [];
    const a = requests.request('analyze', { kind: 'memory' }, { signal: abort.signal, onPartial: (p) => partials.push(p), onProgress: (_l, d) => progress.push(d) });
    requests.handle({ type: 'analysisPartial', requestId: 1, partial: { kind: 'gmm', iteration: 1, logLikelihood: -3 } });
    abort.abort();
    requests.handle({ type: 'analysisPartial', requestId: 1, partial: { kind: 'gmm', iteration: 2, logLikelihood: -2 } });
    requests.handle({ type: 'analysisProgress', requestId: 1, label: 'x', done: 7, total: 10 });
    requests.handle({ type: 'analysisError', requestId: 1, message: 'Cancelled.', cancelled: true });
    await expect(a).rejects.toMatchObject({ cancelled: true });
    expect(partials).toHaveLength(1);
    expect(progress).toEqual([]);
  });

  it('drops an aborted runs request at once (the worker cannot stop one)', async () => {
    const { requests } = setup();
    const abort = new AbortController();
    const r = requests.request('runs', { op: 'list' }, { signal: abort.signal });
    abort.abort();
    await expect(r).rejects.toMatchObject({ cancelled: true });
    expect(requests.size).toBe(0);
  });

  it('fails every request in flight when the worker crashes', async () => {
    const { requests } = setup();
    const a = requests.request('analyze', { kind: 'memory' });
    const b = requests.request('runs', { op: 'list' });
    const crash: TrainerEvent = { type: 'error', code: 'worker-crashed', message: 'The trainer stopped unexpectedly.', recoverable: true };
    requests.handle(crash);
    await expect(a).rejects.toMatchObject({ message: 'The trainer stopped unexpectedly.', cancelled: false });
    await expect(b).rejects.toThrow('stopped unexpectedly');
    expect(requests.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { Command, TrainerEvent } from '../protocol';
import { createTrainingStore } from './training';

function setup() {
  const sent: Command[] = [];
  let listener: (e: TrainerEvent) => void = () => {};
  const store = createTrainingStore({
    send: (c) => sent.push(c),
    subscribe: (l) => {
      listener = l;
      return () => {};
    },
  });
  return { store, sent, fire: (e: TrainerEvent) => listener(e), actions: store.getState().actions };
}

const terms = (nelbo: number) => ({ nelbo, recon: nelbo - 20, kl: 20 });

describe('training store', () => {
  it('folds status, metrics and a test evaluation', () => {
    const { store, fire } = setup();
    fire({ type: 'status', state: 'training', step: 0, epoch: 0 });
    fire({ type: 'metrics', step: 40, epoch: 0, epochProgress: 0.5, imagesPerSec: 3000, train: terms(150) });
    let s = store.getState();
    expect(s).toMatchObject({ state: 'training', step: 40, epochProgress: 0.5, imagesPerSec: 3000, train: terms(150), test: null });

    // The evaluation event repeats the test terms as `train` and 0 images/s; neither may overwrite.
    fire({ type: 'metrics', step: 80, epoch: 1, epochProgress: 0, imagesPerSec: 0, train: terms(120), test: terms(120) });
    s = store.getState();
    expect(s).toMatchObject({ step: 80, epoch: 1, imagesPerSec: 3000, train: terms(150), test: terms(120) });
  });

  it('clears losses when a reset brings the trainer back to step 0', () => {
    const { store, fire } = setup();
    fire({ type: 'metrics', step: 5, epoch: 0, epochProgress: 0.1, imagesPerSec: 100, train: terms(300) });
    fire({ type: 'status', state: 'idle', step: 0, epoch: 0 });
    expect(store.getState()).toMatchObject({ state: 'idle', step: 0, train: null, test: null, imagesPerSec: null });
  });

  it('shows an opened run’s or imported model’s last figures from its history', () => {
    const { store, fire } = setup();
    fire({ type: 'status', state: 'idle', step: 0, epoch: 0 });
    const h = (xs: number[]) => ({ step: xs.map((_, i) => i + 1), nelbo: xs, recon: xs.map((x) => x - 20), kl: xs.map(() => 20), loss: xs });
    fire({ type: 'history', runId: 'r', history: { train: h([200, 150, 130]), test: { ...h([140, 125]), epoch: [1, 2] }, notes: [] } });
    fire({ type: 'status', state: 'paused', step: 3, epoch: 2 });
    expect(store.getState()).toMatchObject({ state: 'paused', train: { nelbo: 130, recon: 110, kl: 20 }, test: { nelbo: 125 } });
  });

  it('knows the step of the last written checkpoint, forgotten on a reset or an opened run', () => {
    const { store, fire } = setup();
    const run = (step: number) => ({ type: 'runSaved', run: { id: 'r', step } }) as unknown as TrainerEvent;
    expect(store.getState().savedStep).toBeNull();
    fire({ type: 'status', state: 'paused', step: 40, epoch: 0 });
    fire(run(40));
    expect(store.getState()).toMatchObject({ step: 40, savedStep: 40 });
    fire({ type: 'status', state: 'training', step: 41, epoch: 0 });
    expect(store.getState().savedStep).toBe(40);
    fire({ type: 'history', runId: 'q', history: { train: { step: [], nelbo: [], recon: [], kl: [], loss: [] }, test: { step: [], nelbo: [], recon: [], kl: [], loss: [], epoch: [] }, notes: [] } });
    expect(store.getState().savedStep).toBeNull();
    fire(run(7));
    fire({ type: 'status', state: 'idle', step: 0, epoch: 0 });
    expect(store.getState().savedStep).toBeNull();
  });

  it('keeps the backend, progress and dataset facts', () => {
    const { store, fire } = setup();
    fire({ type: 'status', state: 'loading', step: 0, epoch: 0 });
    fire({ type: 'backend', name: 'wasm', reason: 'fastest probe', probes: [{ name: 'wasm', imagesPerSec: 3000, note: '' }], threads: 2, threadNote: 'SIMD, 2 threads' });
    fire({ type: 'progress', task: 'dataset', label: 'Downloading MNIST', done: 3, total: 10 });
    let s = store.getState();
    expect(s.backend).toMatchObject({ name: 'wasm', threads: 2, threadNote: 'SIMD, 2 threads' });
    expect(s.progress).toMatchObject({ task: 'dataset', done: 3, total: 10 });
    expect(s.datasetProgress).toMatchObject({ done: 3, total: 10 });

    fire({ type: 'progress', task: 'dataset', label: 'Downloading MNIST', done: 10, total: 10 });
    fire({ type: 'dataset', name: 'mnist', trainCount: 60000, testCount: 10000, fromCache: false, attribution: 'LeCun & Cortes' });
    s = store.getState();
    expect(s.progress).toBeNull();
    expect(s.datasetProgress).toMatchObject({ done: 10, total: 10 });
    expect(s.dataset).toMatchObject({ name: 'mnist', trainCount: 60000, attribution: 'LeCun & Cortes' });
  });

  it('lists errors until dismissed, and a crash leaves the trainer idle', () => {
    const { store, fire, actions } = setup();
    fire({ type: 'status', state: 'training', step: 3, epoch: 0 });
    fire({ type: 'error', code: 'worker-crashed', message: 'gone', recoverable: true });
    fire({ type: 'error', code: 'non-finite-loss', message: 'NaN', recoverable: true, field: 'learningRate' });
    const s = store.getState();
    expect(s.state).toBe('idle');
    expect(s.step).toBe(3);
    expect(s.errors.map((e) => e.code)).toEqual(['worker-crashed', 'non-finite-loss']);
    actions.dismissError(s.errors[0].id);
    expect(store.getState().errors.map((e) => e.code)).toEqual(['non-finite-loss']);
  });

  it('sends the right command for each action', () => {
    const { sent, fire, actions } = setup();
    actions.train();
    fire({ type: 'status', state: 'paused', step: 3, epoch: 0 });
    actions.train();
    actions.pause();
    actions.resume();
    actions.step();
    actions.reset();
    actions.setBackend('webgl');
    expect(sent.map((c) => c.type)).toEqual(['start', 'resume', 'pause', 'resume', 'step', 'reset', 'setBackend']);
    expect(sent.at(-1)).toEqual({ type: 'setBackend', backend: 'webgl' });
  });
});

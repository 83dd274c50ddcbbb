import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import type { BackendChoice } from '../config/experiment';
import type { RunSummary } from '../protocol';
import { startRecovery } from './recovery';
import { FakeWorker } from './testing/fakeWorker';
import { TrainerClient } from './TrainerClient';

const run = { id: 'r1', name: 'run', config: DEFAULT_CONFIG, step: 40 } as RunSummary;

function setup(backend: 'webgpu' | 'webgl' | null = 'webgpu') {
  const workers: FakeWorker[] = [];
  const client = new TrainerClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, { manifestUrl: 'm' });
  const backends: BackendChoice[] = [];
  const resumed: [string, boolean][] = [];
  const off = startRecovery(client, {
    backendInUse: () => backend,
    setBackend: (b) => {
      backends.push(b);
      client.send({ type: 'setBackend', backend: b });
    },
    resume: (r, train) => resumed.push([r.id, train]),
  });
  return { client, workers, backends, resumed, off };
}

describe('recovery', () => {
  it('asks at once which unfinished run can be resumed, without waiting for any panel', () => {
    const { workers } = setup();
    expect(workers).toHaveLength(1);
    expect(workers[0].posted.map((c) => c.type)).toEqual(['init', 'checkResume']);
  });

  it('after a lost device: a fresh worker on the next backend, which resumes the run that was training', () => {
    const { workers, backends, resumed } = setup('webgpu');
    workers[0].fire({ type: 'status', state: 'training', step: 40, epoch: 0 });
    workers[0].fire({ type: 'error', code: 'device-lost', message: 'lost', recoverable: true });
    expect(workers[0].terminated).toBe(true);
    expect(backends).toEqual(['webgl']);
    expect(workers[1].posted.map((c) => c.type)).toEqual(['init', 'setBackend', 'checkResume']);
    workers[1].fire({ type: 'resumable', run });
    expect(resumed).toEqual([['r1', true]]);
  });

  it('after a device lost before any checkpoint: training starts again instead of stalling', () => {
    const { workers } = setup('webgl');
    workers[0].fire({ type: 'status', state: 'training', step: 3, epoch: 0 });
    workers[0].fire({ type: 'error', code: 'device-lost', message: 'lost', recoverable: true });
    workers[1].fire({ type: 'resumable', run: null });
    expect(workers[1].posted.at(-1)).toEqual({ type: 'start' });
  });

  it('after an uncaught crash: the next worker is asked what to resume, and the run is only offered', async () => {
    const { workers, resumed } = setup();
    workers[0].fire({ type: 'status', state: 'training', step: 40, epoch: 0 });
    workers[0].crash();
    await new Promise((r) => setTimeout(r, 5));
    expect(workers[1].posted.map((c) => c.type)).toEqual(['init', 'checkResume']);
    workers[1].fire({ type: 'resumable', run });
    expect(resumed).toEqual([]);
  });

  it('stops when unsubscribed', () => {
    const { workers, backends, off } = setup();
    off();
    workers[0].fire({ type: 'error', code: 'device-lost', message: 'lost', recoverable: true });
    expect(backends).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import type { Command, TrainerEvent } from '../protocol';
import { FakeWorker } from './testing/fakeWorker';
import { TrainerClient } from './TrainerClient';

function setup() {
  const workers: FakeWorker[] = [];
  const client = new TrainerClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    { manifestUrl: 'http://x/datasets/manifest.json' },
  );
  return { client, workers };
}

const init: Command = { type: 'init', manifestUrl: 'http://x/datasets/manifest.json' };

describe('TrainerClient', () => {
  it('starts no worker until the first command, then sends init first', () => {
    const { client, workers } = setup();
    client.subscribe(() => {});
    expect(workers).toHaveLength(0);
    client.send({ type: 'start' });
    expect(workers).toHaveLength(1);
    expect(workers[0].posted).toEqual([init, { type: 'start' }]);
    client.send({ type: 'pause' });
    expect(workers).toHaveLength(1);
    expect(workers[0].posted.at(-1)).toEqual({ type: 'pause' });
  });

  it('sends a first setConfig once, not twice through the replay', () => {
    const { client, workers } = setup();
    const cfg: Command = { type: 'setConfig', config: DEFAULT_CONFIG };
    client.send(cfg);
    expect(workers[0].posted).toEqual([init, cfg]);
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const { client, workers } = setup();
    const a: TrainerEvent[] = [];
    const b: TrainerEvent[] = [];
    const offA = client.subscribe((e) => a.push(e));
    client.subscribe((e) => b.push(e));
    client.send({ type: 'start' });
    const ev: TrainerEvent = { type: 'status', state: 'training', step: 0, epoch: 0 };
    workers[0].fire(ev);
    offA();
    workers[0].fire(ev);
    expect(a).toEqual([ev]);
    expect(b).toEqual([ev, ev]);
  });

  it('turns a crash into an error event and restarts with the last config and backend', () => {
    const { client, workers } = setup();
    const got: TrainerEvent[] = [];
    client.subscribe((e) => got.push(e));
    const cfg1: Command = { type: 'setConfig', config: DEFAULT_CONFIG };
    const cfg2: Command = { type: 'setConfig', config: { ...DEFAULT_CONFIG, latentDim: 2 } };
    const backend: Command = { type: 'setBackend', backend: 'wasm' };
    client.send(cfg1);
    client.send(backend);
    client.send(cfg2);
    client.send({ type: 'start' });

    expect(workers[0].crash('out of memory')).toBe(true);
    expect(workers[0].terminated).toBe(true);
    expect(client.running).toBe(false);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ type: 'error', code: 'worker-crashed', recoverable: true });
    expect((got[0] as { message: string }).message).toContain('out of memory');

    // Events from the dead worker are ignored.
    workers[0].fire({ type: 'status', state: 'training', step: 9, epoch: 0 });
    expect(got).toHaveLength(1);

    client.send({ type: 'start' });
    expect(workers).toHaveLength(2);
    expect(workers[1].posted).toEqual([init, cfg2, backend, { type: 'start' }]);
  });

  it('terminate stops the worker and a later command starts a fresh one', () => {
    const { client, workers } = setup();
    client.send({ type: 'reset' });
    client.terminate();
    expect(workers[0].terminated).toBe(true);
    client.send({ type: 'step' });
    expect(workers).toHaveLength(2);
  });
});

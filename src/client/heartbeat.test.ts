import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrainerEvent } from '../protocol';
import { FakeWorker } from './testing/fakeWorker';
import { TrainerClient } from './TrainerClient';

const metrics: TrainerEvent = { type: 'metrics', step: 1, epoch: 0, epochProgress: 0.01, imagesPerSec: 100, train: { nelbo: 500, recon: 490, kl: 10 } };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const workers: FakeWorker[] = [];
  const client = new TrainerClient(
    () => {
      const w = new FakeWorker(true);
      workers.push(w);
      return w;
    },
    { manifestUrl: 'm', heartbeatMs: 1000, silentLimitMs: 5000 },
  );
  const got: TrainerEvent[] = [];
  client.subscribe((e) => got.push(e));
  return { client, workers, got };
}

describe('TrainerClient heartbeat', () => {
  it('leaves a worker that answers alone, however long it runs', async () => {
    const { client, workers, got } = setup();
    client.send({ type: 'start' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(workers).toHaveLength(1);
    expect(workers[0].posted.filter((c) => c.type === 'ping').length).toBeGreaterThan(30);
    expect(got.filter((e) => e.type === 'error')).toEqual([]);
    client.terminate();
  });

  it('declares a silently terminated worker dead, says so, and asks for its run to be resumed if it was training', async () => {
    const { client, workers, got } = setup();
    client.send({ type: 'start' });
    workers[0].fire({ type: 'status', state: 'training', step: 40, epoch: 0 });
    workers[0].fire(metrics);
    await vi.advanceTimersByTimeAsync(3000);
    workers[0].silent = true; // killed: no error event, no more messages
    await vi.advanceTimersByTimeAsync(4000);
    expect(got.some((e) => e.type === 'error')).toBe(false); // not yet: silent for less than the limit
    await vi.advanceTimersByTimeAsync(4000);
    const err = got.find((e) => e.type === 'error');
    expect(err).toMatchObject({ code: 'worker-crashed', recoverable: true });
    expect((err as { message: string }).message).toMatch(/stopped answering for 5 s .* the run continues from its last checkpoint/);
    expect(client.running).toBe(false);
    expect(client.takeResumeAfterRestart()).toBe(true);
    expect(client.takeResumeAfterRestart()).toBe(false); // once
    client.send({ type: 'checkResume' });
    expect(workers).toHaveLength(2);
    client.terminate();
  });

  it('gives a worker that has not finished a step yet 4× as long (a slow first step is not death)', async () => {
    const { client, workers } = setup();
    client.send({ type: 'start' });
    workers[0].fire({ type: 'status', state: 'training', step: 0, epoch: 0 });
    workers[0].silent = true; // stuck in its first step
    await vi.advanceTimersByTimeAsync(15_000);
    expect(client.running).toBe(true);
    await vi.advanceTimersByTimeAsync(8000);
    expect(client.running).toBe(false);
  });

  it('does not ask for a resume when the dead worker was paused, nor after an uncaught error', async () => {
    const { client, workers } = setup();
    client.send({ type: 'start' });
    workers[0].fire({ type: 'status', state: 'paused', step: 3, epoch: 0 });
    workers[0].fire(metrics);
    workers[0].silent = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(client.running).toBe(false);
    expect(client.takeResumeAfterRestart()).toBe(false);

    client.send({ type: 'start' });
    workers[1].fire({ type: 'status', state: 'training', step: 3, epoch: 0 });
    workers[1].onerror?.({ message: 'boom', preventDefault: () => undefined } as unknown as ErrorEvent);
    expect(client.takeResumeAfterRestart()).toBe(false);
  });

  it('replaceWorker (a lost GPU device) asks for the resume when it was training', () => {
    const { client, workers } = setup();
    client.send({ type: 'start' });
    workers[0].fire({ type: 'status', state: 'training', step: 9, epoch: 0 });
    client.replaceWorker();
    expect(workers[0].terminated).toBe(true);
    expect(client.takeResumeAfterRestart()).toBe(true);
  });
});

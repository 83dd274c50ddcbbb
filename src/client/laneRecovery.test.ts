import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command, TrainerEvent } from '../protocol';
import { startLaneRecovery } from './laneRecovery';

function fakeClient(resumeAfterRestart: boolean) {
  const sent: Command[] = [];
  const listeners = new Set<(e: TrainerEvent) => void>();
  let replaced = 0;
  return {
    sent,
    get replaced() {
      return replaced;
    },
    send: (c: Command) => void sent.push(c),
    subscribe: (l: (e: TrainerEvent) => void) => (listeners.add(l), () => void listeners.delete(l)),
    replaceWorker: () => void replaced++,
    takeResumeAfterRestart: () => resumeAfterRestart,
    fire: (e: TrainerEvent) => [...listeners].forEach((l) => l(e)),
  };
}

afterEach(() => vi.useRealTimers());

describe('the race lane’s recovery', () => {
  it('a lost GPU device: a new worker on the next backend reopens the lane’s run, training as it was', () => {
    const c = fakeClient(true);
    const backends: string[] = [];
    startLaneRecovery(c, { runId: () => 'B', backendInUse: () => 'webgpu', setBackend: (b) => void backends.push(b) });
    c.fire({ type: 'error', code: 'device-lost', message: 'lost', recoverable: true });
    expect(c.replaced).toBe(1);
    expect(backends).toEqual(['webgl']);
    expect(c.sent).toEqual([{ type: 'resumeRun', runId: 'B', train: true }]);
  });

  it('a crashed worker: the run reopens paused (the error may repeat); nothing to reopen before its first save', () => {
    vi.useFakeTimers();
    const c = fakeClient(false);
    let runId: string | null = null;
    startLaneRecovery(c, { runId: () => runId, backendInUse: () => 'wasm', setBackend: () => undefined });
    c.fire({ type: 'error', code: 'worker-crashed', message: 'gone', recoverable: true });
    vi.runAllTimers();
    expect(c.sent).toEqual([]);
    runId = 'B';
    c.fire({ type: 'error', code: 'worker-crashed', message: 'gone', recoverable: true });
    expect(c.sent).toEqual([]);
    vi.runAllTimers();
    expect(c.sent).toEqual([{ type: 'resumeRun', runId: 'B', train: false }]);
    // Other errors are the lane's to show, not recovery's.
    c.fire({ type: 'error', code: 'invalid-config', message: 'bad', recoverable: true });
    vi.runAllTimers();
    expect(c.sent).toHaveLength(1);
  });
});

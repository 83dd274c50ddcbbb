import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command, Snapshot, TrainerEvent } from '../protocol';
import { withRequests } from '../client/requests';
import { createTimelineStore, momentCaption, PLAY_FRAME_MS, shownSnapshot, snapshotAt, timelineSteps } from './timeline';

const grid = { count: 1, cols: 1, width: 1, height: 1, channels: 1 as const, pixels: new Uint8ClampedArray(1) };
const snap = (runId: string, step: number, epoch = 0): Snapshot => ({
  runId,
  step,
  epoch,
  reason: 'schedule',
  terms: { nelbo: 500 - step, recon: 400, kl: 100 - step },
  reconstructions: grid,
  samples: grid,
  manifold: null,
  codes: { points: new Float32Array(2), labels: new Uint8Array(1), count: 1, dim: 2, plane: { axes: 'latent', mean: new Float32Array(2), components: Float32Array.of(1, 0, 0, 1), explained: new Float32Array(2) } },
  bytes: 100,
});

/** A worker that answers the snapshots request from a list per run. */
function setup(saved: Record<string, Snapshot[]> = {}) {
  const listeners = new Set<(e: TrainerEvent) => void>();
  const fire = (e: TrainerEvent) => [...listeners].forEach((l) => l(e));
  const store = createTimelineStore(
    withRequests({
      send: (c: Command) => {
        if (c.type !== 'runs') return;
        const req = c.request;
        if (req.op !== 'snapshots') return;
        const snapshots = saved[req.id] ?? [];
        queueMicrotask(() => fire({ type: 'runsResult', requestId: c.requestId, result: { op: 'snapshots', runId: req.id, snapshots, bytes: snapshots.length * 100, budgetBytes: 5e6 } }));
      },
      subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
    }),
  );
  const add = (s: Snapshot, dropped: number[] = []) => fire({ type: 'snapshot', snapshot: s, dropped, bytes: 0 });
  return { store, fire, add, actions: store.getState().actions };
}

afterEach(() => vi.useRealTimers());

describe('timeline store', () => {
  it('collects the current run’s snapshots in order, forgets the thinned ones, and is live until scrubbed', () => {
    const { store, add } = setup();
    add(snap('a', 0));
    add(snap('a', 20));
    add(snap('a', 10));
    add(snap('a', 50), [10]);
    const s = store.getState();
    expect(s.currentRunId).toBe('a');
    expect(s.runs.a.snapshots.map((x) => x.step)).toEqual([0, 20, 50]);
    expect(shownSnapshot(s, 'a')).toBeNull();
    // A moment between snapshots shows the latest before it.
    expect(snapshotAt(s.runs.a, 30)?.step).toBe(20);
    expect(snapshotAt(s.runs.a, 1e9)?.step).toBe(50);
  });

  it('moves by snapshot with prev/next/home/end, end being live; one scrubber moves two runs', () => {
    const { store, add, actions } = setup();
    for (const st of [0, 10, 20]) add(snap('a', st));
    for (const st of [0, 15]) add(snap('b', st));
    const both = ['a', 'b'];
    expect(timelineSteps(store.getState(), both)).toEqual([0, 10, 15, 20]);
    actions.move(both, 'prev');
    expect(store.getState().runs.a.moment).toBe(20);
    actions.move(both, 'home');
    actions.move(both, 'next');
    actions.move(both, 'next');
    const s = store.getState();
    expect([s.runs.a.moment, s.runs.b.moment]).toEqual([15, 15]);
    expect([shownSnapshot(s, 'a')?.step, shownSnapshot(s, 'b')?.step]).toEqual([10, 15]);
    actions.move(both, 'next');
    actions.move(both, 'next');
    expect(store.getState().runs.a.moment).toBeNull();
    actions.select(['a'], 0);
    actions.move(['a'], 'prev');
    expect(store.getState().runs.a.moment).toBe(0);
    actions.move(['a'], 'end');
    expect(store.getState().runs.a.moment).toBeNull();
  });

  it('plays from step 0 through every moment to live, and a reset lets the old run go', () => {
    vi.useFakeTimers();
    const { store, add, fire, actions } = setup();
    for (const st of [0, 10, 20]) add(snap('a', st));
    const seen: (number | null)[] = [null];
    store.subscribe((s) => s.runs.a && seen.at(-1) !== s.runs.a.moment && seen.push(s.runs.a.moment));
    actions.play(['a']);
    expect(store.getState().playing).toEqual(['a']);
    vi.advanceTimersByTime(PLAY_FRAME_MS * 3);
    expect(seen).toEqual([null, 0, 10, 20, null]);
    expect(store.getState().playing).toBeNull();
    actions.select(['a'], 10);
    fire({ type: 'status', state: 'idle', step: 0, epoch: 0 });
    const s = store.getState();
    expect(s.currentRunId).toBeNull();
    expect(s.runs.a).toBeUndefined();
  });

  it('loads a saved run’s snapshots, keeping newer ones that arrived meanwhile; a resumed run loads its own', async () => {
    const { store, add, fire } = setup({ a: [snap('a', 0), snap('a', 10)], r: [snap('r', 0)] });
    const loading = store.getState().actions.load('a');
    add(snap('a', 20));
    await loading;
    expect(store.getState().runs.a.snapshots.map((x) => x.step)).toEqual([0, 10, 20]);
    fire({ type: 'history', runId: 'r', history: { train: { step: [], nelbo: [], recon: [], kl: [], loss: [] }, test: { step: [], epoch: [], nelbo: [], recon: [], kl: [], loss: [] }, notes: [] } });
    await vi.waitFor(() => expect(store.getState().runs.r?.snapshots).toHaveLength(1));
    expect(store.getState().currentRunId).toBe('r');
  });
});

describe('momentCaption', () => {
  it('names the snapshot while scrubbed, whatever the live step, and the live step otherwise', () => {
    expect(momentCaption({ step: 100, epoch: 0 }, 564)).toBe('At step 100 · epoch 0 (timeline)');
    expect(momentCaption({ step: 1200, epoch: 2 }, null)).toBe('At step 1,200 · epoch 2 (timeline)');
    expect(momentCaption(null, 1564)).toBe('At step 1,564');
    expect(momentCaption(null, 0)).toBe('At step 0');
    expect(momentCaption(null, null)).toBeNull();
  });
});

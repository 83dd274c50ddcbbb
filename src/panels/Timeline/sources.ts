import { useStore } from 'zustand';
import type { ImageGridPayload, Snapshot } from '../../protocol';
import { shownSnapshot, snapshotAt } from '../../store/timeline';
import { timelineStore } from '../../store/stores';
import type { GridSource } from '../../ui/ImageGrid';

/** Which of a snapshot's image grids a panel shows. */
export type SnapshotGridKind = 'reconstructions' | 'samples' | 'manifold';

export const gridOf = (s: Snapshot | null, kind: SnapshotGridKind): ImageGridPayload | null => (s ? s[kind] : null);

/** The run the Train view holds (its snapshots arrive as events), or null before one. */
export function useCurrentRunId(): string | null {
  return useStore(timelineStore, (s) => s.currentRunId);
}

/** The snapshot shown for a run: the scrubbed moment's, or null while live. */
export function useShownSnapshot(runId: string | null): Snapshot | null {
  return useStore(timelineStore, (s) => shownSnapshot(s, runId));
}

/**
 * A grid source for a run's snapshots: the scrubbed moment's grid, and while live the `live`
 * source when one is given (the Train view's event feed), else the run's latest snapshot (a race
 * of saved runs). Redraws only when the shown grid changes.
 */
export function snapshotGridSource(runId: () => string | null, kind: SnapshotGridKind, live?: GridSource): GridSource {
  return (draw) => {
    let lastLive: ImageGridPayload | null = null;
    let shown: ImageGridPayload | null | undefined;
    let scrubbed = false;
    const show = (g: ImageGridPayload | null) => {
      if (g === shown) return;
      shown = g;
      draw(g);
    };
    const update = () => {
      const state = timelineStore.getState();
      const id = runId();
      const snap = shownSnapshot(state, id);
      scrubbed = snap !== null;
      if (snap) show(gridOf(snap, kind));
      else if (live) show(lastLive);
      else {
        const t = id ? state.runs[id] : undefined;
        show(gridOf(snapshotAt(t, Number.POSITIVE_INFINITY), kind));
      }
    };
    const offLive = live?.((g) => {
      lastLive = g;
      if (!scrubbed) show(g);
    });
    const offStore = timelineStore.subscribe(update);
    update();
    return () => {
      offLive?.();
      offStore();
    };
  };
}

import { presetRunName, type Preset, type PresetGroup } from '../../config/presets';
import type { RunSummary } from '../../protocol';
import { raceStore, runsStore } from '../../store/stores';
import { viewStore } from '../../store/view';

const show = () => {
  viewStore.getState().show('race', { focus: true });
  // Started from far down the Runs view: the race is seen from its top, under the run bar.
  window.scrollTo({ top: 0 });
};

/** Races two saved runs: the one the Train view holds (if either) stays there as the left lane. */
export function raceSavedRuns(first: RunSummary, second: RunSummary): void {
  const current = runsStore.getState().currentRunId;
  const [a, b] = second.id === current ? [second, first] : [first, second];
  const side = (r: RunSummary) => ({ name: r.name, config: r.config, runId: r.id });
  raceStore.getState().actions.open(side(a), side(b), true);
  show();
}

/** Races two presets of a group, each a new run named after its preset. */
export function racePresets(g: PresetGroup, a: Preset, b: Preset): void {
  const side = (p: Preset) => ({ name: presetRunName(g, p), config: p.config });
  raceStore.getState().actions.start(side(a), side(b));
  show();
}

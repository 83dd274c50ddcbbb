import { presetRunName, type Preset, type PresetGroup } from '../../config/presets';
import type { RunSummary } from '../../protocol';
import { raceStore, runsStore } from '../../store/stores';
import { viewStore } from '../../store/view';

/**
 * Shows the race with its top just under the sticky run bar (started from far down the Runs view,
 * or on a projector, where the header and tabs would push the pictures off the first screen), and
 * gives its heading the focus.
 */
const show = () => {
  viewStore.getState().show('race');
  // A view is mounted on its first visit, a frame or two after the switch.
  const place = (tries: number) => {
    const heading = document.getElementById('race-title');
    const panel = heading?.closest('.race-panel');
    if (!heading || !panel) return void (tries > 0 && requestAnimationFrame(() => place(tries - 1)));
    const bar = document.querySelector('.run-bar')?.getBoundingClientRect().height ?? 0;
    window.scrollTo({ top: Math.max(0, panel.getBoundingClientRect().top + window.scrollY - bar - 4) });
    heading.focus({ preventScroll: true });
  };
  requestAnimationFrame(() => place(10));
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

import type { ExperimentConfig } from '../../config/experiment';
import { decodeConfig, encodeConfig } from '../../config/url';
import { experimentStore } from '../../store/stores';
import { runsActions } from '../Runs/runsStore';

/**
 * The experiment config lives in the URL hash: a link opens with its config loaded (values it
 * cannot use are named in a note), and every change of config rewrites the hash in place, so
 * the address bar is always a link to what is on screen. Returns the unsubscribe.
 */
export function startLinkSync(): () => void {
  const hash = window.location.hash;
  if (hash.length > 1) {
    const { config, notes } = decodeConfig(hash, experimentStore.getState().config);
    experimentStore.getState().actions.load(config);
    runsActions.setLinkNotes(notes);
  }
  let last = hash.length > 1 ? null : encodeConfig(experimentStore.getState().config);
  const write = (config: ExperimentConfig) => {
    const next = encodeConfig(config);
    if (next === last) return;
    last = next;
    history.replaceState(history.state, '', `#${next}`);
  };
  // A link's own spelling gives way to the full config it loaded, without what was ignored.
  if (last === null) write(experimentStore.getState().config);
  return experimentStore.subscribe((s) => write(s.config));
}

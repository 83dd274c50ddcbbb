import type { ExperimentConfig } from '../../config/experiment';
import { decodeConfig, encodeConfig } from '../../config/url';
import { experimentStore } from '../../store/stores';
import { runsActions } from '../Runs/runsStore';

/** The link's `model=` address (null without one), and the rest of the hash: the config's settings. */
function takeModel(hash: string): { hash: string; model: string | null } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const model = params.getAll('model').at(-1) ?? null;
  if (model === null) return { hash, model };
  params.delete('model');
  const rest = params.toString();
  return { hash: rest ? `#${rest}` : '', model };
}

/**
 * The experiment config lives in the URL hash: a link opens with its config loaded (values it
 * cannot use are named in a note), and every change of config rewrites the hash in place, so
 * the address bar is always a link to what is on screen. `#model=<address>` opens the model file
 * there instead (modelUrl.ts). Returns the unsubscribe.
 */
export function startLinkSync(): () => void {
  const { hash, model } = takeModel(window.location.hash);
  // A model link opens that model, paused, once the trainer is up; its config replaces the link's.
  if (model !== null) void runsActions.openModelLink(model);
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

import { validateConfig } from '../config/validate';
import type { ExperimentConfig } from '../config/experiment';

/** The last race's two runs, so a reload can offer to reopen it (the runs themselves are in IndexedDB). */
export type SavedRace = [SavedSide, SavedSide];
interface SavedSide {
  name: string;
  config: ExperimentConfig;
  runId: string;
}

const KEY = 'vae-playground:race';

function side(v: unknown): SavedSide | null {
  if (!v || typeof v !== 'object') return null;
  const { name, config, runId } = v as Record<string, unknown>;
  if (typeof name !== 'string' || typeof runId !== 'string') return null;
  const c = validateConfig(config);
  return c.ok ? { name, config: c.config, runId } : null;
}

/** The saved race, or null when there is none or what is stored does not read as one. */
export function loadRace(storage: Pick<Storage, 'getItem'> | null | undefined): SavedRace | null {
  try {
    const v = JSON.parse(storage?.getItem(KEY) ?? 'null') as unknown;
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [a, b] = [side(v[0]), side(v[1])];
    return a && b ? [a, b] : null;
  } catch {
    return null;
  }
}

export function saveRace(storage: Pick<Storage, 'setItem'> | null | undefined, race: SavedRace): void {
  try {
    storage?.setItem(KEY, JSON.stringify(race));
  } catch {
    // Storage full or denied: the race goes on; only the offer to reopen it after a reload is lost.
  }
}

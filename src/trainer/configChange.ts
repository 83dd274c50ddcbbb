import type { ExperimentConfig } from '../config/experiment';
import { REBUILD_FIELDS } from '../config/validate';
import { OBJECTIVE_OPTIONS } from './objectives/metas';

/** What a valid new config does to a running model: what applies now, what waits, what to mark. */
export interface ConfigChange {
  /** The config in effect from now on (the model's shape kept while a run is open). */
  config: ExperimentConfig;
  /** The config to switch to at the next Reset, when a change needs a new model. */
  pending: ExperimentConfig | null;
  /** A note for the curves naming the live edits (β = 4, lr = 0.01), or null. */
  note: string | null;
}

/** `running`: a session exists, so fields that change the model's shape wait for Reset. */
export function configChange(current: ExperimentConfig, next: ExperimentConfig, running: boolean): ConfigChange {
  const rebuild = running && REBUILD_FIELDS.some((f) => JSON.stringify(next[f]) !== JSON.stringify(current[f]));
  // The running model keeps its shape; everything else (rate, β, …) still applies at once.
  const config = rebuild ? { ...next, ...Object.fromEntries(REBUILD_FIELDS.map((f) => [f, current[f]])) } : next;
  let note: string | null = null;
  if (running) {
    // The objectives' options (from their metas), then the objective and the rate: all live.
    const live = [...OBJECTIVE_OPTIONS.map((o) => ({ field: o.key, symbol: o.spec.symbol })), { field: 'objective', symbol: 'objective' }, { field: 'learningRate', symbol: 'lr' }] as const;
    const changed = live.filter((f) => config[f.field] !== current[f.field]);
    if (changed.length) note = changed.map((f) => `${f.symbol} = ${config[f.field]}`).join(', ');
  }
  return { config, pending: rebuild ? next : null, note };
}

/** Why a run stops after an epoch's evaluation, or null when it goes on. */
export function stopReason(epoch: number, config: Pick<ExperimentConfig, 'epochs' | 'patience'>, testNelbo: number, best: { nelbo: number; epoch: number }): string | null {
  if (epoch >= config.epochs) return `Finished ${epoch} epochs: test nELBO ${testNelbo.toFixed(1)} nats.`;
  if (config.patience > 0 && epoch - best.epoch >= config.patience)
    return `Early stopping after epoch ${epoch}: the validation nELBO has not improved for ${config.patience} epochs (best ${best.nelbo.toFixed(1)} at epoch ${best.epoch}).`;
  return null;
}

/**
 * What both threads know about an objective without its maths: its name, formula, options and
 * ranges. The page reads these (no tfjs here); the worker's registry.ts builds the tfjs terms.
 */
import type { OptionSpec } from '../likelihoods/meta';

/** Options any objective may take; the keys are also ExperimentConfig's fields. */
export type ObjectiveOptionKey = 'beta' | 'mmdWeight' | 'mmdBandwidth';
export type ObjectiveValues = Record<ObjectiveOptionKey, number>;
/** An objective's option also has a symbol, for the chart's notes ("β = 2"). */
export type ObjectiveOptionSpec = OptionSpec & { symbol: string };

export interface ObjectiveMeta<Id extends string = string> {
  /** Registry key, stable across versions. */
  readonly id: Id;
  /** The name in the objective menu. */
  readonly label: string;
  /** What a run's name adds for this objective ("β=4", "MMD"), or '' for none. */
  shortName(o: ObjectiveValues): string;
  /** true: the decoder sees z = mu, with no sampling noise. */
  readonly deterministic: boolean;
  /** The loss it minimises, per image, in TeX, with the options' values written in. */
  tex(o: ObjectiveValues): string;
  /** Options it reads, editable while training. */
  readonly options: Partial<Record<ObjectiveOptionKey, ObjectiveOptionSpec>>;
}

export function defineObjective<const Id extends string, const O extends ObjectiveMeta['options']>(
  meta: ObjectiveMeta<Id> & { options: O },
): ObjectiveMeta<Id> & { readonly options: O } {
  return meta;
}

export const RECON_TEX = String.raw`\underbrace{-\,\mathbb{E}_{q(z\mid x)}\!\left[\log p(x\mid z)\right]}_{\text{reconstruction}}`;
export const KL_TEX = String.raw`\mathrm{KL}\!\left(q(z\mid x)\,\|\,p(z)\right)`;

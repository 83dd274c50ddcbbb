/**
 * What both threads know about a likelihood p(x|z) without its maths: the page draws controls,
 * counts parameters, names runs and writes the formula from this; the worker validates options
 * and builds the tfjs code (`<id>.ts`) beside it. No tfjs here: the page imports these files.
 */

/** Options any likelihood may take; the keys are also ExperimentConfig's fields. */
export type LikelihoodOptions = {
  /** gaussian-fixed: the variance c of every pixel. */
  variance?: number;
  /** categorical: the number k of grey levels. */
  bins?: number;
};
export type LikelihoodOptionKey = keyof LikelihoodOptions;

/** What the page needs to draw a control for one option, and what validation enforces. */
export type OptionSpec = {
  /** The control's label, e.g. "Variance σ²". */
  label: string;
  /** What changing it does: the control's hint. */
  hint: string;
  min: number;
  max: number;
  default: number;
  /** Sliders over several decades should move in log space. */
  scale: 'linear' | 'log';
  integer: boolean;
};

export interface LikelihoodMeta<Id extends string = string> {
  /** Registry key, stable across versions (saved runs and URLs refer to it). */
  readonly id: Id;
  /** The name in the likelihood menu, e.g. "Gaussian, fixed σ²". */
  readonly label: string;
  /** A few letters for run names and legends, e.g. "Gaussian σ²". */
  readonly shortName: string;
  /**
   * true for a density of continuous data (its log p depends on the support's scale and can be
   * positive, so its nELBO is not comparable with a probability mass's); false for a probability.
   */
  readonly density: boolean;
  /** The decoder's outputs per pixel (see types.ts for their layout). */
  outputsPerPixel(options: Required<LikelihoodOptions>): number;
  /** The summand of log p(x|z) = Σ_i …, in TeX, with the options' values written in. */
  tex(options: Required<LikelihoodOptions>): string;
  /** The options this likelihood reads, with their ranges. */
  readonly options: Partial<Record<LikelihoodOptionKey, OptionSpec>>;
}

/** Keeps the id's literal type (the registry derives the LikelihoodId union) and the options' keys. */
export function defineLikelihood<const Id extends string, const O extends LikelihoodMeta['options']>(
  meta: LikelihoodMeta<Id> & { options: O },
): LikelihoodMeta<Id> & { readonly options: O } {
  return meta;
}

/** A number as TeX: plain digits, no exponent notation KaTeX would print literally. */
export function texNumber(v: number): string {
  return Number.isInteger(v) || Math.abs(v) >= 1e-3 ? String(Number(v.toPrecision(4))) : v.toExponential(1).replace(/e(-?\d+)/, String.raw`\times 10^{$1}`);
}

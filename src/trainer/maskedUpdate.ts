import * as tf from './tf';

/**
 * An optimizer update that takes effect only where a flag computed on the device says so.
 *
 * GPU backends must not read back synchronously (shared/TFJS.md, "WebGPU reads"), so a step's
 * non-finite check cannot be answered in JS before the update is applied. Instead the update is
 * applied, and every variable it touched (weights and optimizer slots) is put back to its old
 * value with `where(ok, new, old)`: when `ok` is true the new value passes through bit for bit;
 * when false the old one does, even where the new one is NaN (a product with 0 would not).
 * The copies of the old values share storage with them (tfjs's clone), so keeping them costs no copy.
 */

type Opt = tf.Optimizer;

/** The optimizer's own state variables (Adam's m, v and β powers; momentum's accumulators...). */
export function slotVariables(optimizer: Opt): tf.Variable[] {
  const found: tf.Variable[] = [];
  for (const value of Object.values(optimizer as unknown as Record<string, unknown>)) {
    if (value instanceof tf.Variable) found.push(value);
    else if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (item instanceof tf.Variable) found.push(item);
        else if (item && (item as { variable?: unknown }).variable instanceof tf.Variable) found.push((item as { variable: tf.Variable }).variable);
      }
    }
  }
  return found;
}

/** tfjs keeps the optimizer's step count in JS (saved with checkpoints); a dropped step must not count. */
export function optimizerIterations(optimizer: Opt): number {
  return optimizer.iterations;
}
export function setOptimizerIterations(optimizer: Opt, n: number): void {
  (optimizer as unknown as { iterations_: number }).iterations_ = n;
}

/**
 * Applies `grads` to `variables` with `optimizer` where the scalar `ok` (bool, on the device) is true;
 * leaves the variables and the optimizer's slots exactly as they were where it is false. Slots that the
 * optimizer creates in this very call (its first) start from zeros, so a refused first step leaves zeros.
 * The JS-side iteration count is not touched here: the caller restores it once it has read `ok`.
 */
export function maskedApply(optimizer: Opt, variables: tf.Variable[], grads: tf.NamedTensorMap, ok: tf.Scalar): void {
  const slotsBefore = slotVariables(optimizer);
  const known = new Set<tf.Variable>([...variables, ...slotsBefore]);
  const kept = [...known].map((v) => [v, tf.clone(v)] as const);
  try {
    // variableGrads keys gradients by variable name, which is what applyGradients looks up.
    optimizer.applyGradients(grads as unknown as Parameters<tf.AdamOptimizer['applyGradients']>[0]);
    tf.tidy(() => {
      for (const [v, old] of kept) v.assign(tf.where(ok, v, old));
      for (const v of slotVariables(optimizer)) if (!known.has(v)) v.assign(tf.where(ok, v, tf.zerosLike(v)));
    });
  } finally {
    tf.dispose(kept.map(([, old]) => old));
  }
}

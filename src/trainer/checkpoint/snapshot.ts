import * as tf from '../tf';
import type { SessionProgress, TrainingSession } from '../session';

/** Tensors in TensorFlow.js's weights format: a manifest and one concatenated buffer. */
export interface TensorBlob {
  specs: tf.io.WeightsManifestEntry[];
  data: ArrayBuffer;
}

/** Everything needed to continue a session bit for bit. */
export interface SessionState {
  /** session.variables in order: model weights, then likelihood extras. */
  weights: TensorBlob;
  optimizer: {
    kind: 'adam' | 'sgd';
    iterations: number;
    /** The optimizer's own slots from getWeights() (Adam: first moments then second; SGD: momenta). */
    slots: TensorBlob;
    /** Adam's running β₁ᵗ and β₂ᵗ, which setWeights would recompute as a power and so round differently. */
    accBeta?: [number, number];
  } | null;
  progress: SessionProgress;
}

/** What restoreSession accepts: a checkpoint, or a model file's weights with only its step and epoch. */
export type RestorableState = Pick<SessionState, 'weights'> &
  Partial<Pick<SessionState, 'optimizer'>> & { progress?: SessionProgress | Pick<SessionProgress, 'step' | 'epoch'> };

/** Adam keeps β₁ᵗ, β₂ᵗ as scalar variables (tf.train.adam) or as numbers (optim/adam.ts's FusedAdam). */
type Betas = { accBeta1?: tf.Variable | number; accBeta2?: tf.Variable | number };
const betasOf = (o: tf.Optimizer): Betas | null => ('accBeta1' in o && 'accBeta2' in o ? (o as Betas) : null);

/**
 * The values of a tensor as of this instant. On WASM a synchronous copy, because an optimizer there
 * may update its slots in place; elsewhere a clone (a shared, immutable reference) read later.
 */
function valuesNow(t: tf.Tensor | number): Promise<Float32Array> {
  if (typeof t === 'number') return Promise.resolve(Float32Array.of(t));
  if (tf.getBackend() === 'wasm') return Promise.resolve(Float32Array.from(t.dataSync() as Float32Array));
  const c = tf.clone(t);
  return (c.data() as Promise<Float32Array>).finally(() => c.dispose());
}

/** Tensors as one float32 buffer and a manifest of their names and shapes. */
function blob(values: Float32Array[], shapes: number[][], prefix: string): TensorBlob {
  const out = new Float32Array(values.reduce((n, v) => n + v.length, 0));
  let at = 0;
  for (const v of values) {
    out.set(v, at);
    at += v.length;
  }
  return { specs: shapes.map((shape, i) => ({ name: `${prefix}${i}`, shape, dtype: 'float32' })), data: out.buffer };
}

/** The blob's tensors in manifest order (the caller disposes them). */
export function decodeBlob(b: TensorBlob): tf.Tensor[] {
  const all = new Float32Array(b.data);
  let at = 0;
  return b.specs.map((spec) => {
    const n = spec.shape.reduce((a, d) => a * d, 1);
    const t = tf.tensor(all.slice(at, at + n), spec.shape, 'float32');
    at += n;
    return t;
  });
}

/**
 * A consistent copy of the session at one instant, taken while training may go on: weights and
 * slots are read (or cloned) before any further step can run, and should a step slip in between
 * the weights and the optimizer's getWeights(), the copy is taken again.
 */
export async function captureSession(s: TrainingSession): Promise<SessionState> {
  const opt = s.optimizer;
  for (;;) {
    const iterations = opt.iterations;
    const progress = s.progress;
    const weights = s.variables.map(valuesNow);
    const betas = betasOf(opt);
    const acc = betas ? [valuesNow(betas.accBeta1!), valuesNow(betas.accBeta2!)] : null;
    const named = await opt.getWeights();
    named[0]?.tensor.dispose(); // the iteration count, a new scalar
    if (opt.iterations !== iterations) continue;
    const slots = named.slice(1);
    const slotValues = slots.map((w) => valuesNow(w.tensor));
    const accBeta = acc && ((await Promise.all(acc)).map((a) => a[0]) as [number, number]);
    return {
      weights: blob(await Promise.all(weights), s.variables.map((v) => [...v.shape]), 'w'),
      optimizer: {
        kind: betas ? 'adam' : 'sgd',
        iterations,
        slots: blob(await Promise.all(slotValues), slots.map((w) => [...w.tensor.shape]), 's'),
        ...(accBeta ? { accBeta } : {}),
      },
      progress,
    };
  }
}

/** Just the model weights, for a model file (no optimizer, no progress). */
export async function captureWeights(s: TrainingSession): Promise<TensorBlob> {
  return blob(await Promise.all(s.variables.map(valuesNow)), s.variables.map((v) => [...v.shape]), 'w');
}

/** Checks each saved tensor against the variables' shapes; throws naming the first mismatch. */
export function checkWeightShapes(variables: readonly { shape: readonly number[] }[], specs: tf.io.WeightsManifestEntry[]): void {
  if (specs.length !== variables.length) {
    throw new Error(`The saved model has ${specs.length} weight tensors, but this config builds ${variables.length}.`);
  }
  specs.forEach((spec, i) => {
    const want = variables[i].shape;
    if (spec.dtype !== 'float32' || spec.shape.length !== want.length || spec.shape.some((d, j) => d !== want[j])) {
      throw new Error(`Weight ${i + 1} has shape [${spec.shape.join(', ')}] in the saved model, but this config builds [${want.join(', ')}].`);
    }
  });
}

/**
 * Puts a saved state into a freshly built session (same config and data). Without an optimizer
 * state (a model file) the optimizer starts fresh; without progress the step stays at 0.
 */
export async function restoreSession(s: TrainingSession, state: RestorableState): Promise<void> {
  checkWeightShapes(s.variables, state.weights.specs);
  const weights = decodeBlob(state.weights);
  s.variables.forEach((v, i) => v.assign(weights[i]));
  tf.dispose(weights);
  const o = state.optimizer;
  if (o) {
    const betas = betasOf(s.optimizer);
    if ((o.kind === 'adam') !== !!betas) throw new Error(`The checkpoint holds ${o.kind} state, but this config uses another optimizer.`);
    const slots = decodeBlob(o.slots);
    const iter = tf.scalar(o.iterations, 'int32');
    // setWeights makes its own variables of these tensors (sharing their data), so ours are released after.
    await s.optimizer.setWeights([{ name: 'iter', tensor: iter }, ...slots.map((tensor, i) => ({ name: o.slots.specs[i].name, tensor }))]);
    tf.dispose([iter, ...slots]);
    // setWeights recomputes βᵗ as a power, which rounds differently from the running product.
    if (betas && o.accBeta) {
      for (const [key, value] of [['accBeta1', o.accBeta[0]], ['accBeta2', o.accBeta[1]]] as const) {
        const cur = betas[key];
        if (typeof cur === 'number') betas[key] = value;
        else tf.tidy(() => cur?.assign(tf.scalar(value)));
      }
    }
  }
  const p = state.progress;
  if (p && 'order' in p) s.restoreProgress(p);
  else if (p) {
    // A model file: its step and epoch carry on; a new shuffle starts.
    s.step = p.step;
    s.epoch = p.epoch;
    s.evaluatedEpoch = p.epoch;
  }
}

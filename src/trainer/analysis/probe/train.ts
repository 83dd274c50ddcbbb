import * as tf from '../../tf';
import { dense } from '../../model/dense';
import { mulberry32, permutation } from '../../random';

/** Features and labels of a probe; the tensors belong to the caller. */
export interface ProbeData {
  trainX: tf.Tensor2D;
  trainY: Uint8Array;
  valX: tf.Tensor2D;
  valY: Uint8Array;
  classes: number;
}

export interface ProbeOptions {
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Curve points per epoch (the last one at the epoch's end). */
  pointsPerEpoch?: number;
}

export interface ProbeCurvePoint {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  valAccuracy: number;
}

export interface ProbeHooks {
  point?(p: ProbeCurvePoint): void;
  /** Yields between batches; may throw to cancel (everything is still disposed). */
  checkpoint?(): Promise<void>;
  progress?(stepsDone: number, steps: number): void;
}

const CHECK_EVERY_STEPS = 8;

function glorot(fanIn: number, fanOut: number, seed: string): tf.Variable {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tf.tidy(() => tf.variable(tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', seed)));
}

/**
 * Trains a one-hidden-layer relu MLP with softmax cross-entropy and Adam on fixed features, and
 * records training loss, validation loss and validation accuracy a few times per epoch.
 */
export async function trainProbe(data: ProbeData, opts: ProbeOptions, hooks: ProbeHooks = {}): Promise<{ points: ProbeCurvePoint[]; accuracy: number }> {
  const [n, d] = data.trainX.shape;
  const C = data.classes;
  const W1 = glorot(d, opts.hidden, `${opts.seed}/probe/0`);
  const b1 = tf.tidy(() => tf.variable(tf.zeros([opts.hidden])));
  const W2 = glorot(opts.hidden, C, `${opts.seed}/probe/1`);
  const b2 = tf.tidy(() => tf.variable(tf.zeros([C])));
  const vars = [W1, b1, W2, b2];
  const optimizer = tf.train.adam(opts.learningRate);
  const trainY = tf.tidy(() => tf.oneHot(tf.tensor1d(data.trainY, 'int32'), C).toFloat());
  const valY = tf.tidy(() => tf.oneHot(tf.tensor1d(data.valY, 'int32'), C).toFloat());
  const valLabels = tf.tensor1d(data.valY, 'int32');
  const pending: tf.Scalar[] = [];

  const logits = (x: tf.Tensor2D) =>
    dense(dense(x, W1 as tf.Variable<tf.Rank.R2>, b1 as tf.Variable<tf.Rank.R1>, 'relu', { inputGrad: false }), W2 as tf.Variable<tf.Rank.R2>, b2 as tf.Variable<tf.Rank.R1>, 'linear');
  const crossEntropy = (x: tf.Tensor2D, y: tf.Tensor) => tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(logits(x))), 1))) as tf.Scalar;

  const points: ProbeCurvePoint[] = [];
  // Awaited (GPU backends must not read synchronously); the figures of the steps since the last point in one transfer.
  const record = async (epoch: number) => {
    const stats = tf.tidy(() => {
      const out = logits(data.valX);
      const valLoss = tf.neg(tf.mean(tf.sum(tf.mul(valY, tf.logSoftmax(out)), 1)));
      const acc = tf.mean(tf.cast(tf.equal(tf.argMax(out, 1), valLabels), 'float32'));
      const train = pending.length ? tf.mean(tf.stack(pending)) : tf.scalar(NaN);
      return tf.stack([train, valLoss, acc]);
    });
    tf.dispose(pending.splice(0));
    let values: Float32Array;
    try {
      values = (await stats.data()) as Float32Array;
    } finally {
      stats.dispose();
    }
    const [trainLoss, valLoss, valAccuracy] = values;
    const p = { epoch, trainLoss, valLoss, valAccuracy };
    points.push(p);
    hooks.point?.(p);
  };

  try {
    const rand = mulberry32(opts.seed);
    const steps = Math.ceil(n / opts.batchSize);
    const every = Math.max(1, Math.round(steps / (opts.pointsPerEpoch ?? 4)));
    for (let e = 0; e < opts.epochs; e++) {
      const order = permutation(n, rand);
      for (let s = 0; s < steps; s++) {
        const idx = order.subarray(s * opts.batchSize, Math.min(n, (s + 1) * opts.batchSize));
        const cost = tf.tidy(() => {
          const i = tf.tensor1d(idx, 'int32');
          const xb = tf.gather(data.trainX, i) as tf.Tensor2D;
          const yb = tf.gather(trainY, i);
          // returnCost = true: minimize returns the loss, never null.
          return optimizer.minimize(() => crossEntropy(xb, yb), true, vars) as tf.Scalar;
        });
        pending.push(cost);
        const last = s === steps - 1;
        if (last || (s + 1) % every === 0) await record(e + (s + 1) / steps);
        hooks.progress?.(e * steps + s + 1, opts.epochs * steps);
        if (last || (s + 1) % CHECK_EVERY_STEPS === 0) await hooks.checkpoint?.();
      }
    }
    return { points, accuracy: points.at(-1)?.valAccuracy ?? NaN };
  } finally {
    tf.dispose([...vars, trainY, valY, valLabels, ...pending]);
    optimizer.dispose();
  }
}

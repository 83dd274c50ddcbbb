import * as tf from '../tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/tfSetup';
import { elboTerms } from './objective';
import { createMlpVae } from './vae';
import { stockDense } from './dense';

beforeAll(useTestBackend);

/** Weights + biases of an MLP through the given layer sizes. */
const mlpParams = (sizes: number[]) => sizes.slice(1).reduce((n, out, i) => n + sizes[i] * out + out, 0);
const vaeParams = (hidden: number[], latent: number) =>
  mlpParams([784, ...hidden, 2 * latent]) + mlpParams([latent, ...[...hidden].reverse(), 784]);

describe('createMlpVae', () => {
  it('gives the documented shapes, with and without hidden layers', () => {
    for (const hidden of [[], [16, 8]]) {
      const m = createMlpVae({ inputDim: 30, hidden, latentDim: 4, seed: 1 });
      const shapes = tf.tidy(() => {
        const { mu, logvar } = m.encode(tf.zeros([5, 30]));
        return [mu.shape, logvar.shape, m.decode(tf.zeros([5, 4])).shape];
      });
      expect(shapes).toEqual([[5, 4], [5, 4], [5, 30]]);
      expect(m.variables.length).toBe(2 * (hidden.length + 1) * 2);
      m.dispose();
    }
  });

  it('counts parameters as a hand count (784-400-20)', () => {
    const m = createMlpVae({ inputDim: 784, hidden: [400], latentDim: 20, seed: 1 });
    const enc = 784 * 400 + 400 + (400 * 40 + 40);
    const dec = 20 * 400 + 400 + (400 * 784 + 784);
    expect(m.paramCount()).toBe(enc + dec);
    expect(m.paramCount()).toBe(652_824);
    m.dispose();
  });

  it("matches seed 001's Table I up to one scalar per model", () => {
    // Their counts are ours + 1 for all five models: their decoder outputs 784 (not 2·784, which
    // would add ~13k–47k), and one extra scalar suggests a learned shared decoder σ or the like.
    const table: [number[], number][] = [[[], 29033], [[32], 52201], [[64], 103593], [[60, 32], 100065], [[60, 32, 20], 100953]];
    for (const [hidden, theirs] of table) {
      const m = createMlpVae({ inputDim: 784, hidden, latentDim: 12, seed: 1 });
      expect(m.paramCount()).toBe(vaeParams(hidden, 12));
      expect(theirs - m.paramCount()).toBe(1);
      m.dispose();
    }
  });

  it('is deterministic in its seed', () => {
    const weights = (seed: number) => {
      const m = createMlpVae({ inputDim: 20, hidden: [7], latentDim: 3, seed });
      const w = m.variables.map((v) => Array.from(v.dataSync()));
      m.dispose();
      return w;
    };
    expect(weights(3)).toEqual(weights(3));
    expect(weights(0)).toEqual(weights(0)); // 0 is a seed too, not "random"
    expect(weights(3)[0]).not.toEqual(weights(4)[0]);
    const [w0] = weights(3);
    const limit = Math.sqrt(6 / (20 + 7)); // Glorot-uniform bound
    expect(Math.max(...w0.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...w0.map(Math.abs))).toBeGreaterThan(0.8 * limit);
  });

  it('gives the same loss gradients as a VAE built from stock layers', () => {
    const make = (stock: boolean) =>
      createMlpVae({ inputDim: 30, hidden: [16, 8], latentDim: 4, seed: 2, dense: stock ? stockDense : undefined });
    const [fast, stock] = [make(false), make(true)];
    const x = tf.randomUniform([10, 30], 0, 1, 'float32', 3) as tf.Tensor2D;
    const eps = tf.randomNormal([10, 4], 0, 1, 'float32', 4) as tf.Tensor2D;
    const a = tf.variableGrads(() => elboTerms(fast, x, eps).loss, fast.variables);
    const b = tf.variableGrads(() => elboTerms(stock, x, eps).loss, stock.variables);
    fast.variables.forEach((v, i) => {
      const [ga, gb] = [a.grads[v.name], b.grads[stock.variables[i].name]];
      const err = tf.tidy(() => tf.max(tf.abs(tf.sub(ga, gb))).arraySync() as number / (tf.max(tf.abs(gb)).arraySync() as number));
      expect(err).toBeLessThan(1e-4);
    });
    tf.dispose([a, b, x, eps]);
    fast.dispose();
    stock.dispose();
  });

  it('learns: 50 Adam steps on a tiny binary dataset lower the loss, with no tensor leaks', () => {
    // Four binary prototypes of 16 pixels, each pixel flipped with probability 0.05.
    const x = tf.tidy(() => {
      const protos = tf.cast(tf.greater(tf.randomUniform([4, 16], 0, 1, 'float32', 1), 0.5), 'float32');
      const rows = tf.gather(protos, tf.tensor1d(Array.from({ length: 64 }, (_, i) => i % 4), 'int32'));
      const flip = tf.cast(tf.less(tf.randomUniform([64, 16], 0, 1, 'float32', 2), 0.05), 'float32');
      return tf.abs(tf.sub(rows, flip)) as tf.Tensor2D;
    });
    const model = createMlpVae({ inputDim: 16, hidden: [32], latentDim: 2, seed: 1 });
    const opt = tf.train.adam(1e-2);
    const evalEps = tf.randomNormal([64, 2], 0, 1, 'float32', 99) as tf.Tensor2D;
    const evaluate = () => tf.tidy(() => elboTerms(model, x, evalEps).loss.arraySync() as number);
    const start = evaluate();
    const counts: number[] = [];
    for (let step = 0; step < 50; step++) {
      tf.tidy(() => {
        const eps = tf.randomNormal([64, 2], 0, 1, 'float32', 1000 + step) as tf.Tensor2D;
        opt.minimize(() => elboTerms(model, x, eps).loss, false, model.variables);
      });
      counts.push(tf.memory().numTensors);
    }
    const end = evaluate();
    expect(Number.isFinite(end)).toBe(true);
    expect(end).toBeLessThan(0.8 * start);
    // Adam makes its moment slots on step 1; after that the count must stay flat.
    expect(new Set(counts.slice(1)).size).toBe(1);
    opt.dispose();
    model.dispose();
    tf.dispose([x, evalEps]);
  });
});

import * as tf from '../../tf';
import { dense as fastDense, stockDense, type DenseFn } from '../dense';
import type { VaeModel } from '../vae';
import { conv2d, conv2dTranspose, stockConv2d, stockConv2dTranspose, type Conv2dFn, type Conv2dTransposeFn } from './layers';
import { convVaePlan, type ConvLayer, type ConvVaeOptions } from './plan';

export { convParamCount, type ConvVaeOptions } from './plan';

export interface CreateConvVaeOptions extends ConvVaeOptions {
  /** 'stock': tfjs's own gradients (tests and benchmarks; cannot train on WASM). */
  layers?: 'fast' | 'stock';
}

/** Glorot/Xavier uniform; a string seed gives every tensor its own reproducible stream. */
function glorot(shape: number[], fanIn: number, fanOut: number, seed: string) {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tf.tidy(() => tf.variable(tf.randomUniform(shape, -limit, limit, 'float32', seed)));
}
const zeros = (n: number) => tf.tidy(() => tf.variable(tf.zeros([n])));

interface Params {
  W: tf.Variable;
  b: tf.Variable;
}

function convParams(l: ConvLayer, k: number, seed: string): Params {
  // tfjs keeps a transposed conv's filter as [k, k, out, in]; fans are the same either way.
  const shape = l.kind === 'conv' ? [k, k, l.in, l.out] : [k, k, l.out, l.in];
  return { W: glorot(shape, k * k * l.in, k * k * l.out, seed), b: zeros(l.out) };
}

const denseParams = (i: number, o: number, seed: string): Params => ({ W: glorot([i, o], i, o, seed), b: zeros(o) });

/**
 * A convolutional VAE (layout in convVaePlan): convs with relu → flatten → one dense head split
 * into mu and logvar; dense (relu) → reshape → stride-2 transposed convs, relu but the last,
 * which gives the likelihood's parameters (logits for Bernoulli). Images travel flattened,
 * channels last, so it is a drop-in VaeModel for the MLP one.
 */
export function createConvVae(opts: CreateConvVaeOptions): VaeModel {
  const plan = convVaePlan(opts);
  const [h, w, c] = opts.inputShape;
  const k = opts.kernel ?? 3;
  const P = opts.paramsPerPixel ?? 1;
  const L = opts.latentDim;
  const stock = opts.layers === 'stock';
  const conv: Conv2dFn = stock ? stockConv2d : conv2d;
  const convT: Conv2dTransposeFn = stock ? stockConv2dTranspose : conv2dTranspose;
  const dense: DenseFn = stock ? stockDense : fastDense;

  const s = `${opts.seed}/conv`;
  const enc = plan.encoder.map((l, i) => convParams(l, k, `${s}/enc/${i}`));
  const head = denseParams(plan.flat, 2 * L, `${s}/head`);
  const grow = denseParams(L, plan.flat, `${s}/grow`);
  const dec = plan.decoder.map((l, i) => convParams(l, k, `${s}/dec/${i}`));
  const all = [...enc, head, grow, ...dec];
  const variables = all.flatMap((p) => [p.W, p.b]);

  const apply = (l: ConvLayer, p: Params, x: tf.Tensor4D, inputGrad: boolean): tf.Tensor4D => {
    const o = { stride: l.stride, activation: l.relu ? ('relu' as const) : ('linear' as const), inputGrad };
    const [W, b] = [p.W as tf.Tensor4D, p.b as tf.Tensor1D];
    if (l.kind === 'transpose') return convT(x, W, b, l.to, o);
    const y = conv(x, W, b, o);
    return l.pool ? tf.maxPool(y, 2, 2, 'same') : y;
  };

  return {
    variables,
    inputDim: h * w * c,
    latentDim: L,
    encode(x) {
      return tf.tidy(() => {
        let a = tf.reshape(x, [x.shape[0], h, w, c]) as tf.Tensor4D;
        // The first layer's input is data: no gradient for it.
        plan.encoder.forEach((l, i) => (a = apply(l, enc[i], a, i > 0)));
        const flat = tf.reshape(a, [x.shape[0], plan.flat]) as tf.Tensor2D;
        const out = dense(flat, head.W as tf.Tensor2D, head.b as tf.Tensor1D, 'linear');
        const [mu, logvar] = tf.split(out, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
        return { mu, logvar };
      });
    },
    decode(z) {
      return tf.tidy(() => {
        const g = dense(z, grow.W as tf.Tensor2D, grow.b as tf.Tensor1D, 'relu');
        let a = tf.reshape(g, [z.shape[0], ...plan.bottom]) as tf.Tensor4D;
        plan.decoder.forEach((l, i) => (a = apply(l, dec[i], a, true)));
        const n = z.shape[0];
        if (P === 1) return tf.reshape(a, [n, h * w * c]) as tf.Tensor2D;
        // Channels are (parameter, channel) per pixel; the likelihoods want parameter-major
        // blocks of h·w·c (likelihoods/types.ts).
        const byParam = tf.transpose(tf.reshape(a, [n, h * w, P, c]), [0, 2, 1, 3]);
        return tf.reshape(byParam, [n, P * h * w * c]) as tf.Tensor2D;
      });
    },
    paramCount: () => variables.reduce((n, v) => n + v.size, 0),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

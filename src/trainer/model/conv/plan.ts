/**
 * The conv VAE's layer plan and parameter count, with no tfjs import, so the page can show a
 * model's size before the worker has loaded TensorFlow.js.
 */
import { convAxis } from './geometry';

export interface ConvVaeOptions {
  /** [height, width, channels] of one image, channels last. */
  inputShape: [number, number, number];
  /** Channels of the encoder's conv layers; each halves the spatial size. E.g. [32, 64]. */
  channels: number[];
  /** Square kernel size of every conv and transposed conv; default 3. */
  kernel?: number;
  latentDim: number;
  seed: number;
  /** 'stride' (default): stride-2 convs; 'pool': stride-1 convs each followed by 2×2 max pooling. */
  downsample?: 'stride' | 'pool';
  /** The likelihood's parameters per pixel and channel (likelihoods/types.ts); default 1. */
  paramsPerPixel?: number;
}

type Hw = [number, number];

/** A conv (or transposed conv) layer: filter [k, k, in, out] ([k, k, out, in] for 'transpose'). */
export interface ConvLayer {
  kind: 'conv' | 'transpose';
  in: number;
  out: number;
  stride: number;
  /** Spatial size of the input and of the output. */
  from: Hw;
  to: Hw;
  relu: boolean;
  pool: boolean;
}

export interface ConvVaePlan {
  encoder: ConvLayer[];
  /** Flattened size of the last encoder feature map, [h, w, c] of which the decoder reshapes to. */
  flat: number;
  bottom: [number, number, number];
  decoder: ConvLayer[];
}

/**
 * Encoder: per channel entry a 'same' conv (stride 2, or stride 1 + 2×2 max pool) with relu, so
 * 28 → 14 → 7 → 4 (sizes round up). Decoder: the mirror image, stride-2 transposed convs with
 * relu, the last one linear with P·c output channels (the likelihood's parameters). Each
 * transposed conv is asked for exactly the size its encoder twin took in (4 → 7 → 14 → 28):
 * at stride 2 any output size from 2·in − 1 to 2·in is valid (PyTorch's output_padding), so
 * odd sizes need no cropping or padding of the model's activations.
 *
 * No stride-1 conv at full resolution follows the last transposed conv: measured on WASM
 * (channels [32, 64], MNIST, batch 128), one from 32 channels made a step 2.3× slower, one
 * from 8 channels 1.2× slower.
 */
export function convVaePlan(opts: ConvVaeOptions): ConvVaePlan {
  const [h, w, c] = opts.inputShape;
  const { channels, kernel = 3, paramsPerPixel = 1 } = opts;
  for (const v of [h, w, c, kernel, opts.latentDim, paramsPerPixel, ...channels]) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`conv VAE sizes must be positive integers, got ${v}`);
  }
  if (channels.length === 0) throw new Error('conv VAE needs at least one conv layer');
  if (kernel < 2) throw new Error('conv VAE kernel must be at least 2 (its transposed convs have stride 2)');
  const pool = opts.downsample === 'pool';
  const half = (s: Hw): Hw => [convAxis(s[0], kernel, 2, 'same').out, convAxis(s[1], kernel, 2, 'same').out];
  const sizes: Hw[] = [[h, w]];
  channels.forEach(() => sizes.push(half(sizes[sizes.length - 1])));
  const encoder = channels.map(
    (out, i): ConvLayer => ({
      kind: 'conv', in: i === 0 ? c : channels[i - 1], out, stride: pool ? 1 : 2, from: sizes[i], to: sizes[i + 1], relu: true, pool,
    }),
  );
  const decoder = encoder.map(
    (e, i): ConvLayer => ({
      kind: 'transpose', in: e.out, out: i === 0 ? paramsPerPixel * c : e.in, stride: 2, from: e.to, to: e.from, relu: i > 0, pool: false,
    }),
  );
  decoder.reverse();
  const [bh, bw] = sizes[channels.length];
  const bc = channels[channels.length - 1];
  return { encoder, flat: bh * bw * bc, bottom: [bh, bw, bc], decoder };
}

/** Weights and biases, as createConvVae(opts).paramCount() will report. */
export function convParamCount(opts: ConvVaeOptions): number {
  const plan = convVaePlan(opts);
  const k2 = (opts.kernel ?? 3) ** 2;
  const conv = (l: ConvLayer) => k2 * l.in * l.out + l.out;
  const dense = (i: number, o: number) => i * o + o;
  const L = opts.latentDim;
  return (
    plan.encoder.reduce((n, l) => n + conv(l), 0) +
    dense(plan.flat, 2 * L) +
    dense(L, plan.flat) +
    plan.decoder.reduce((n, l) => n + conv(l), 0)
  );
}

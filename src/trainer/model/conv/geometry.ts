/**
 * Shape arithmetic for convolutions. No tfjs import, so plan.ts (parameter counts) stays
 * usable before TensorFlow.js has loaded.
 */

export type Padding = 'same' | 'valid';

/** One spatial axis of a convolution: input size, output size, zero rows added before. */
export interface Axis {
  in: number;
  out: number;
  before: number;
}

/** tfjs's (and TensorFlow's) rule, so our layers agree with tf.conv2d / tf.conv2dTranspose. */
export function convAxis(size: number, k: number, stride: number, pad: Padding): Axis {
  if (pad === 'valid') return { in: size, out: Math.ceil((size - k + 1) / stride), before: 0 };
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + k - size, 0);
  return { in: size, out, before: Math.floor(total / 2) };
}

/**
 * A 'same' transposed conv to `out` rows is the full ('valid') one, (in − 1)·stride + k rows with
 * in = ⌈out / stride⌉, less [before, after] rows: the forward conv's same padding
 * (pad_total = (in − 1)·stride + k − out, never negative when k ≥ stride, as convVaePlan
 * requires). This is how exporters rebuild an output size other than stride·in, which Keras's
 * 'same' transposed conv cannot give.
 */
export function transposeCrop(out: number, k: number, stride: number): { full: number; crop: [number, number] } {
  if (k < stride) throw new Error(`transposeCrop: kernel ${k} is smaller than stride ${stride}`);
  const a = convAxis(out, k, stride, 'same');
  const full = (a.out - 1) * stride + k;
  return { full, crop: [a.before, full - out - a.before] };
}

/**
 * The transposed conv (input gradient) of a stride-s conv along one axis splits into s output
 * phases (sub-pixel convolution): output row s·m + r only ever meets the filter taps
 * a ≡ r + before (mod s), so each phase is a stride-1 correlation of the *un-dilated* input
 * with a sub-filter of `count` taps, reading input rows m + carry − count + 1 … m + carry.
 * This skips the (s²−1)/s² zero products of zero-insertion.
 */
export interface Phase {
  /** The smallest tap a of this phase; its taps are first, first + s, … */
  first: number;
  count: number;
  carry: number;
}

export function phases(k: number, stride: number, before: number): Phase[] {
  return Array.from({ length: stride }, (_, r) => {
    const first = (r + before) % stride;
    const count = first < k ? Math.ceil((k - first) / stride) : 0;
    return { first, count, carry: Math.floor((r + before) / stride) };
  });
}

/**
 * The explicit padding (possibly negative: crop) that makes a stride-1 conv over `size` input
 * rows, window starting at offset `lo`, filter length `len`, give exactly `out` rows.
 */
export function windowPad(size: number, lo: number, len: number, out: number): [number, number] {
  const before = -lo;
  return [before, out - 1 + len - size - before];
}

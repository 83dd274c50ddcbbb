import { DEFAULT_CONFIG, type ExperimentConfig } from './experiment';
import { CONV_KERNEL, paramCount, type ImageShape } from './paramCount';

/**
 * Images per second of the defaults on WASM, one thread of a laptop-class CPU (the bench, README
 * "Performance"): the estimate scales these by the multiply-adds an image costs. Dense and conv
 * kernels run at different efficiencies, so each architecture has its own reference.
 */
const REFERENCE = { mlp: 5_600, conv: 1_970 };
/** However small the model, a step's fixed costs (batching, dispatch, the optimizer) cap the rate. */
const MAX_RATE = 25_000;

/** Training images per dataset, for the estimate (procedural shapes carry their count in the id). */
export function trainImages(dataset: string): number {
  const shapes = /^shapes-\d+px-(\d+)-/.exec(dataset);
  return shapes ? Number(shapes[1]) : 60_000;
}

/** Forward multiply-adds per image: the weights for dense layers, every output pixel for convs. */
export function forwardMacs(config: ExperimentConfig, shape: ImageShape = [28, 28, 1]): number {
  if (config.architecture !== 'conv') return paramCount(config, shape);
  const [h, w, c] = shape;
  const k2 = CONV_KERNEL * CONV_KERNEL;
  let [bh, bw, ch] = [h, w, c];
  let macs = 0;
  for (const out of config.convChannels) {
    [bh, bw] = [Math.ceil(bh / 2), Math.ceil(bw / 2)];
    // Encoder conv to (bh, bw, out), and its mirror in the decoder at the larger size.
    macs += bh * bw * k2 * ch * out + 4 * bh * bw * k2 * out * ch;
    ch = out;
  }
  return macs + paramCount(config, shape) - convWeights(config, shape);
}

function convWeights(config: ExperimentConfig, shape: ImageShape): number {
  const k2 = CONV_KERNEL * CONV_KERNEL;
  let n = 0;
  let prev = shape[2];
  for (const out of config.convChannels) {
    n += 2 * k2 * prev * out;
    prev = out;
  }
  return n;
}

/** Multiply-adds a second, once the fixed cost per image is taken out of the reference rate. */
const macsPerSec = (arch: 'mlp' | 'conv') => forwardMacs({ ...DEFAULT_CONFIG, architecture: arch }) / (1 / REFERENCE[arch] - 1 / MAX_RATE);
const SPEED = { mlp: macsPerSec('mlp'), conv: macsPerSec('conv') };

/** Training images per second on a typical laptop. */
export function estimateRate(config: ExperimentConfig): number {
  const arch = config.architecture === 'conv' ? 'conv' : 'mlp';
  return 1 / (forwardMacs(config) / SPEED[arch] + 1 / MAX_RATE);
}

/** Seconds for the whole run (every epoch), on a typical laptop. */
export function estimateSeconds(config: ExperimentConfig): number {
  return (config.epochs * trainImages(config.dataset)) / estimateRate(config);
}

/** "about 2 min", "about 40 s": rounded, as a person says it. */
export function durationText(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(10, Math.round(seconds / 10) * 10)} s`;
  const min = seconds / 60;
  return min < 10 ? `about ${Math.round(min * 2) / 2} min` : `about ${Math.round(min)} min`;
}

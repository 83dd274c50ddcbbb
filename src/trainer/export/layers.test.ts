import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { useTestBackend } from '../testing/tfSetup';
import { layersArtifacts, layersExport } from './layers';
import { randomModel } from './testModel';

beforeAll(async () => {
  await useTestBackend();
});

const load = (m: ReturnType<typeof randomModel>['loaded'], which: 'encoder' | 'decoder') => {
  const a = layersArtifacts(m, which);
  // Through JSON, as a file would travel.
  const topology = JSON.parse(JSON.stringify(a.modelTopology));
  return tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: topology, weightSpecs: a.weightSpecs, weightData: a.weightData }));
};

async function maxDiff(config: ExperimentConfig, shape: [number, number, number]) {
  const { parts, loaded } = randomModel(config, shape);
  const [encoder, decoder] = await Promise.all([load(loaded, 'encoder'), load(loaded, 'decoder')]);
  const before = tf.memory().numTensors;
  const diff = tf.tidy(() => {
    const x = tf.randomUniform([5, shape[0] * shape[1] * shape[2]], 0, 1, 'float32', 7) as tf.Tensor2D;
    const z = tf.randomNormal([5, config.latentDim], 0, 1, 'float32', 8) as tf.Tensor2D;
    const { mu, logvar } = parts.model.encode(x);
    const enc = tf.concat([mu, logvar], 1);
    const dec = parts.model.decode(z);
    const e = encoder.predict(x) as tf.Tensor;
    const d = decoder.predict(z) as tf.Tensor;
    expect(e.shape).toEqual(enc.shape);
    expect(d.shape).toEqual(dec.shape);
    const sizes = [dec, enc].map((t) => tf.max(tf.abs(t)).dataSync()[0]);
    // scale: the smaller, so neither comparison passes by its outputs being ~0.
    const [scale, big] = [Math.min(...sizes), Math.max(...sizes)];
    return { enc: tf.max(tf.abs(tf.sub(e, enc))).dataSync()[0], dec: tf.max(tf.abs(tf.sub(d, dec))).dataSync()[0], scale, big };
  });
  expect(tf.memory().numTensors).toBe(before);
  encoder.dispose();
  decoder.dispose();
  parts.model.dispose();
  return diff;
}

describe('TF.js Layers export', () => {
  it('MLP: tf.loadLayersModel gives the app\'s encoder and decoder outputs', async () => {
    const d = await maxDiff({ ...DEFAULT_CONFIG, hidden: [64, 32], latentDim: 6 }, [28, 28, 1]);
    expect(d.scale).toBeGreaterThan(0.2);
    expect(d.enc).toBeLessThan(1e-4);
    expect(d.dec).toBeLessThan(1e-4);
  });

  it('conv with 2 parameters per pixel: the same outputs, parameter-major', async () => {
    const d = await maxDiff({ ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [4, 8], latentDim: 3, likelihood: 'beta' }, [28, 28, 1]);
    expect(d.scale).toBeGreaterThan(0.2);
    expect(d.enc).toBeLessThan(1e-4);
    expect(d.dec).toBeLessThan(1e-4);
  });

  // 28 → 14 → 7 → 4 and back: 4 → 7 is not a doubling, so a 'valid' transposed conv and a crop.
  it('conv with three layers (the seed003 presets\' [32, 64, 128]): the same outputs through a cropped transposed conv', async () => {
    const config: ExperimentConfig = { ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [32, 64, 128], latentDim: 16 };
    const { parts, loaded } = randomModel(config, [28, 28, 1]);
    parts.model.dispose();
    const layers = layersArtifacts(loaded, 'decoder').modelTopology.config.layers;
    expect(layers.filter((l) => l.class_name === 'Cropping2D').map((l) => l.config.cropping)).toEqual([[[1, 1], [1, 1]]]);
    const d = await maxDiff(config, [28, 28, 1]);
    console.log(`Layers export, conv [32, 64, 128]: max |Δ| encoder ${d.enc.toExponential(2)}, decoder ${d.dec.toExponential(2)}, outputs up to ${d.big.toFixed(1)}`);
    expect(d.scale).toBeGreaterThan(0.2);
    // Outputs reach tens here: float32 sums of 128·9 products in another order differ by ~1e-6 relative.
    expect(d.enc).toBeLessThan(1e-5 * d.big);
    expect(d.dec).toBeLessThan(1e-5 * d.big);
  });

  it('conv with four layers on RGB, 2 parameters per pixel: 2 → 4 doubles, 4 → 7 is cropped', async () => {
    const d = await maxDiff({ ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [4, 8, 8, 8], latentDim: 3, likelihood: 'beta' }, [28, 28, 3]);
    console.log(`Layers export, conv [4, 8, 8, 8] RGB: max |Δ| encoder ${d.enc.toExponential(2)}, decoder ${d.dec.toExponential(2)}, outputs up to ${d.big.toFixed(1)}`);
    expect(d.scale).toBeGreaterThan(0.2);
    expect(d.enc).toBeLessThan(1e-4);
    expect(d.dec).toBeLessThan(1e-4);
  });

  // Not a size the app's datasets have; the writer follows the plan for any shape, one axis at a time.
  it('conv on a non-square odd image (13×10: height 7 → 13 cropped while width 5 → 10 doubles)', async () => {
    const d = await maxDiff({ ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [4, 8], latentDim: 2 }, [13, 10, 1]);
    expect(d.scale).toBeGreaterThan(0.2);
    expect(d.enc).toBeLessThan(1e-4);
    expect(d.dec).toBeLessThan(1e-4);
  });

  it('writes the zip for a three-layer conv model: encoder/ and decoder/, model.json and weights.bin', () => {
    const { parts, loaded } = randomModel({ ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [2, 2, 2], latentDim: 2 }, [28, 28, 1]);
    parts.model.dispose();
    expect(layersExport(loaded).map((e) => e.path)).toEqual(['encoder/model.json', 'encoder/weights.bin', 'decoder/model.json', 'decoder/weights.bin']);
  });
});

import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { useTestBackend } from '../testing/tfSetup';
import { layersArtifacts, layersExport, layersRefusal } from './layers';
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
    const scale = Math.max(tf.max(tf.abs(dec)).dataSync()[0], tf.max(tf.abs(enc)).dataSync()[0]);
    return { enc: tf.max(tf.abs(tf.sub(e, enc))).dataSync()[0], dec: tf.max(tf.abs(tf.sub(d, dec))).dataSync()[0], scale };
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
    expect(d.scale).toBeGreaterThan(0.5);
    expect(d.enc).toBeLessThan(1e-4);
    expect(d.dec).toBeLessThan(1e-4);
  });

  it('conv with 2 parameters per pixel: the same outputs, parameter-major', async () => {
    const d = await maxDiff({ ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [4, 8], latentDim: 3, likelihood: 'beta' }, [28, 28, 1]);
    expect(d.scale).toBeGreaterThan(0.5);
    expect(d.enc).toBeLessThan(1e-4);
    expect(d.dec).toBeLessThan(1e-4);
  });

  it('refuses a conv model whose decoder must grow an odd size, naming it', () => {
    const { parts, loaded } = randomModel({ ...DEFAULT_CONFIG, architecture: 'conv', convChannels: [2, 2, 2], latentDim: 2 }, [28, 28, 1]);
    parts.model.dispose();
    expect(layersRefusal(loaded)).toMatch(/grows 4×4 to 7×7, which a TF\.js Layers transposed conv cannot do/);
    expect(() => layersExport(loaded)).toThrow(/cannot do/);
  });
});

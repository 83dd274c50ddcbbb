/** A model file for a config with every tensor random (biases too), for the exporters' tests. */
import * as tf from '../tf';
import type { ExperimentConfig } from '../../config/experiment';
import { buildModelFile, parseModelFile, type LoadedModel } from '../checkpoint/modelFile';
import { buildModel } from '../model/build';
import type { ModelParts } from '../model/loss';

export function randomModel(config: ExperimentConfig, shape: [number, number, number]): { parts: ModelParts; loaded: LoadedModel } {
  const parts = buildModel(config, shape);
  const vars = parts.model.variables;
  vars.forEach((v, i) => tf.tidy(() => v.assign(tf.randomUniform(v.shape, -0.3, 0.3, 'float32', 1000 + i))));
  const values = vars.map((v) => v.dataSync() as Float32Array);
  const data = new Float32Array(values.reduce((n, v) => n + v.length, 0));
  let at = 0;
  for (const v of values) {
    data.set(v, at);
    at += v.length;
  }
  const specs = vars.map((v, i) => ({ name: `w${i}`, shape: [...v.shape], dtype: 'float32' as const }));
  const text = buildModelFile({ name: 'test', config, dataset: { id: 'mnist', shape }, progress: { step: 1, epoch: 0 } }, { specs, data: data.buffer });
  const r = parseModelFile(text);
  if (!r.ok) throw new Error(r.message);
  return { parts, loaded: r.model };
}

/**
 * Meaningful names for a model's tensors, in the order the trainer builds them (its variables:
 * encoder, then decoder, kernel then bias per layer, then likelihood extras). Pure and tfjs-free:
 * the names follow from the config and image shape alone, so a model file can be read by a
 * person or another framework without knowing the app's build order.
 */
import type { ExperimentConfig } from '../../config/experiment';
import { convVaePlan } from '../model/conv/plan';

const pair = (layer: string) => [`${layer}/kernel`, `${layer}/bias`];

/** The names of the model's own weights (no likelihood extras). */
export function modelWeightNames(config: ExperimentConfig, shape: readonly [number, number, number]): string[] {
  if (config.architecture === 'conv') {
    const plan = convVaePlan({ inputShape: [...shape], channels: config.convChannels, latentDim: config.latentDim, seed: 0 });
    return [
      ...plan.encoder.flatMap((_, i) => pair(`encoder/conv_${i}`)),
      ...pair('encoder/head'),
      ...pair('decoder/dense_0'),
      ...plan.decoder.flatMap((_, i) => pair(`decoder/conv_t_${i}`)),
    ];
  }
  // The encoder's hidden layers plus its mu/logvar head; the decoder mirrors them.
  const layers = config.hidden.length + 1;
  return [
    ...Array.from({ length: layers }, (_, i) => pair(`encoder/dense_${i}`)).flat(),
    ...Array.from({ length: layers }, (_, i) => pair(`decoder/dense_${i}`)).flat(),
  ];
}

/** Names for `count` tensors: the model's weights, then `likelihood/extra_<i>` for what follows. */
export function weightNames(config: ExperimentConfig, shape: readonly [number, number, number], count: number): string[] {
  const model = modelWeightNames(config, shape);
  return Array.from({ length: count }, (_, i) => model[i] ?? `likelihood/extra_${i - model.length}`);
}

import type { ExperimentConfig } from '../../config/experiment';
import { createLikelihood } from '../likelihoods/registry';
import { createObjective } from '../objectives/registry';
import type { Objective } from '../objectives/types';
import { createConvVae } from './conv/vae';
import type { ModelParts } from './loss';
import { createMlpVae } from './vae';

export function objectiveFor(config: ExperimentConfig): Objective {
  return createObjective(config.objective, {
    beta: config.beta,
    weight: config.mmdWeight,
    bandwidth: config.mmdBandwidth > 0 ? config.mmdBandwidth : undefined,
  });
}

/** The model, likelihood and objective a config describes, for images of the given shape. */
export function buildModel(config: ExperimentConfig, shape: [number, number, number]): ModelParts {
  const likelihood = createLikelihood(config.likelihood, { variance: config.variance, bins: config.bins });
  const [h, w, c] = shape;
  const inputDim = h * w * c;
  const model =
    config.architecture === 'conv'
      ? createConvVae({
          inputShape: shape,
          channels: config.convChannels,
          latentDim: config.latentDim,
          seed: config.seed,
          paramsPerPixel: likelihood.paramsPerPixel,
        })
      : createMlpVae({
          inputDim,
          hidden: config.hidden,
          latentDim: config.latentDim,
          seed: config.seed,
          outputDim: likelihood.paramsPerPixel * inputDim,
        });
  return { model, likelihood, objective: objectiveFor(config) };
}

/** The shapes of the variables a config trains (model weights, then likelihood extras), built and freed. */
export function variableShapes(config: ExperimentConfig, shape: [number, number, number]): { shape: number[] }[] {
  const { model, likelihood } = buildModel(config, shape);
  const extras = likelihood.trainableExtras ?? [];
  const shapes = [...model.variables, ...extras].map((v) => ({ shape: [...v.shape] }));
  model.dispose();
  for (const v of extras) v.dispose();
  return shapes;
}

/** The experiment config: a plain, serialisable object shared by the page and the worker. */
import type { LikelihoodId } from '../trainer/likelihoods/metas';
import type { ObjectiveId } from '../trainer/objectives/metas';

// The plug-ins' ids come from their metas (one registry each, read by both threads).
export { LIKELIHOOD_IDS, type LikelihoodId } from '../trainer/likelihoods/metas';
export { OBJECTIVE_IDS, type ObjectiveId } from '../trainer/objectives/metas';

export const ARCHITECTURES = ['mlp', 'conv'] as const;
export const OPTIMIZERS = ['adam', 'sgd'] as const;
export const BINARIZE = ['none', 'dynamic'] as const;

export type Architecture = (typeof ARCHITECTURES)[number];
export type OptimizerId = (typeof OPTIMIZERS)[number];
export type Binarize = (typeof BINARIZE)[number];

export interface ExperimentConfig {
  /** A dataset id (src/config/fields.ts lists the kinds); procedural shapes carry their size, count and seed in it. */
  dataset: string;
  architecture: Architecture;
  /** Hidden layer widths of the MLP encoder; the decoder mirrors them. */
  hidden: number[];
  /** Channels of the conv encoder's stride-2 layers; the decoder mirrors them. */
  convChannels: number[];
  latentDim: number;
  likelihood: LikelihoodId;
  /** gaussian-fixed: the variance c of every pixel. */
  variance: number;
  /** categorical: the number k of grey levels. */
  bins: number;
  /** dynamic: each image is a fresh 0/1 Bernoulli draw of its grey levels every time it is used. */
  binarize: Binarize;
  objective: ObjectiveId;
  /** beta-vae: weight of the KL term; editable while training. */
  beta: number;
  /** mmd: weight λ of the MMD² term. */
  mmdWeight: number;
  /** mmd: RBF kernel bandwidth; 0 means √(latent dimension). */
  mmdBandwidth: number;
  optimizer: OptimizerId;
  /** sgd: momentum. */
  momentum: number;
  batchSize: number;
  learningRate: number;
  epochs: number;
  /** Early stopping: epochs without a better validation nELBO before stopping; 0 is off. */
  patience: number;
  seed: number;
}

export const DEFAULT_CONFIG: ExperimentConfig = {
  dataset: 'mnist',
  architecture: 'mlp',
  hidden: [400],
  convChannels: [32, 64],
  latentDim: 20,
  likelihood: 'bernoulli',
  variance: 0.1,
  bins: 4,
  binarize: 'none',
  objective: 'elbo',
  beta: 1,
  mmdWeight: 1000,
  mmdBandwidth: 0,
  optimizer: 'adam',
  momentum: 0.9,
  batchSize: 128,
  learningRate: 1e-3,
  epochs: 10,
  patience: 0,
  seed: 1,
};

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

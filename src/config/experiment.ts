/** The experiment config: a plain, serialisable object shared by the page and the worker. */
export interface ExperimentConfig {
  dataset: string;
  /** Hidden layer widths of the MLP encoder; the decoder mirrors them. */
  hidden: number[];
  latentDim: number;
  batchSize: number;
  learningRate: number;
  epochs: number;
  seed: number;
}

export const DEFAULT_CONFIG: ExperimentConfig = {
  dataset: 'mnist',
  hidden: [400],
  latentDim: 20,
  batchSize: 128,
  learningRate: 1e-3,
  epochs: 10,
  seed: 1,
};

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

import type { OptionSpec } from '../trainer/likelihoods/meta';
import { LIKELIHOOD_METAS, likelihoodOption } from '../trainer/likelihoods/metas';
import type { ObjectiveOptionKey } from '../trainer/objectives/meta';
import { OBJECTIVE_METAS, objectiveOption } from '../trainer/objectives/metas';
import type { ExperimentConfig } from './experiment';
import { ARCHITECTURES, BINARIZE, OPTIMIZERS } from './experiment';

type Base = {
  label: string;
  /** What changing it does: shown as the control's tooltip/hint. */
  hint?: string;
  /** Only meaningful for some configs (e.g. β only for β-VAE); the page hides it otherwise. */
  when?: (c: ExperimentConfig) => boolean;
  /** Takes effect only after Reset, because it changes the model or data. */
  rebuild?: boolean;
};
export type FieldSpec = Base &
  (
    | { kind: 'int'; min: number; max: number }
    | { kind: 'number'; min: number; max: number; minExclusive?: boolean }
    | { kind: 'enum'; options: readonly { value: string; label: string }[] }
    | { kind: 'widths'; maxLayers: number; maxWidth: number; minLayers: number }
    | { kind: 'id' }
  );

const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

/** A plug-in's option as a field: its meta's label, range and hint, shown only for its owner. */
function optionField(spec: OptionSpec, when: (c: ExperimentConfig) => boolean, rebuild: boolean): FieldSpec {
  const base = { label: spec.label, hint: spec.hint, when, ...(rebuild ? { rebuild } : {}) };
  return spec.integer ? { kind: 'int', min: spec.min, max: spec.max, ...base } : { kind: 'number', min: spec.min, max: spec.max, ...base };
}

function likelihoodField(key: 'variance' | 'bins'): FieldSpec {
  const { owner, spec } = likelihoodOption(key);
  return optionField(spec, (c) => c.likelihood === owner, true);
}

function objectiveField(key: ObjectiveOptionKey): FieldSpec {
  const { owner, spec } = objectiveOption(key);
  return optionField(spec, (c) => c.objective === owner, false);
}

/** Every config field: its type, range, label and consequence. Validation, controls and links all read this. */
export const FIELDS: { [K in keyof ExperimentConfig]: FieldSpec } = {
  dataset: {
    kind: 'id',
    label: 'Dataset',
    hint: 'Chosen in the Dataset panel: mnist, fashion-mnist, mnist-binary-static, shapes or shapes-<size>px-<count>-seed<seed>, or a dataset imported into this browser (upload-…, url-…).',
    rebuild: true,
  },
  architecture: {
    kind: 'enum',
    label: 'Architecture',
    options: opts(ARCHITECTURES, { mlp: 'MLP (dense layers)', conv: 'Convolutional' }),
    hint: 'Conv nets see local structure: sharper images, slower steps.',
    rebuild: true,
  },
  hidden: {
    kind: 'widths',
    label: 'Hidden widths',
    minLayers: 0,
    maxLayers: 6,
    maxWidth: 4096,
    hint: 'One width per layer, e.g. "400" or "60, 32"; empty for none. The decoder mirrors them. Wider or deeper fits better but steps slower and can overfit.',
    when: (c) => c.architecture === 'mlp',
    rebuild: true,
  },
  convChannels: {
    kind: 'widths',
    label: 'Conv channels',
    minLayers: 1,
    maxLayers: 4,
    maxWidth: 256,
    hint: 'Channels per stride-2 conv layer, e.g. "32, 64" or "32, 64, 128". More channels: sharper images, slower steps.',
    when: (c) => c.architecture === 'conv',
    rebuild: true,
  },
  latentDim: { kind: 'int', label: 'Latent dimension', min: 2, max: 128, hint: 'Size of z. 2 lets you see the latent plane directly; more dimensions reconstruct better, and the ones the model does not need collapse to the prior.', rebuild: true },
  likelihood: {
    kind: 'enum',
    label: 'Likelihood p(x|z)',
    options: LIKELIHOOD_METAS.map((m) => ({ value: m.id, label: m.label })),
    hint: 'How the decoder scores a pixel. Densities of continuous data are not comparable with Bernoulli nats.',
    rebuild: true,
  },
  variance: likelihoodField('variance'),
  bins: likelihoodField('bins'),
  binarize: {
    kind: 'enum',
    label: 'Binarize input',
    options: opts(BINARIZE, { none: 'No: grey levels', dynamic: 'Dynamic: fresh 0/1 draw each use' }),
    hint: 'Dynamic binarization samples each pixel as 0/1 with its grey level as probability, every time: fresh noise each epoch (less overfitting), and a Bernoulli likelihood becomes exact.',
  },
  objective: {
    kind: 'enum',
    label: 'Objective',
    options: OBJECTIVE_METAS.map((m) => ({ value: m.id, label: m.label })),
    hint: 'β-VAE weighs KL by β; MMD matches the codes as a whole to N(0, I); the autoencoder has no noise and no regulariser.',
  },
  beta: objectiveField('beta'),
  mmdWeight: objectiveField('mmdWeight'),
  mmdBandwidth: objectiveField('mmdBandwidth'),
  optimizer: { kind: 'enum', label: 'Optimizer', options: opts(OPTIMIZERS, { adam: 'Adam', sgd: 'SGD with momentum' }), hint: 'Adam adapts each weight’s step size and usually converges faster; SGD needs a larger, hand-tuned learning rate.', rebuild: true },
  momentum: { kind: 'number', label: 'Momentum', min: 0, max: 0.999, hint: 'Share of the last update carried into the next: higher smooths noisy steps but can overshoot.', when: (c) => c.optimizer === 'sgd', rebuild: true },
  batchSize: { kind: 'int', label: 'Batch size', min: 1, max: 4096, hint: 'Images per step. Larger is faster per image and less noisy, but takes fewer steps per epoch.' },
  learningRate: { kind: 'number', label: 'Learning rate', min: 0, max: 10, minExclusive: true, hint: 'Step size, e.g. 0.001. Too large and the loss turns NaN.' },
  epochs: { kind: 'int', label: 'Epochs', min: 1, max: 1000, hint: 'Passes over the training set: more lowers the training loss, until the test loss stops following (overfitting).' },
  patience: { kind: 'int', label: 'Early-stop patience', min: 0, max: 100, hint: 'Stop after this many epochs without a better validation nELBO; 0 is off.' },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 2 ** 31 - 1, hint: 'Same config and seed, same curve.', rebuild: true },
};

export const FIELD_LABELS = Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, f.label])) as Record<keyof ExperimentConfig, string>;

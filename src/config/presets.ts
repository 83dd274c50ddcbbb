/**
 * Experiments behind the figures of the seed reports (../shared/seeds/), one click each. A group
 * is one figure or table; its presets are the models the figure compares. Values the reports do
 * not state are the playground's defaults, and each deviation is said in the group's note.
 */
import { DEFAULT_CONFIG, type ExperimentConfig } from './experiment';

export interface Preset {
  id: string;
  /** Short, for the button: "Model C", "β = 0.5". */
  label: string;
  config: ExperimentConfig;
}

export interface PresetGroup {
  id: string;
  /** Which seed report, and who wrote it. */
  source: string;
  title: string;
  /** The figures and tables the presets reproduce. */
  figure: string;
  /** What to watch once it trains. */
  lookAt: string;
  /** Where the playground cannot follow the report exactly. */
  note?: string;
  /**
   * Epochs in the report, where the presets train fewer so a lecture sees the point within about
   * two minutes on a laptop (src/config/runTime.ts); the full length is one edit of Epochs away.
   */
  reportEpochs?: number;
  presets: Preset[];
}

const make = (id: string, label: string, over: Partial<ExperimentConfig>): Preset => ({
  id,
  label,
  config: { ...DEFAULT_CONFIG, ...over },
});

const seed001: Partial<ExperimentConfig> = { architecture: 'mlp', latentDim: 12, batchSize: 64, learningRate: 1e-3, optimizer: 'adam', epochs: 30, likelihood: 'gaussian-fixed', variance: 0.1 };
const seed003: Partial<ExperimentConfig> = { architecture: 'conv', convChannels: [32, 64, 128], latentDim: 16, batchSize: 256, learningRate: 1e-3, epochs: 2, patience: 5 };
const seed004: Partial<ExperimentConfig> = { dataset: 'mnist-binary-static', architecture: 'mlp', hidden: [200, 200], batchSize: 100, learningRate: 1e-3, likelihood: 'bernoulli', epochs: 15 };
const seed000: Partial<ExperimentConfig> = { architecture: 'conv', convChannels: [32, 64], latentDim: 128, objective: 'beta-vae', batchSize: 64, epochs: 3 };
const seed002: Partial<ExperimentConfig> = { dataset: 'shapes-28px-10000-seed1', architecture: 'conv', convChannels: [32, 64], latentDim: 2, batchSize: 32, learningRate: 1e-4, epochs: 20 };

export const PRESET_GROUPS: PresetGroup[] = [
  {
    id: 'seed001-models',
    source: 'Course report 001 — Gaussian VAEs',
    title: 'Five MLP VAEs with a 12-D latent, A to E',
    figure: 'Figs. 1–2, Tables I–II',
    lookAt:
      'Train each model, then open Runs and compare them: the nELBO curves (Fig. 1) and KL curves (Fig. 2) overlaid, and the table of final values and parameter counts (Tables I–II). In the report C and D reach the lowest nELBO and B and E the highest; B has the lowest KL and the best-looking prior samples.',
    note:
      'The report’s decoders are Gaussian with one learned σ shared by every pixel: Table I counts one parameter more than these models (29,033 vs 29,032 for A). The playground has no shared learned σ, so these use a fixed σ² = 0.1; nELBO is then a density on another scale than Table II — compare the ordering and the shapes of the curves, not the numbers. 30 epochs here (the report: 100); the ordering shows within the first ten.',
    reportEpochs: 100,
    presets: [
      make('seed001-a', 'Model A', { ...seed001, hidden: [] }),
      make('seed001-b', 'Model B', { ...seed001, hidden: [32] }),
      make('seed001-c', 'Model C', { ...seed001, hidden: [64] }),
      make('seed001-d', 'Model D', { ...seed001, hidden: [60, 32] }),
      make('seed001-e', 'Model E', { ...seed001, hidden: [60, 32, 20] }),
    ],
  },
  {
    id: 'seed003-likelihoods',
    source: 'Course report 003 — conv VAE on MNIST, four likelihoods',
    title: 'One conv VAE, four choices of p(x|z)',
    figure: 'Figs. 1, 4, 7, 10 (nELBO curves), Figs. 2, 5, 8, 11 (reconstructions)',
    lookAt:
      'The Gaussian run’s curves are spiky (Fig. 1) and its reconstructions blurry; Beta is smoother and sharper (Figs. 4–5); Categorical with k = 4 shows four grey levels (Figs. 7–8); Bernoulli reconstructs almost perfectly (Figs. 10–11). Early stopping (patience 5) ends each run. Gaussian and Beta nELBOs are densities: do not rank them against Categorical or Bernoulli nats.',
    note: 'The report validates on 10,000 of the 60,000 training images; here the test split is the validation set. Its convs use 5×5 kernels and pooling; these use the playground’s 3×3 stride-2 convs with 32, 64, 128 channels. Two epochs here; the report trains up to 50 with early stopping (patience 5).',
    reportEpochs: 50,
    presets: [
      make('seed003-gaussian', 'Gaussian', { ...seed003, likelihood: 'gaussian-learned' }),
      make('seed003-beta', 'Beta', { ...seed003, likelihood: 'beta' }),
      make('seed003-categorical', 'Categorical, k = 4', { ...seed003, likelihood: 'categorical', bins: 4 }),
      make('seed003-bernoulli', 'Bernoulli', { ...seed003, likelihood: 'bernoulli' }),
    ],
  },
  {
    id: 'seed003-latent',
    source: 'Course report 003 — the latent space of the Bernoulli conv VAE',
    title: 'A 2-D latent, and a 16-D one seen through PCA',
    figure: 'Fig. 13 (2-D latent), Fig. 14 (16-D latent, PCA to 2-D)',
    lookAt:
      'After training, the Explore view’s latent scatter colours the test digits: with 2 dimensions the classes separate, except 4 with 9 and 3 with 8 (Fig. 13); the first two principal axes of the 16-D codes overlap far more (Fig. 14).',
    presets: [
      make('seed003-latent2', 'Latent 2-D', { ...seed003, likelihood: 'bernoulli', latentDim: 2 }),
      make('seed003-latent16', 'Latent 16-D (PCA)', { ...seed003, likelihood: 'bernoulli', latentDim: 16 }),
    ],
  },
  {
    id: 'seed004-latent',
    source: 'Course report 004 — binarized MNIST, Bernoulli MLP VAE',
    title: 'Latent size 2 against 20',
    figure: 'Fig. 1 (latent 20: samples, reconstructions, interpolation), Fig. 2 (latent 2), Fig. 3 (PCA of the 20-D latent)',
    lookAt:
      'Latent 20 gives sharper samples and reconstructions (Fig. 1); latent 2 lays the digits out on a plane you can read directly (Fig. 2), while the 20-D codes need PCA (Fig. 3). Compare the two runs’ nELBO in Runs.',
    note: 'The report binarized MNIST once with np.random.binomial(1, x); the dataset “MNIST, binarized (one fixed sample)” is the same kind of fixed draw. Two hidden layers of 200 units and batch 100 as in the report; 15 epochs here against its 500.',
    reportEpochs: 500,
    presets: [
      make('seed004-latent2', 'Latent 2', { ...seed004, latentDim: 2 }),
      make('seed004-latent20', 'Latent 20', { ...seed004, latentDim: 20 }),
    ],
  },
  {
    id: 'seed004-continuous',
    source: 'Course report 004 — continuous likelihoods',
    title: 'Normal against logit-normal p(x|z)',
    figure: 'Fig. 5 (Normal), Fig. 6 (logit-normal)',
    lookAt:
      'Both learn a mean and a variance per pixel. The Normal’s mean goes through a sigmoid, as in the report; the logit-normal models logit(x). Watch the prior samples: the report found logit-normal samples from N(0, I) poor, and both can run into tiny variances (its NaN problem; the playground bounds σ ≥ 0.01).',
    note: 'The report’s Figs. 5–6 are on Frey Faces, which the playground does not have; these run on MNIST. Fig. 5 used 200-unit layers for 500 epochs, Fig. 6 500-unit layers for 200 epochs; here 12 and 5 epochs.',
    reportEpochs: 500,
    presets: [
      make('seed004-normal', 'Normal', { ...seed004, dataset: 'mnist', hidden: [200, 200], latentDim: 20, likelihood: 'gaussian-learned', epochs: 12 }),
      make('seed004-logit', 'Logit-normal', { ...seed004, dataset: 'mnist', hidden: [500, 500], latentDim: 20, likelihood: 'logit-normal', epochs: 5 }),
    ],
  },
  {
    id: 'fashion-conv',
    source: 'Lecture starting point — Fashion-MNIST (no seed report)',
    title: 'A conv VAE on clothing instead of digits',
    figure: 'No report figure: report 003’s Figs. 10–11 and 14 (Bernoulli conv VAE, 16-D latent through PCA), on Fashion-MNIST',
    lookAt:
      'Reconstructions keep each garment’s outline and lose its texture (prints, stripes, logos): the 16-D code stores the shape. In Explore, the latent scatter groups footwear (sandal, sneaker, ankle boot), trousers and bags apart, while T-shirts, pullovers, coats and shirts overlap — the classes that classifiers also confuse.',
    note: 'Bernoulli p(x|z) on grey levels, as the MNIST presets. Four epochs, sized to about two minutes; the nELBO still falls after them.',
    presets: [make('fashion-conv', 'Conv, 16-D latent', { dataset: 'fashion-mnist', architecture: 'conv', convChannels: [32, 64], latentDim: 16, likelihood: 'bernoulli', epochs: 4 })],
  },
  {
    id: 'seed000-beta',
    source: 'Course report 000 — β-VAE sweep',
    title: 'β = 0.1, 0.5, 1.5, 2.0',
    figure: 'Fig. 11a–b (β 0.1, 0.5), Fig. 12a–b (β 1.5, 2.0)',
    lookAt:
      'Compare the prior samples and the KL curves across β: the report saw generation improve as β decreased (against what it expected), while a larger β pulls the codes toward the prior (lower KL, blurrier samples). Overlay the four runs in Runs.',
    note: 'The report trained on an animals image set the playground does not have, so these use MNIST. Its β-VAEs had a 128-D latent (its plain VAE 64-D); epochs and batch size are not stated. Three epochs here.',
    presets: [0.1, 0.5, 1.5, 2].map((beta) => make(`seed000-beta${beta}`, `β = ${beta}`, { ...seed000, beta })),
  },
  {
    id: 'seed002-mmd',
    source: 'Course report 002 — VAE against MMD-VAE on shapes',
    title: 'The ELBO against an MMD prior match',
    figure: 'Figs. 1–2 (VAE: test images, random samples), Figs. 3–4 (MMD-VAE), the performance table',
    lookAt:
      'The report found the VAE reconstructs test shapes better (93.75% vs 68.75% recognisable) while the MMD-VAE’s random samples have sharper edges (80% vs 72%). Compare the reconstruction and sample grids of the two runs.',
    note: 'Procedural rectangles, circles and triangles, 10,000 training images, 20 epochs as in the report. Its conv model follows the TensorFlow CVAE tutorial (2-D latent, batch 32, Adam 1e-4), which these copy.',
    presets: [
      make('seed002-vae', 'VAE', { ...seed002, objective: 'elbo' }),
      make('seed002-mmd', 'MMD-VAE', { ...seed002, objective: 'mmd' }),
    ],
  },
];

export const PRESETS: Preset[] = PRESET_GROUPS.flatMap((g) => g.presets);

/** The run's name: the preset's own ("Model A"), then which report it comes from. */
export function presetRunName(group: PresetGroup, preset: Preset): string {
  const report = /report (\d+)/i.exec(group.source)?.[1];
  return report ? `${preset.label} — report ${report}` : preset.label;
}

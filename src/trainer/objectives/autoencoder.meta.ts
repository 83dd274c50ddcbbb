import { defineObjective } from './meta';

export const autoencoderMeta = defineObjective({
  id: 'autoencoder',
  label: 'Plain autoencoder',
  shortName: () => 'AE',
  deterministic: true,
  tex: () => String.raw`\mathcal{L} = \underbrace{-\log p\big(x\mid z = \mu(x)\big)}_{\text{reconstruction}}\quad\text{(no KL: the code is not a distribution)}`,
  options: {},
});

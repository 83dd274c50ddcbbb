import { texNumber } from '../likelihoods/meta';
import { defineObjective, KL_TEX, RECON_TEX } from './meta';

export const betaVaeMeta = defineObjective({
  id: 'beta-vae',
  label: 'β-VAE',
  shortName: (o) => `β=${o.beta}`,
  deterministic: false,
  tex: (o) => String.raw`\mathcal{L}_\beta = ${RECON_TEX} + \beta\cdot\underbrace{${KL_TEX}}_{\text{KL}},\quad \beta = ${texNumber(o.beta)}`,
  options: {
    beta: {
      label: 'β',
      symbol: 'β',
      hint: 'β > 1 pushes codes toward the prior (blurrier, more disentangled); β = 0 is reconstruction only.',
      min: 0,
      max: 100,
      default: 4,
      scale: 'linear',
      integer: false,
    },
  },
});

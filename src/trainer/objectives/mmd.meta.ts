import { texNumber } from '../likelihoods/meta';
import { defineObjective, RECON_TEX } from './meta';

export const mmdMeta = defineObjective({
  id: 'mmd',
  label: 'MMD / InfoVAE',
  shortName: () => 'MMD',
  deterministic: false,
  tex: (o) =>
    String.raw`\mathcal{L} = ${RECON_TEX} + \lambda\cdot\underbrace{\mathrm{MMD}^2\!\left(q(z),\,p(z)\right)}_{\text{codes as a whole vs. prior}},\quad \lambda = ${texNumber(o.mmdWeight)}`,
  options: {
    // Default λ 1000: MMD² is O(1/batch) to O(1) while recon is hundreds of nats, so it needs a
    // large weight to shape q(z) at all; InfoVAE's examples use ~1000 for MNIST.
    mmdWeight: { label: 'MMD weight λ', symbol: 'λ', hint: 'How hard the codes are pulled toward N(0, I).', min: 0, max: 1e6, default: 1000, scale: 'log', integer: false },
    mmdBandwidth: {
      label: 'MMD bandwidth',
      symbol: 'bandwidth',
      hint: 'RBF kernel width; 0 uses √(latent dimension). Far too small or too large and the MMD can no longer tell the codes from the prior.',
      min: 0,
      max: 100,
      default: 0,
      scale: 'linear',
      integer: false,
    },
  },
});

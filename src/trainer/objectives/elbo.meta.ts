import { defineObjective, KL_TEX, RECON_TEX } from './meta';

export const elboMeta = defineObjective({
  id: 'elbo',
  label: 'ELBO (VAE)',
  shortName: () => '',
  deterministic: false,
  tex: () => String.raw`\text{nELBO} = ${RECON_TEX} + \underbrace{${KL_TEX}}_{\text{KL}}`,
  options: {},
});

import { defineLikelihood } from './meta';

export const logitNormalMeta = defineLikelihood({
  id: 'logit-normal',
  label: 'Logit-normal',
  shortName: 'logit-normal',
  density: true,
  outputsPerPixel: () => 2,
  tex: () => String.raw`\log\mathcal{N}\!\left(\operatorname{logit} x_i;\,\mu_i,\sigma_i^2\right) - \log x_i - \log(1-x_i)\quad\text{(logit-normal)}`,
  options: {},
});

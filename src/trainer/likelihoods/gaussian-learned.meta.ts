import { defineLikelihood } from './meta';

export const gaussianLearnedMeta = defineLikelihood({
  id: 'gaussian-learned',
  label: 'Gaussian, learned σ²',
  shortName: 'Gaussian',
  density: true,
  outputsPerPixel: () => 2,
  tex: () => String.raw`-\frac{(x_i-\mu_i)^2}{2\sigma_i^2} - \tfrac12\log(2\pi\sigma_i^2)\quad\text{(Gaussian, learned }\sigma_i\text{)}`,
  options: {},
});

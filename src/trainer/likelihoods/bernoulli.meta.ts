import { defineLikelihood } from './meta';

export const bernoulliMeta = defineLikelihood({
  id: 'bernoulli',
  label: 'Bernoulli',
  shortName: 'Bernoulli',
  density: false,
  outputsPerPixel: () => 1,
  tex: () => String.raw`x_i\log\lambda_i + (1-x_i)\log(1-\lambda_i)\quad\text{(Bernoulli)}`,
  options: {},
});

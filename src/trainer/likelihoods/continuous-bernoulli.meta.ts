import { defineLikelihood } from './meta';

export const continuousBernoulliMeta = defineLikelihood({
  id: 'continuous-bernoulli',
  label: 'Continuous Bernoulli',
  shortName: 'CB',
  density: true,
  outputsPerPixel: () => 1,
  tex: () => String.raw`\log C(\lambda_i) + x_i\log\lambda_i + (1-x_i)\log(1-\lambda_i)\quad\text{(continuous Bernoulli)}`,
  options: {},
});

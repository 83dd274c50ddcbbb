import { defineLikelihood } from './meta';

export const betaMeta = defineLikelihood({
  id: 'beta',
  label: 'Beta',
  shortName: 'Beta',
  density: true,
  outputsPerPixel: () => 2,
  tex: () => String.raw`(a_i-1)\log x_i + (b_i-1)\log(1-x_i) - \log\mathrm{B}(a_i, b_i)\quad\text{(Beta)}`,
  options: {},
});

import { defineLikelihood, texNumber } from './meta';

export const gaussianFixedMeta = defineLikelihood({
  id: 'gaussian-fixed',
  label: 'Gaussian, fixed σ²',
  shortName: 'Gaussian σ²',
  density: true,
  outputsPerPixel: () => 1,
  tex: (o) => String.raw`-\frac{(x_i-\mu_i)^2}{2c} - \tfrac12\log(2\pi c),\quad c = \sigma^2 = ${texNumber(o.variance)}`,
  options: {
    // Default 0.1: a middle setting of the slider.
    variance: { label: 'Variance σ²', hint: 'Smaller σ² weighs reconstruction more against KL.', min: 1e-3, max: 1, default: 0.1, scale: 'log', integer: false },
  },
});

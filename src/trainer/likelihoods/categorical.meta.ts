import { defineLikelihood } from './meta';

export const categoricalMeta = defineLikelihood({
  id: 'categorical',
  label: 'Categorical (k levels)',
  shortName: 'Categorical',
  density: false,
  outputsPerPixel: (o) => o.bins,
  tex: (o) => String.raw`\log \pi_{i,\,\ell(x_i)},\quad \ell(x_i)\text{ the nearest of } k = ${o.bins}\text{ grey levels}`,
  options: {
    bins: {
      label: 'Levels k',
      hint: 'Grey levels of the categorical likelihood: more levels keep finer shades but give the decoder k outputs per pixel to learn.',
      min: 2,
      max: 256,
      default: 4,
      scale: 'linear',
      integer: true,
    },
  },
});

import type { ExperimentConfig } from '../../config/experiment';

type Parts = Pick<ExperimentConfig, 'objective' | 'beta' | 'mmdWeight' | 'likelihood' | 'variance' | 'bins'>;

const RECON = String.raw`\underbrace{-\,\mathbb{E}_{q(z\mid x)}\!\left[\log p(x\mid z)\right]}_{\text{reconstruction}}`;
const KL = String.raw`\mathrm{KL}\!\left(q(z\mid x)\,\|\,p(z)\right)`;

/** A number as TeX: plain digits, no exponent notation surprises. */
function num(v: number): string {
  return Number.isInteger(v) || Math.abs(v) >= 1e-3 ? String(Number(v.toPrecision(4))) : v.toExponential(1).replace(/e(-?\d+)/, String.raw`\times 10^{$1}`);
}

/** The loss the objective minimises, per image, in terms of its parts. */
export function objectiveTex(c: Parts): string {
  switch (c.objective) {
    case 'elbo':
      return String.raw`\text{nELBO} = ${RECON} + \underbrace{${KL}}_{\text{KL}}`;
    case 'beta-vae':
      return String.raw`\mathcal{L}_\beta = ${RECON} + \beta\cdot\underbrace{${KL}}_{\text{KL}},\quad \beta = ${num(c.beta)}`;
    case 'mmd':
      return String.raw`\mathcal{L} = ${RECON} + \lambda\cdot\underbrace{\mathrm{MMD}^2\!\left(q(z),\,p(z)\right)}_{\text{codes as a whole vs. prior}},\quad \lambda = ${num(c.mmdWeight)}`;
    case 'autoencoder':
      return String.raw`\mathcal{L} = \underbrace{-\log p\big(x\mid z = \mu(x)\big)}_{\text{reconstruction}}\quad\text{(no KL: the code is not a distribution)}`;
  }
}

/** log p(x|z) of the chosen likelihood, summed over pixels i; the decoder outputs the parameters. */
export function likelihoodTex(c: Parts): string {
  const sum = String.raw`\log p(x\mid z) = \sum_i`;
  switch (c.likelihood) {
    case 'bernoulli':
      return String.raw`${sum} x_i\log\lambda_i + (1-x_i)\log(1-\lambda_i)\quad\text{(Bernoulli)}`;
    case 'gaussian-fixed':
      return String.raw`${sum} -\frac{(x_i-\mu_i)^2}{2c} - \tfrac12\log(2\pi c),\quad c = \sigma^2 = ${num(c.variance)}`;
    case 'gaussian-learned':
      return String.raw`${sum} -\frac{(x_i-\mu_i)^2}{2\sigma_i^2} - \tfrac12\log(2\pi\sigma_i^2)\quad\text{(Gaussian, learned }\sigma_i\text{)}`;
    case 'beta':
      return String.raw`${sum} (a_i-1)\log x_i + (b_i-1)\log(1-x_i) - \log\mathrm{B}(a_i, b_i)\quad\text{(Beta)}`;
    case 'categorical':
      return String.raw`${sum} \log \pi_{i,\,\ell(x_i)},\quad \ell(x_i)\text{ the nearest of } k = ${c.bins}\text{ grey levels}`;
    case 'logit-normal':
      return String.raw`${sum} \log\mathcal{N}\!\left(\operatorname{logit} x_i;\,\mu_i,\sigma_i^2\right) - \log x_i - \log(1-x_i)\quad\text{(logit-normal)}`;
    case 'continuous-bernoulli':
      return String.raw`${sum} \log C(\lambda_i) + x_i\log\lambda_i + (1-x_i)\log(1-\lambda_i)\quad\text{(continuous Bernoulli)}`;
  }
}

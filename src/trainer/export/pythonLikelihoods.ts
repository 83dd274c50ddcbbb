/**
 * Each likelihood's log p(x | params) in PyTorch, the same maths as likelihoods/<id>.ts (same
 * bounds and clamps, so the numbers agree to float rounding). `params` is the decoder's output,
 * parameter-major ([n, P·D]: columns k·D … (k+1)·D − 1 are parameter k of every pixel).
 */
import type { ExperimentConfig } from '../../config/experiment';
import { BETA_MIN_PARAM } from '../likelihoods/beta';
import { LOGVAR_FLOOR, UNIT_EPS } from '../likelihoods/common';
import { CB_TAYLOR_BELOW } from '../likelihoods/continuous-bernoulli';

const HELPERS = `LOG_2PI = math.log(2 * math.pi)
LOGVAR_FLOOR = ${LOGVAR_FLOOR}  # log(1e-4): a learned pixel variance never falls below 1e-4
UNIT_EPS = ${UNIT_EPS}  # pixels are clamped to [UNIT_EPS, 1 - UNIT_EPS] for densities on (0, 1)


def bounded_logvar(raw):
    return F.softplus(raw - LOGVAR_FLOOR) + LOGVAR_FLOOR


def gaussian_log_density(x, mu, logvar):
    return -0.5 * ((x - mu) ** 2 * torch.exp(-logvar) + logvar + LOG_2PI)
`;

/** The Python source of log_prob(x, params) for this config's likelihood, with its helpers. */
export function pythonLikelihood(c: ExperimentConfig): { label: string; source: string } {
  const body = (label: string, code: string) => ({ label, source: `${HELPERS}\n\n${code.trim()}\n` });
  switch (c.likelihood) {
    case 'bernoulli':
      return body('Bernoulli (the decoder gives logits)', `
def log_prob(x, logits):
    """log p(x | z) per image, summed over pixels, in nats."""
    return (x * logits - F.softplus(logits)).sum(1)`);
    case 'gaussian-fixed':
      return body(`Gaussian with fixed variance ${c.variance} (mean = sigmoid of the decoder's output)`, `
VARIANCE = ${c.variance}


def log_prob(x, params):
    """log p(x | z) per image, summed over pixels, in nats."""
    sq = ((x - torch.sigmoid(params)) ** 2).sum(1)
    return -0.5 / VARIANCE * sq - 0.5 * (LOG_2PI + math.log(VARIANCE)) * x.shape[1]`);
    case 'gaussian-learned':
      return body('Gaussian with a learned variance per pixel (parameters: mean logit, raw log-variance)', `
def log_prob(x, params):
    """log p(x | z) per image, summed over pixels, in nats."""
    m, v = params.chunk(2, dim=1)
    return gaussian_log_density(x, torch.sigmoid(m), bounded_logvar(v)).sum(1)`);
    case 'beta':
      return body('Beta (parameters: softplus-ed shapes a and b)', `
BETA_MIN_PARAM = ${BETA_MIN_PARAM}


def log_prob(x, params):
    """log p(x | z) per image, summed over pixels, in nats."""
    p, q = params.chunk(2, dim=1)
    a = F.softplus(p) + BETA_MIN_PARAM
    b = F.softplus(q) + BETA_MIN_PARAM
    xc = x.clamp(UNIT_EPS, 1 - UNIT_EPS)
    log_beta = torch.lgamma(a) + torch.lgamma(b) - torch.lgamma(a + b)
    return ((a - 1) * torch.log(xc) + (b - 1) * torch.log1p(-xc) - log_beta).sum(1)`);
    case 'categorical':
      return body(`Categorical over ${c.bins} grey levels (parameters: one logit per level)`, `
BINS = ${c.bins}


def log_prob(x, params):
    """log P(x | z) per image: each pixel rounded to the nearest of BINS levels, in nats."""
    n = params.shape[0]
    logits = params.reshape(n, BINS, -1).transpose(1, 2)  # [n, D, BINS]
    logp = torch.log_softmax(logits, dim=2)
    index = torch.floor(x * (BINS - 1) + 0.5).clamp(0, BINS - 1).long()
    return logp.gather(2, index.unsqueeze(2)).squeeze(2).sum(1)`);
    case 'logit-normal':
      return body('Logit-normal (parameters: mean and raw log-variance of logit x)', `
def log_prob(x, params):
    """log p(x | z) per image, summed over pixels, in nats."""
    m, v = params.chunk(2, dim=1)
    xc = x.clamp(UNIT_EPS, 1 - UNIT_EPS)
    log_x, log_1mx = torch.log(xc), torch.log1p(-xc)
    inner = gaussian_log_density(log_x - log_1mx, m, bounded_logvar(v))
    return (inner - (log_x + log_1mx)).sum(1)`);
    case 'continuous-bernoulli':
      return body('Continuous Bernoulli (the decoder gives logits)', `
CB_TAYLOR_BELOW = ${CB_TAYLOR_BELOW}


def cb_log_normaliser(l):
    """log of the normalising constant of the continuous Bernoulli, stably (a series near l = 0)."""
    small = l.abs() < CB_TAYLOR_BELOW
    u2 = (torch.where(small, l, torch.zeros_like(l)) * 0.5) ** 2
    near = u2 * (1 / 3 + u2 * (-7 / 90 + u2 * (62 / 2835 + u2 * (-127 / 18900)))) + math.log(2)
    a = torch.where(small, torch.ones_like(l), l).abs()
    e = torch.exp(-a)
    far = torch.log(a) + torch.log1p(e) - torch.log1p(-e)
    return torch.where(small, near, far)


def log_prob(x, logits):
    """log p(x | z) per image, summed over pixels, in nats."""
    return (x * logits - F.softplus(logits) + cb_log_normaliser(logits)).sum(1)`);
  }
}

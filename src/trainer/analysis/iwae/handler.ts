import { streamSeed } from '../../random';
import * as tf from '../../tf';
import { checkInt, checkOneOf } from '../statsChecks';
import type { Handler } from '../types';
import { iwaeBatch } from './estimate';
import { meanAndStdErr } from './stats';

const STREAM_IWAE = 41;
/** Decoder-output values per chunk: bounds memory whatever k and the image count are. */
const CHUNK_VALUES = 1 << 20;
export const MAX_SAMPLES = 5000;

/**
 * An honest log-likelihood: the importance-weighted bound (Burda et al. 2016) with k samples from
 * q(z|x), next to the ELBO estimated from the same samples, on the first images of a split.
 */
export const iwae: Handler<'iwae'> = async (req, ctx) => {
  const t0 = performance.now();
  const { session } = ctx;
  checkOneOf('iwae.split', req.split, ['train', 'test'] as const);
  checkInt('iwae.limit', req.limit, 1, 60_000);
  checkInt('iwae.samples', req.samples, 1, MAX_SAMPLES);
  const { model, likelihood } = session.parts;
  const k = req.samples;
  const n = Math.min(req.limit, session.data[req.split].count);
  const rows = Math.max(16, Math.floor(CHUNK_VALUES / (likelihood.paramsPerPixel * session.inputDim)));
  // Several images share a chunk when k is small; a single image spans many chunks when k is large.
  const batch = Math.max(1, Math.min(n, Math.floor(rows / k)));
  const iw = new Float64Array(n);
  const el = new Float64Array(n);
  let chunk = 0;
  const noise = (_offset: number, s: number, b: number, d: number) =>
    tf.randomNormal<tf.Rank.R3>([s, b, d], 0, 1, 'float32', streamSeed(req.seed, STREAM_IWAE, chunk++));
  for (let start = 0; start < n; start += batch) {
    const b = Math.min(batch, n - start);
    const x = session.images(req.split, start, b);
    try {
      const out = await iwaeBatch(model, likelihood, x, k, rows, noise, {
        chunkDone: (done) => ctx.progress(`Importance sampling, k = ${k}`, start * k + done * b, n * k),
        checkpoint: () => ctx.checkpoint(),
      });
      iw.set(out.iwae, start);
      el.set(out.elbo, start);
    } finally {
      x.dispose();
    }
  }
  const a = meanAndStdErr(iw);
  const e = meanAndStdErr(el);
  const g = meanAndStdErr(iw.map((v, i) => v - el[i]));
  const result = {
    kind: 'iwae' as const,
    split: req.split,
    count: n,
    samples: k,
    iwae: a.mean,
    iwaeStdErr: a.stdErr,
    elbo: e.mean,
    elboStdErr: e.stdErr,
    gap: g.mean,
    gapStdErr: g.stdErr,
    discrete: likelihood.discrete,
    seconds: (performance.now() - t0) / 1000,
  };
  return { result, transfer: [] };
};

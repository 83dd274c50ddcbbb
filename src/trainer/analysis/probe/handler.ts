import * as tf from '../../tf';
import { encode } from '../encode';
import { checkInt, checkOneOf, checkRange } from '../statsChecks';
import type { AnalysisContext, Handler } from '../types';
import { trainProbe } from './train';

/**
 * A classifier probe: how much of the label a frozen encoder's latent means carry, against the
 * same classifier on the raw pixels. Validation is on held-out test images.
 */
export const probe: Handler<'probe'> = async (req, ctx) => {
  const t0 = performance.now();
  checkOneOf('probe.input', req.input, ['latent', 'pixels'] as const);
  checkInt('probe.trainLimit', req.trainLimit, 10, 60_000);
  checkInt('probe.valLimit', req.valLimit, 1, 10_000);
  checkInt('probe.hidden', req.hidden, 1, 1024);
  checkInt('probe.epochs', req.epochs, 1, 100);
  checkInt('probe.batchSize', req.batchSize, 1, 4096);
  checkRange('probe.learningRate', req.learningRate, 0, 1, true);

  const { trainX, valX, trainY, valY } = req.input === 'latent' ? await latentFeatures(req.trainLimit, req.valLimit, ctx) : pixelFeatures(req.trainLimit, req.valLimit, ctx);
  try {
    let classes = 2;
    for (const l of trainY) classes = Math.max(classes, l + 1);
    for (const l of valY) classes = Math.max(classes, l + 1);
    const label = req.input === 'latent' ? 'Training the probe on latent means' : 'Training the probe on pixels';
    const { points, accuracy } = await trainProbe(
      { trainX, trainY, valX, valY, classes },
      { hidden: req.hidden, epochs: req.epochs, batchSize: req.batchSize, learningRate: req.learningRate, seed: req.seed },
      {
        point: (p) => ctx.partial?.({ kind: 'probe', input: req.input, ...p }),
        progress: (done, total) => ctx.progress(label, done, total),
        checkpoint: () => ctx.checkpoint(),
      },
    );
    const result = {
      kind: 'probe' as const,
      input: req.input,
      dim: trainX.shape[1],
      trainCount: trainY.length,
      valCount: valY.length,
      points: points.map((p) => ({ input: req.input, ...p })),
      accuracy,
      seconds: (performance.now() - t0) / 1000,
    };
    return { result, transfer: [] };
  } finally {
    tf.dispose([trainX, valX]);
  }
};

/**
 * Latent means standardised with the training set's mean and spread: an autoencoder's codes can
 * have any scale, and the probe should measure what they encode, not how big they are.
 */
async function latentFeatures(trainLimit: number, valLimit: number, ctx: AnalysisContext) {
  const train = (await encode({ kind: 'encode', split: 'train', limit: trainLimit }, ctx)).result;
  const val = (await encode({ kind: 'encode', split: 'test', limit: valLimit }, ctx)).result;
  const { dim } = train;
  const mean = new Float64Array(dim);
  const sq = new Float64Array(dim);
  for (let i = 0; i < train.count; i++) {
    for (let j = 0; j < dim; j++) {
      const v = train.means[i * dim + j];
      mean[j] += v / train.count;
      sq[j] += (v * v) / train.count;
    }
  }
  const sd = mean.map((m, j) => Math.sqrt(Math.max(sq[j] - m * m, 0)) || 1);
  const scale = (a: Float32Array) => a.map((v, i) => (v - mean[i % dim]) / sd[i % dim]);
  return {
    trainX: tf.tensor2d(scale(train.means), [train.count, dim]),
    valX: tf.tensor2d(scale(val.means), [val.count, dim]),
    trainY: train.labels,
    valY: val.labels,
  };
}

function pixelFeatures(trainLimit: number, valLimit: number, ctx: AnalysisContext) {
  const { session } = ctx;
  const nTrain = Math.min(trainLimit, session.data.train.count);
  const nVal = Math.min(valLimit, session.data.test.count);
  return {
    trainX: session.images('train', 0, nTrain),
    valX: session.images('test', 0, nVal),
    trainY: session.data.train.labels.slice(0, nTrain),
    valY: session.data.test.labels.slice(0, nVal),
  };
}

import type { RunHistory, TrainerEvent } from '../../protocol';

type Metrics = Extract<TrainerEvent, { type: 'metrics' }>;

/**
 * A saved run's curves as the metrics events that drew them, in step order (an evaluation after
 * the training point of its step), so the chart replays them through the same batcher.
 */
export function historyToMetrics(h: RunHistory): Metrics[] {
  const base = { type: 'metrics' as const, epochProgress: 0, imagesPerSec: 0 };
  const train = h.train.step.map((step, i): Metrics => ({
    ...base,
    step,
    epoch: 0,
    train: { nelbo: h.train.nelbo[i], recon: h.train.recon[i], kl: h.train.kl[i], loss: h.train.loss[i] },
  }));
  const test = h.test.step.map((step, i): Metrics => {
    const terms = { nelbo: h.test.nelbo[i], recon: h.test.recon[i], kl: h.test.kl[i], loss: h.test.loss[i] };
    return { ...base, step, epoch: h.test.epoch[i], train: terms, test: terms };
  });
  return [...train, ...test].sort((a, b) => a.step - b.step || Number(!!a.test) - Number(!!b.test));
}

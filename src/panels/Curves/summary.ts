import type { LossTerms } from '../../protocol';

const n = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : String(v));

/** The loss chart in words, for screen readers: "step 1200, nELBO 112.3, recon 90.1, KL 22.2; test nELBO 115.0". */
export function curvesSummary(step: number, train: LossTerms | null, test: LossTerms | null): string {
  if (step === 0 || !train) return 'Loss curves: no training steps yet.';
  const parts = [`Loss curves at step ${step}: nELBO ${n(train.nelbo)}, recon ${n(train.recon)}, KL ${n(train.kl)}`];
  if (train.loss !== undefined && train.loss !== train.nelbo) parts.push(`objective ${n(train.loss)}`);
  let text = parts.join(', ');
  if (test) text += `; test nELBO ${n(test.nelbo)}`;
  return `${text} (nats per image).`;
}

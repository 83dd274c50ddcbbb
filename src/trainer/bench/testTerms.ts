import type { TrainingSession } from '../session';

/** The whole test split's mean terms, as the page's evaluation averages its chunks. */
export async function testTerms(s: TrainingSession) {
  const sum = { nelbo: 0, recon: 0, kl: 0, loss: 0 };
  let n = 0;
  for (let c = 0; c < s.evalChunks; c++) {
    const { terms, count } = await s.evalChunk(c);
    sum.nelbo += terms.nelbo * count;
    sum.recon += terms.recon * count;
    sum.kl += terms.kl * count;
    sum.loss += (terms.loss ?? terms.nelbo) * count;
    n += count;
  }
  return { nelbo: sum.nelbo / n, recon: sum.recon / n, kl: sum.kl / n, loss: sum.loss / n };
}

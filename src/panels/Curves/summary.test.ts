import { describe, expect, it } from 'vitest';
import { curvesSummary } from './summary';

describe('curvesSummary', () => {
  it('says there is nothing yet before the first step', () => {
    expect(curvesSummary(0, null, null)).toBe('Loss curves: no training steps yet.');
  });
  it('reads out the latest values to one decimal', () => {
    expect(curvesSummary(1200, { nelbo: 112.34, recon: 90.06, kl: 22.28 }, null)).toBe('Loss curves at step 1200: nELBO 112.3, recon 90.1, KL 22.3 (nats per image).');
  });
  it('adds the objective where it differs from the nELBO, and the test split', () => {
    const text = curvesSummary(5, { nelbo: 120, recon: 100, kl: 20, loss: 110 }, { nelbo: 125.56, recon: 104, kl: 21.5 });
    expect(text).toBe('Loss curves at step 5: nELBO 120.0, recon 100.0, KL 20.0, objective 110.0; test nELBO 125.6 (nats per image).');
  });
});

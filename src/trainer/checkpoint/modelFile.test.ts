import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experiment';
import { emptyHistory } from './history';
import { buildModelFile, checkInputShape, MODEL_FILE_VERSION, parseModelFile, type RefusalReason } from './modelFile';

const weights = {
  specs: [
    { name: 'w0', shape: [3, 2], dtype: 'float32' as const },
    { name: 'w1', shape: [2], dtype: 'float32' as const },
  ],
  data: Float32Array.of(1, 2, 3, 4, 5, 6, -0.5, 1e-30).buffer,
};
const good = buildModelFile(
  { name: 'A', config: { ...DEFAULT_CONFIG, latentDim: 12 }, dataset: { id: 'mnist', shape: [28, 28, 1] }, progress: { step: 40, epoch: 1 }, history: emptyHistory() },
  weights,
);
const edit = (f: (o: Record<string, unknown>) => void) => {
  const o = JSON.parse(good);
  f(o);
  return JSON.stringify(o);
};
const refusal = (text: string) => {
  const r = parseModelFile(text);
  if (r.ok) throw new Error('accepted');
  return r;
};

describe('model files', () => {
  it('round-trip: config, dataset, step and every float32 weight bit', () => {
    const r = parseModelFile(good);
    if (!r.ok) throw new Error(r.message);
    expect(r.model.file).toMatchObject({ version: MODEL_FILE_VERSION, name: 'A', dataset: { id: 'mnist', shape: [28, 28, 1] }, progress: { step: 40, epoch: 1 } });
    expect(r.model.file.config.latentDim).toBe(12);
    // Version 2 names each tensor for its layer (the config's hidden [400]: encoder then decoder).
    expect(r.model.weights.specs.map((s) => s.name)).toEqual(['encoder/dense_0/kernel', 'encoder/dense_0/bias']);
    expect(r.model.weights.specs.map((s) => s.shape)).toEqual(weights.specs.map((s) => s.shape));
    expect(new Uint32Array(r.model.weights.data)).toEqual(new Uint32Array(weights.data));
  });

  it('refuses a truncated, future, non-JSON or foreign file, each with its own message', () => {
    const cases: [string, string, RefusalReason, RegExp][] = [
      ['cut mid-file', good.slice(0, Math.floor(good.length / 2)), 'truncated', /truncated: it ends before its JSON/],
      ['weights cut short', edit((o) => (o.weightData = (o.weightData as string).slice(0, 24))), 'truncated', /truncated: its weights hold 18 bytes, but its manifest lists 32/],
      ['newer version', edit((o) => (o.version = MODEL_FILE_VERSION + 1)), 'newer-version', new RegExp(`newer version of VAE Playground \\(file version ${MODEL_FILE_VERSION + 1}; this page reads version ${MODEL_FILE_VERSION}\\)`)],
      ['not JSON', 'PK\u0003\u0004 a zip file', 'not-json', /not JSON/],
      ['other JSON', '{"modelTopology": {}}', 'not-a-model', /not a VAE Playground model/],
      ['bad config', edit((o) => ((o.config as Record<string, unknown>).latentDim = 0)), 'invalid', /Latent dimension must be/],
    ];
    const messages = new Set<string>();
    for (const [what, text, reason, message] of cases) {
      const r = refusal(text);
      expect(r.reason, what).toBe(reason);
      expect(r.message, what).toMatch(message);
      messages.add(r.message);
    }
    expect(messages.size).toBe(cases.length);
  });

  it('refuses a model whose input shape differs from the dataset it would run on', () => {
    expect(checkInputShape({ id: 'mnist', shape: [28, 28, 1] }, [28, 28, 1])).toBeNull();
    const r = checkInputShape({ id: 'cifar', shape: [32, 32, 3] }, [28, 28, 1]);
    expect(r).toMatchObject({ ok: false, reason: 'input-shape' });
    expect(r!.message).toMatch(/takes 32×32×3 images, but dataset "cifar" here has 28×28×1 images: the input shape differs/);
  });
});

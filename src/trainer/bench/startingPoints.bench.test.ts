/**
 * Trains the shipped starting points (opt-in: VAE_TRAIN_STARTS=1, `npm run models:train`) with the
 * app's own TrainingSession in Node on WASM, seeded as the preset is, and writes each as a model
 * file in public/models/ with public/models/manifest.json (sha256, size, step, test nELBO). The
 * same seed and code give the same file (the session is deterministic on one backend); times are
 * logged. Only Model A of report 001 ships so far (see the README's table).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { PRESET_GROUPS } from '../../config/presets';
import type { RunHistory } from '../../protocol';
import { buildModelFile } from '../checkpoint/modelFile';
import { captureWeights } from '../checkpoint/snapshot';
import { TrainingSession } from '../session';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';

const SHIP = ['seed001-a'];
const OUT = 'public/models';
/** As store/preset.ts names a preset's run (that file is the page's, outside the worker's project). */
const runName = (source: string, label: string) => {
  const report = /report (\d+)/i.exec(source)?.[1];
  return report ? `${label} — report ${report}` : label;
};
const log = (line: string) => process.stdout.write(`${line}\n`);

async function testTerms(s: TrainingSession) {
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

describe.runIf(process.env.VAE_TRAIN_STARTS === '1')('shipped starting points', () => {
  it('trains each and writes the files and the manifest', async () => {
    await useTestBackend();
    mkdirSync(OUT, { recursive: true });
    const data = mnistSubset(60_000, 10_000);
    const models = [];
    for (const g of PRESET_GROUPS) {
      for (const p of g.presets.filter((x) => SHIP.includes(x.id))) {
        const t0 = performance.now();
        const s = new TrainingSession(p.config, data);
        const h: RunHistory = { train: { step: [], nelbo: [], recon: [], kl: [], loss: [] }, test: { step: [], epoch: [], nelbo: [], recon: [], kl: [], loss: [] }, notes: [] };
        const every = Math.max(1, Math.floor(s.stepsPerEpoch / 20));
        for (let e = 1; e <= p.config.epochs; e++) {
          for (let i = 0; i < s.stepsPerEpoch; i++) {
            const { terms } = s.trainStep();
            if (s.step % every === 0) {
              for (const k of ['nelbo', 'recon', 'kl'] as const) h.train[k].push(terms[k]);
              h.train.step.push(s.step);
              h.train.loss.push(terms.loss ?? terms.nelbo);
            }
          }
          s.epoch = e;
          s.evaluatedEpoch = e;
          const t = await testTerms(s);
          h.test.step.push(s.step);
          h.test.epoch.push(e);
          for (const k of ['nelbo', 'recon', 'kl', 'loss'] as const) h.test[k].push(t[k]);
          log(`${p.id}: epoch ${e}, test nELBO ${t.nelbo.toFixed(3)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        }
        const text = buildModelFile(
          { name: runName(g.source, p.label), config: p.config, dataset: { id: 'mnist', shape: [28, 28, 1] }, progress: { step: s.step, epoch: s.epoch }, history: h },
          await captureWeights(s),
        );
        const file = `${p.id}.vae.json`;
        writeFileSync(`${OUT}/${file}`, text);
        const seconds = Math.round((performance.now() - t0) / 1000);
        models.push({ preset: p.id, file, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex'), step: s.step, testNelbo: Number(h.test.nelbo.at(-1)!.toFixed(3)), trainSeconds: seconds });
        log(`${p.id}: wrote ${file} (${Buffer.byteLength(text)} bytes) in ${seconds} s`);
      }
    }
    writeFileSync(`${OUT}/manifest.json`, `${JSON.stringify({ format: 'vae-playground-starts', version: 1, models }, null, 2)}\n`);
  }, 3_600_000);
});

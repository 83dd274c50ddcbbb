/**
 * Trains the shipped starting points (opt-in: VAE_TRAIN_STARTS=1, `npm run models:train`) with the
 * app's own TrainingSession in Node on WASM, seeded as the preset is, on the page's own packed
 * datasets, and writes each as a model file in public/models/ with public/models/manifest.json
 * (sha256, size, step, epochs, storage, test nELBO, training time). The same seed and code give the
 * same weights (the session is deterministic on one backend).
 *
 * VAE_STARTS=id,id trains only those presets and keeps the manifest's other entries, so the set
 * trains in pieces and one can be rerun. VAE_STARTS_REPACK=1 trains nothing: it re-measures the
 * listed files' float32 and float16 test nELBO and rewrites them (for files trained before).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { describe, it } from 'vitest';
import { PRESET_GROUPS, type Preset, type PresetGroup } from '../../config/presets';
import type { RunHistory } from '../../protocol';
import { buildModelFile, parseModelFile, type WeightStorage } from '../checkpoint/modelFile';
import { captureWeights, restoreSession, type TensorBlob } from '../checkpoint/snapshot';
import { TrainingSession, type TrainingData } from '../session';
import { packedDataset } from '../testing/packedDataset';
import { useTestBackend } from '../testing/tfSetup';
import { testTerms } from './testTerms';

/**
 * What ships, in the manifest's order, with the epochs trained where they are fewer than the
 * preset's: the whole set must train in ~45 min of one loaded core (README "Trained starting
 * points"); a start opens paused at its step and trains on from there.
 */
export const SHIP: { preset: string; epochs?: number }[] = [
  { preset: 'seed001-a' },
  { preset: 'seed001-b' },
  { preset: 'seed001-c' },
  { preset: 'seed001-d' },
  { preset: 'seed001-e' },
  { preset: 'seed004-latent2' },
  { preset: 'seed004-latent20' },
  { preset: 'fashion-conv' },
];
/** Float16 ships where it moves the test nELBO by less than this (nats, or a density's units). */
const FLOAT16_TOLERANCE = 0.1;
const OUT = 'public/models';
const MANIFEST = `${OUT}/manifest.json`;
type Entry = Record<string, unknown> & { preset: string };
/** As store/preset.ts names a preset's run (that file is the page's, outside the worker's project). */
const runName = (source: string, label: string) => {
  const report = /report (\d+)/i.exec(source)?.[1];
  return report ? `${label} — report ${report}` : label;
};
const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const round3 = (x: number) => Number(x.toFixed(3));
const presetOf = (id: string): { g: PresetGroup; p: Preset } => {
  const g = PRESET_GROUPS.find((x) => x.presets.some((p) => p.id === id));
  if (!g) throw new Error(`${id} is not a preset`);
  return { g, p: g.presets.find((x) => x.id === id)! };
};

const datasets = new Map<string, TrainingData>();
function dataFor(id: string): TrainingData {
  if (!datasets.has(id)) datasets.set(id, packedDataset(id));
  return datasets.get(id)!;
}

/**
 * The file to ship for a trained session: float16 when that moves the test nELBO by less than the
 * tolerance, else float32. The history's last test point is the shipped weights' own score, so the
 * page's curve, its figure and the manifest agree.
 */
async function pack(g: PresetGroup, p: Preset, s: TrainingSession, h: RunHistory, weights: TensorBlob) {
  const parts = { name: runName(g.source, p.label), config: p.config, dataset: { id: p.config.dataset, shape: s.data.shape }, progress: { step: s.step, epoch: s.epoch }, history: h };
  const f32 = await testTerms(s);
  let storage: WeightStorage = 'float32';
  let shipped = f32;
  let f16Nelbo: number | null = null;
  try {
    const half = parseModelFile(buildModelFile(parts, weights, 'float16'));
    if (!half.ok) throw new Error(half.message);
    await restoreSession(s, { weights: half.model.weights, progress: parts.progress });
    const f16 = await testTerms(s);
    f16Nelbo = f16.nelbo;
    if (Math.abs(f16.nelbo - f32.nelbo) < FLOAT16_TOLERANCE) [storage, shipped] = ['float16', f16];
  } catch (e) {
    log(`${p.id}: float16 refused (${(e as Error).message})`);
  }
  const last = h.test.step.length - 1;
  if (last >= 0 && h.test.step[last] === s.step) for (const k of ['nelbo', 'recon', 'kl', 'loss'] as const) h.test[k][last] = shipped[k];
  const text = buildModelFile(parts, weights, storage);
  log(`${p.id}: test nELBO float32 ${f32.nelbo.toFixed(3)}, float16 ${f16Nelbo?.toFixed(3) ?? '—'}: ships ${storage}`);
  return {
    text,
    facts: { storage, testNelbo: round3(shipped.nelbo), testNelboFloat32: round3(f32.nelbo), testNelboFloat16: f16Nelbo === null ? null : round3(f16Nelbo) },
  };
}

const listed = (): Entry[] => (existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')).models : []);

/** Writes the file and its manifest entry, read afresh: pieces may train side by side. */
function write(p: Preset, text: string, facts: Record<string, unknown>) {
  const file = `${p.id}.vae.json`;
  writeFileSync(`${OUT}/${file}`, text);
  const bytes = Buffer.byteLength(text);
  const entry: Entry = { preset: p.id, file, bytes, sha256: createHash('sha256').update(text).digest('hex'), ...facts };
  log(`${p.id}: wrote ${file} (${bytes} bytes)`);
  const entries = listed();
  const i = entries.findIndex((m) => m.preset === p.id);
  if (i >= 0) entries[i] = entry;
  else entries.push(entry);
  const order = (m: Entry) => SHIP.findIndex((x) => x.preset === m.preset);
  entries.sort((a, b) => order(a) - order(b));
  writeFileSync(MANIFEST, `${JSON.stringify({ format: 'vae-playground-starts', version: 1, models: entries }, null, 2)}\n`);
}

async function train(id: string, epochsCap?: number) {
  const { g, p } = presetOf(id);
  const epochs = Math.min(epochsCap ?? p.config.epochs, p.config.epochs);
  const data = dataFor(p.config.dataset);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const s = new TrainingSession(p.config, data);
  const h: RunHistory = { train: { step: [], nelbo: [], recon: [], kl: [], loss: [] }, test: { step: [], epoch: [], nelbo: [], recon: [], kl: [], loss: [] }, notes: [] };
  const every = Math.max(1, Math.floor(s.stepsPerEpoch / 20));
  for (let e = 1; e <= epochs; e++) {
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
    log(`${p.id}: epoch ${e}/${epochs}, test nELBO ${t.nelbo.toFixed(3)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const trainSeconds = Math.round((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  const { text, facts } = await pack(g, p, s, h, await captureWeights(s));
  s.dispose();
  write(p, text, {
    step: s.step,
    epochs,
    presetEpochs: p.config.epochs,
    ...facts,
    trainSeconds,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e6),
    machine: `${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, tfjs WASM`,
  });
}

/** A file trained before: its float32 weights measured again and shipped as pack() decides. */
async function repack(id: string) {
  const { g, p } = presetOf(id);
  const old = listed().find((m) => m.preset === id);
  if (!old) throw new Error(`${id} is not in the manifest: train it first`);
  const saved = readFileSync(`${OUT}/${old.file as string}`, 'utf8');
  if ((JSON.parse(saved) as { weightSpecs: { quantization?: unknown }[] }).weightSpecs.some((x) => x.quantization)) {
    throw new Error(`${id} is stored as float16 already: its float32 weights are gone; train it again`);
  }
  const r = parseModelFile(saved);
  if (!r.ok) throw new Error(r.message);
  const m = r.model;
  const s = new TrainingSession(p.config, dataFor(p.config.dataset));
  await restoreSession(s, { weights: m.weights, progress: m.file.progress });
  const h = m.file.history!;
  const { text, facts } = await pack(g, p, s, h, m.weights);
  s.dispose();
  // Its training facts are kept; what describes the file is new.
  const kept = Object.fromEntries(Object.entries(old).filter(([k]) => !['file', 'bytes', 'sha256', 'testNelbo'].includes(k)));
  write(p, text, { step: m.file.progress.step, epochs: m.file.progress.epoch, presetEpochs: p.config.epochs, ...kept, ...facts });
}

describe.runIf(process.env.VAE_TRAIN_STARTS === '1')('shipped starting points', () => {
  it('trains each and writes the files and the manifest', async () => {
    await useTestBackend();
    mkdirSync(OUT, { recursive: true });
    const only = process.env.VAE_STARTS?.split(',');
    const unknown = only?.filter((id) => !SHIP.some((s) => s.preset === id));
    if (unknown?.length) throw new Error(`VAE_STARTS: ${unknown.join(', ')} not in SHIP`);
    for (const ship of SHIP.filter((s) => !only || only.includes(s.preset))) {
      if (process.env.VAE_STARTS_REPACK === '1') await repack(ship.preset);
      else await train(ship.preset, ship.epochs);
    }
  }, 4 * 3_600_000);
});

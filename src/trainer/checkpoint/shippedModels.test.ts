import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_GROUPS } from '../../config/presets';
import { parseModelFile } from './modelFile';
import { fetchStartingPoint, loadStartingPoints, type StartingPoint } from '../../data/startingPoints';
import { testTerms } from '../bench/testTerms';
import { TrainingSession } from '../session';
import * as tf from '../tf';
import { mnistSubset } from '../testing/mnistSubset';
import { useTestBackend } from '../testing/tfSetup';
import { restoreSession } from './snapshot';

const dir = new URL('../../../public/models/', import.meta.url);
type Shipped = StartingPoint & { storage: 'float16' | 'float32'; testNelboFloat32: number; testNelboFloat16: number | null };
const shipped = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { models: Shipped[] };
const serve: typeof fetch = async (u) => new Response(readFileSync(new URL(String(u).replace(/^.*\/models\//, ''), dir)));
(globalThis as { location?: { href: string } }).location ??= { href: 'https://playground.example/' };

describe('shipped starting points', () => {
  it('each listed file is there, matches its sha256 and size, and is a model of its preset at its step and test nELBO', async () => {
    expect(shipped.models.length).toBeGreaterThan(0);
    const presets = new Map(PRESET_GROUPS.flatMap((g) => g.presets.map((p) => [p.id, p])));
    const listed = await loadStartingPoints(serve);
    for (const m of shipped.models) {
      expect(listed.get(m.preset)).toEqual(m);
      const bytes = readFileSync(new URL(m.file, dir));
      expect(bytes.length).toBe(m.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(m.sha256);
      const r = parseModelFile(bytes.toString('utf8'));
      if (!r.ok) throw new Error(r.message);
      expect(r.model.file.config).toEqual(presets.get(m.preset)!.config);
      expect(r.model.file.progress.step).toBe(m.step);
      expect(r.model.file.history!.test.nelbo.at(-1)!.toFixed(3)).toBe(m.testNelbo.toFixed(3));
      expect((await fetchStartingPoint(m, serve)).text).toBe(bytes.toString('utf8'));
    }
  });

  it('are float16 only where that moved the test nELBO by less than 0.1, as each file stores them, and a few MB in all', () => {
    for (const m of shipped.models) {
      const specs = (JSON.parse(readFileSync(new URL(m.file, dir), 'utf8')) as { weightSpecs: { quantization?: { dtype: string } }[] }).weightSpecs;
      expect(specs.map((s) => s.quantization?.dtype ?? 'float32'), m.preset).toEqual(specs.map(() => m.storage));
      if (m.storage === 'float16') expect(Math.abs(m.testNelboFloat16! - m.testNelboFloat32), m.preset).toBeLessThan(0.1);
      else if (m.testNelboFloat16 !== null) expect(Math.abs(m.testNelboFloat16 - m.testNelboFloat32), m.preset).toBeGreaterThanOrEqual(0.1);
      expect(m.testNelbo, m.preset).toBe(m.storage === 'float16' ? m.testNelboFloat16 : m.testNelboFloat32);
    }
    expect(shipped.models.reduce((n, m) => n + m.bytes, 0)).toBeLessThan(8e6);
  });

  it('score their manifest test nELBO when evaluated afresh (Model A on the 10,000 MNIST test digits)', async () => {
    await useTestBackend();
    const m = shipped.models.find((x) => x.preset === 'seed001-a')!;
    const r = parseModelFile(readFileSync(new URL(m.file, dir), 'utf8'));
    if (!r.ok) throw new Error(r.message);
    const before = tf.memory().numTensors;
    const s = new TrainingSession(r.model.file.config, mnistSubset(64, 10_000));
    await restoreSession(s, { weights: r.model.weights, progress: r.model.file.progress });
    expect((await testTerms(s)).nelbo).toBeCloseTo(m.testNelbo, 3);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a file whose bytes do not match the sha256, naming it', async () => {
    const m = shipped.models[0];
    await expect(fetchStartingPoint(m, async () => new Response('{"format":"vae-playground-model"}'))).rejects.toThrow(`The trained model ${m.file} is damaged: its sha256 does not match`);
  });
});

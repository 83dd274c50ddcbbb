import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_GROUPS } from '../../config/presets';
import { parseModelFile } from './modelFile';
import { fetchStartingPoint, loadStartingPoints, type StartingPoint } from '../../data/startingPoints';

const dir = new URL('../../../public/models/', import.meta.url);
const shipped = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { models: StartingPoint[] };
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

  it('refuses a file whose bytes do not match the sha256, naming it', async () => {
    const m = shipped.models[0];
    await expect(fetchStartingPoint(m, async () => new Response('{"format":"vae-playground-model"}'))).rejects.toThrow(`The trained model ${m.file} is damaged: its sha256 does not match`);
  });
});

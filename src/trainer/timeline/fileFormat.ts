/**
 * A run's snapshots in the exported model file (`timeline`, JSON): arrays as base64, the rest as
 * is. Pure, so the round trip and every refusal are tested directly.
 */
import { isObj, show, type Obj } from '../../data/quote';
import type { ImageGridPayload, LatentPlane, LossTerms, Snapshot } from '../../protocol';
import { fromBase64, toBase64 } from '../checkpoint/base64';
import { snapshotBytes } from './budget';

type EncodedGrid = Omit<ImageGridPayload, 'pixels'> & { pixels: string };
export interface EncodedSnapshot {
  step: number;
  epoch: number;
  reason: Snapshot['reason'];
  terms: LossTerms;
  reconstructions: EncodedGrid;
  samples: EncodedGrid;
  manifold: EncodedGrid | null;
  codes: { count: number; dim: number; points: string; labels: string; plane: { axes: LatentPlane['axes']; mean: number[]; components: number[]; explained: number[] } };
}

const b64 = (a: ArrayBufferView) => toBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength).slice().buffer);
const grid = (g: ImageGridPayload): EncodedGrid => ({ ...g, pixels: b64(g.pixels) });

export function encodeSnapshots(snaps: readonly Snapshot[]): EncodedSnapshot[] {
  return snaps.map((s) => ({
    step: s.step,
    epoch: s.epoch,
    reason: s.reason,
    terms: s.terms,
    reconstructions: grid(s.reconstructions),
    samples: grid(s.samples),
    manifold: s.manifold && grid(s.manifold),
    codes: {
      count: s.codes.count,
      dim: s.codes.dim,
      points: b64(s.codes.points),
      labels: b64(s.codes.labels),
      plane: { axes: s.codes.plane.axes, mean: [...s.codes.plane.mean], components: [...s.codes.plane.components], explained: [...s.codes.plane.explained] },
    },
  }));
}

class Refused extends Error {}
const whole = (v: unknown, field: string, min = 0): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new Refused(`"${field}" must be a whole number ≥ ${min} (got ${show(v)})`);
  return v;
};
const bytesOf = (v: unknown, field: string, length: number): ArrayBuffer => {
  const b = typeof v === 'string' ? fromBase64(v) : null;
  if (!b) throw new Refused(`"${field}" is not base64`);
  if (b.byteLength !== length) throw new Refused(`"${field}" holds ${b.byteLength} bytes where ${length} were expected`);
  return b;
};
const numbers = (v: unknown, field: string, length: number): Float32Array => {
  if (!Array.isArray(v) || v.length !== length || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new Refused(`"${field}" must list ${length} finite numbers`);
  return Float32Array.from(v as number[]);
};
const obj = (v: unknown, field: string): Obj => {
  if (!isObj(v)) throw new Refused(`"${field}" is missing`);
  return v;
};

function decodeGrid(v: unknown, field: string): ImageGridPayload {
  const g = obj(v, field);
  const count = whole(g.count, `${field}.count`, 1);
  const width = whole(g.width, `${field}.width`, 1);
  const height = whole(g.height, `${field}.height`, 1);
  if (g.channels !== 1 && g.channels !== 3) throw new Refused(`"${field}.channels" must be 1 or 3`);
  const pixels = new Uint8ClampedArray(bytesOf(g.pixels, `${field}.pixels`, count * width * height * g.channels));
  return { count, cols: whole(g.cols, `${field}.cols`, 1), width, height, channels: g.channels, pixels };
}

function decodeOne(v: unknown, runId: string): Snapshot {
  const s = obj(v, 'snapshot');
  const t = obj(s.terms, 'terms');
  const terms = { nelbo: Number(t.nelbo), recon: Number(t.recon), kl: Number(t.kl), ...(typeof t.loss === 'number' ? { loss: t.loss } : {}) };
  if (![terms.nelbo, terms.recon, terms.kl].every(Number.isFinite)) throw new Refused('"terms" must hold finite nelbo, recon and kl');
  const reason = s.reason;
  if (reason !== 'schedule' && reason !== 'epoch') throw new Refused('"reason" must be "schedule" or "epoch"');
  const c = obj(s.codes, 'codes');
  const count = whole(c.count, 'codes.count');
  const dim = whole(c.dim, 'codes.dim', 1);
  const p = obj(c.plane, 'codes.plane');
  if (p.axes !== 'latent' && p.axes !== 'pca') throw new Refused('"codes.plane.axes" must be "latent" or "pca"');
  const plane: LatentPlane = { axes: p.axes, mean: numbers(p.mean, 'codes.plane.mean', dim), components: numbers(p.components, 'codes.plane.components', 2 * dim), explained: numbers(p.explained, 'codes.plane.explained', 2) };
  const codes = { count, dim, plane, points: new Float32Array(bytesOf(c.points, 'codes.points', 8 * count)), labels: new Uint8Array(bytesOf(c.labels, 'codes.labels', count)) };
  const snap: Omit<Snapshot, 'bytes'> = {
    runId,
    step: whole(s.step, 'step'),
    epoch: whole(s.epoch, 'epoch'),
    reason,
    terms,
    reconstructions: decodeGrid(s.reconstructions, 'reconstructions'),
    samples: decodeGrid(s.samples, 'samples'),
    manifold: s.manifold === null || s.manifold === undefined ? null : decodeGrid(s.manifold, 'manifold'),
    codes,
  };
  return { ...snap, bytes: snapshotBytes(snap) };
}

/** The file's snapshots for run `runId`, ascending by step; or the message naming the damaged one and its field. */
export function decodeSnapshots(raw: unknown, runId: string): { ok: true; snapshots: Snapshot[] } | { ok: false; message: string } {
  if (!Array.isArray(raw)) return { ok: false, message: 'The model file\'s "timeline" must be a list of snapshots.' };
  const out: Snapshot[] = [];
  for (const [i, v] of raw.entries()) {
    try {
      out.push(decodeOne(v, runId));
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      return { ok: false, message: `Snapshot ${i + 1} of the model file's "timeline" is damaged: ${err.message}. Export the run again, or remove "timeline" to load the model without it.` };
    }
  }
  out.sort((a, b) => a.step - b.step);
  return { ok: true, snapshots: out.filter((s, i) => i === 0 || s.step !== out[i - 1].step) };
}

/** Hostile and broken inputs for the bad-input table, made in code so the test ships no binary files. */
import { deflateSync } from 'node:zlib';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../config/experiment';
import { MANIFEST_FORMAT } from '../../data/manifest';
import { makeZip } from '../../data/testing/makeZip';
import { crc32 } from '../../data/upload/zip';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const concat = (parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function ihdr(w: number, h: number): Uint8Array {
  const b = new Uint8Array(13);
  new DataView(b.buffer).setUint32(0, w);
  new DataView(b.buffer).setUint32(4, h);
  b.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return chunk('IHDR', b);
}

/** A real greyscale PNG of w×h noise (noise so its IDAT is large enough to cut in half). */
export function png(w = 16, h = 16): Uint8Array<ArrayBuffer> {
  const rows = new Uint8Array(h * (w + 1));
  for (let i = 0; i < rows.length; i++) rows[i] = i % (w + 1) === 0 ? 0 : (i * 2654435761) >>> 24;
  return concat([SIGNATURE, ihdr(w, h), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array(0))]);
}

/** A PNG cut off in the middle of its image data, as an interrupted download leaves it. */
export function truncatedPng(): Uint8Array<ArrayBuffer> {
  const full = png(32, 32);
  return full.slice(0, 33 + Math.floor((full.length - 33) / 2));
}

/** The start of a baseline JPEG (SOI, JFIF, a 16×16 frame header, scan data) cut before its end marker. */
export function truncatedJpeg(): Uint8Array<ArrayBuffer> {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0, 11, 8, 0, 16, 0, 16, 1, 1, 0x11, 0];
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof0, ...sos, ...Array.from({ length: 200 }, (_, i) => (i * 37) & 0x7f)]);
}

/** A few hundred bytes whose header claims 20,000 × 20,000 pixels (1.6 GB decoded). */
export function hugeHeaderPng(): Uint8Array<ArrayBuffer> {
  return concat([SIGNATURE, ihdr(20000, 20000), chunk('IDAT', deflateSync(new Uint8Array(64))), chunk('IEND', new Uint8Array(0))]);
}

/** One entry that declares 4 GB unpacked: refused from the directory alone. */
export function declaredBombZip(): Uint8Array<ArrayBuffer> {
  return makeZip([{ path: 'big.png', data: png(), forge: { size: 0xfffffff0 } }]);
}

/** A real bomb: 16 MB of zeros that deflate to a few KB (ratio ~1000). */
export function ratioBombZip(): Uint8Array<ArrayBuffer> {
  return makeZip([{ path: 'zeros.png', data: new Uint8Array(16 * 1024 * 1024), deflate: true }]);
}

/** Counts DecompressionStreams made while `run` runs: proof that nothing was inflated. */
export async function countInflates<T>(run: () => Promise<T>): Promise<{ value: T; inflates: number }> {
  const Real = globalThis.DecompressionStream;
  let inflates = 0;
  globalThis.DecompressionStream = class extends Real {
    constructor(format: CompressionFormat) {
      super(format);
      inflates++;
    }
  };
  try {
    return { value: await run(), inflates };
  } finally {
    globalThis.DecompressionStream = Real;
  }
}

const hex = (c: string) => c.repeat(64);

/** A valid one-dataset manifest (MNIST-sized), for `edit` to break one field of. */
export function manifest(edit: (d: Record<string, unknown> & { splits: Record<string, Record<string, unknown>> }) => void = () => {}): Record<string, unknown> {
  const file = (name: string, rawBytes: number) => ({ file: `mnist/${name}.u8gz`, bytes: 1000, rawBytes, sha256: hex('a') });
  const split = (count: number, name: string) => ({ count, images: file(`${name}-images`, count * 784), labels: file(`${name}-labels`, count) });
  const d = {
    id: 'mnist',
    name: 'MNIST',
    shape: [28, 28, 1],
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    license: 'CC BY-SA 3.0',
    attribution: 'LeCun and Cortes',
    source: 'test',
    splits: { train: split(60000, 'train'), test: split(10000, 'test') },
  };
  edit(d);
  return { format: MANIFEST_FORMAT, datasets: [d] };
}

/** The small model the model-file rows export and then break. */
export const MODEL_CONFIG: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [32], latentDim: 4, batchSize: 25, seed: 9 };

/** A model file with one field changed: a JSON round-trip, as a person editing the file would do. */
export function editModel(text: string, edit: (o: Record<string, unknown>) => void): string {
  const o = JSON.parse(text) as Record<string, unknown>;
  edit(o);
  return JSON.stringify(o);
}

/** A model file with one float of its weights replaced (NaN, Infinity…), the JSON otherwise as saved. */
export function poisonWeights(text: string, index: number, value: number): string {
  return editModel(text, (o) => {
    const bytes = Buffer.from(o.weightData as string, 'base64');
    const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    floats[index] = value;
    o.weightData = bytes.toString('base64');
  });
}

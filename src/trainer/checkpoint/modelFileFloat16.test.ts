import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import { DEFAULT_CONFIG } from '../../config/experiment';
import { fromBase64, toBase64 } from './base64';
import { decodeFloat16, encodeFloat16 } from './float16';
import { buildModelFile, parseModelFile } from './modelFile';
import { useTestBackend } from '../testing/tfSetup';

// Config hidden [400] → the file's first two tensors; odd sizes put the float32 reading off a 4-byte boundary.
const values = Float32Array.of(1, -2, 1 / 3, 2 ** -20, 65504, 0.1, 1e-9, 7);
const weights = {
  specs: [
    { name: 'w0', shape: [5], dtype: 'float32' as const },
    { name: 'w1', shape: [3], dtype: 'float32' as const },
  ],
  data: values.buffer,
};
const parts = { name: 'half', config: DEFAULT_CONFIG, dataset: { id: 'mnist', shape: [28, 28, 1] as [number, number, number] }, progress: { step: 7, epoch: 1 } };
const half = buildModelFile(parts, weights, 'float16');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests forge any field of the JSON
const edit = (text: string, f: (o: Record<string, any>) => void) => {
  const o = JSON.parse(text);
  f(o);
  return JSON.stringify(o);
};
const read = (text: string) => {
  const r = parseModelFile(text);
  if (!r.ok) throw new Error(r.message);
  return r.model;
};

describe('model files with float16 weights (version 3)', () => {
  beforeAll(useTestBackend);

  it('store two bytes a value, marked as tf.io marks float16, and read back as the rounded float32 values', () => {
    const o = JSON.parse(half);
    expect(o.version).toBe(3);
    expect(o.weightSpecs.map((s: { quantization?: unknown }) => s.quantization)).toEqual([{ dtype: 'float16' }, { dtype: 'float16' }]);
    expect(fromBase64(o.weightData)!.byteLength).toBe(2 * values.length);
    const m = read(half);
    expect(Array.from(new Float32Array(m.weights.data))).toEqual(Array.from(decodeFloat16(encodeFloat16(values))));
    // As read, the specs describe float32 values (what restoreSession and the exporters take).
    expect(m.weights.specs.every((s) => s.dtype === 'float32' && !('quantization' in s))).toBe(true);
    expect(new Float32Array(m.weights.data)[4]).toBe(65504);
    expect(new Float32Array(m.weights.data)[2]).toBe(0.333251953125);
  });

  it('decode as TensorFlow.js decodes the same bytes and specs (an independent float16 reader)', () => {
    const o = JSON.parse(half);
    const mine = new Float32Array(read(half).weights.data);
    const theirs = tf.io.decodeWeights(fromBase64(o.weightData)!, o.weightSpecs);
    const flat = [...Object.values(theirs).flatMap((t) => Array.from(t.dataSync()))];
    tf.dispose(Object.values(theirs));
    expect(flat).toEqual(Array.from(mine));
  });

  it('mix float16 and float32 tensors, a float32 one after an odd count of float16 values', () => {
    const mixed = edit(buildModelFile(parts, weights), (o) => {
      o.weightSpecs[0].quantization = { dtype: 'float16' };
      const bytes = new Uint8Array(2 * 5 + 4 * 3);
      bytes.set(encodeFloat16(values.subarray(0, 5)), 0);
      bytes.set(new Uint8Array(values.slice(5).buffer), 10);
      o.weightData = toBase64(bytes.buffer);
    });
    const got = new Float32Array(read(mixed).weights.data);
    expect(Array.from(got.subarray(5))).toEqual(Array.from(values.subarray(5)));
    expect(Array.from(got.subarray(0, 5))).toEqual(Array.from(decodeFloat16(encodeFloat16(values.subarray(0, 5)))));
  });

  it('keep reading version-2 float32 files, and refuse float16 marks a version-2 reader would misread', () => {
    const v2 = edit(buildModelFile(parts, weights), (o) => (o.version = 2));
    expect(Array.from(new Float32Array(read(v2).weights.data))).toEqual(Array.from(values));
    const bad = parseModelFile(edit(half, (o) => (o.version = 2)));
    expect(bad.ok ? '' : bad.message).toMatch(/Weight 1 of this model file has a "quantization" this page does not read/);
    const uint8 = parseModelFile(edit(half, (o) => (o.weightSpecs[1].quantization = { dtype: 'uint8', scale: 1, min: 0 })));
    expect(uint8.ok ? '' : uint8.message).toMatch(/^Weight 2 of this model file has a "quantization"/);
  });

  it('refuse cut-short float16 weights by their byte count, and infinite ones by name', () => {
    const cut = parseModelFile(edit(half, (o) => (o.weightData = toBase64(fromBase64(o.weightData)!.slice(0, 12)))));
    expect(cut.ok ? '' : cut.message).toMatch(/truncated: its weights hold 12 bytes, but its manifest lists 16/);
    const inf = parseModelFile(
      edit(half, (o) => {
        const b = new Uint8Array(fromBase64(o.weightData)!);
        [b[12], b[13]] = [0x00, 0x7c];
        o.weightData = toBase64(b.buffer);
      }),
    );
    expect(inf.ok ? '' : inf.message).toMatch(/^Weight 2 \("encoder\/dense_0\/bias", shape \[3\]\) holds Infinity at value 2 of 3/);
  });

  it('refuse to write a weight float16 cannot hold', () => {
    expect(() => buildModelFile(parts, { ...weights, data: Float32Array.of(1, 2, 3, 4, 1e5, 6, 7, 8).buffer }, 'float16')).toThrow(/value 5: 100000 is beyond float16/);
  });
});

/** A model file's tensors by name, as plain arrays: what the exporters read. */
import type { LoadedModel } from '../checkpoint/modelFile';

export interface NamedTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

export function namedTensors(m: LoadedModel): Map<string, NamedTensor> {
  const all = new Float32Array(m.weights.data);
  const out = new Map<string, NamedTensor>();
  let at = 0;
  for (const s of m.file.weightSpecs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    out.set(s.name, { name: s.name, shape: [...s.shape], values: all.subarray(at, at + n) });
    at += n;
  }
  return out;
}

/** The tensor of that name; a model file that parsed has every name its config gives. */
export function tensor(t: Map<string, NamedTensor>, name: string): NamedTensor {
  const got = t.get(name);
  if (!got) throw new Error(`The model has no tensor named "${name}".`);
  return got;
}

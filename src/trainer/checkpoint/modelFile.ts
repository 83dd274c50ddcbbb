/**
 * A trained model as one JSON file: config, dataset reference and weights in TensorFlow.js's
 * weights format (a `weightSpecs` manifest, as in tf.io.ModelArtifacts, and the tensors'
 * concatenated buffer as base64), plus the run's curves. Pure: no tensors, so it is tested directly.
 */
import type { ExperimentConfig } from '../../config/experiment';
import { validateConfig } from '../../config/validate';
import type { RunHistory, Snapshot } from '../../protocol';
import { decodeSnapshots, type EncodedSnapshot } from '../timeline/fileFormat';
import { fromBase64, toBase64 } from './base64';
import { decodeFloat16, encodeFloat16 } from './float16';
import type { TensorBlob } from './snapshot';
import { weightNames } from './weightNames';

export const MODEL_FORMAT = 'vae-playground-model';
/**
 * Bumped when a file's layout changes in a way an older reader would misread. Version 2 names
 * each tensor for its layer (weightNames.ts); version 1 named them w0, w1, … Version 3 lets a
 * tensor be stored as float16 (its spec says so as tf.io does: `quantization: {dtype: 'float16'}`,
 * two bytes a value); a version-2 reader would have misread those bytes. Versions 1 and 2 are read.
 */
export const MODEL_FILE_VERSION = 3;

type Shape = [number, number, number];
interface WeightSpec {
  name: string;
  shape: number[];
  /** The values' type once read; `quantization` says how they are stored, when not as float32. */
  dtype: 'float32';
  quantization?: { dtype: 'float16' };
}
export type WeightStorage = 'float32' | 'float16';

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  name: string;
  savedAt: string;
  generatedBy: string;
  config: ExperimentConfig;
  dataset: { id: string; shape: Shape };
  progress: { step: number; epoch: number };
  weightSpecs: WeightSpec[];
  /** Base64 of every tensor in weightSpecs, one after another, each as its spec says (float32 or float16, little-endian). */
  weightData: string;
  history?: RunHistory;
  /** The run's training timeline (trainer/timeline/fileFormat.ts); read into LoadedModel.snapshots. */
  timeline?: EncodedSnapshot[];
}

export interface LoadedModel {
  file: ModelFile;
  weights: TensorBlob;
  /** The file's timeline, ascending by step, its run id still empty; absent when the file has none. */
  snapshots?: Snapshot[];
}

/** Why a file was refused; each reason has its own message. */
export type RefusalReason = 'not-json' | 'truncated' | 'newer-version' | 'not-a-model' | 'invalid' | 'input-shape';
export type ModelCheck = { ok: true; model: LoadedModel } | { ok: false; reason: RefusalReason; message: string };

/**
 * The file's text. `storage: 'float16'` halves the weights (rounded to nearest); it throws when a
 * weight is beyond float16's range, and is for models whose test nELBO it barely moves (measured
 * per shipped model by `npm run models:train`).
 */
export function buildModelFile(
  parts: Omit<ModelFile, 'format' | 'version' | 'weightSpecs' | 'weightData' | 'savedAt' | 'generatedBy'>,
  weights: TensorBlob,
  storage: WeightStorage = 'float32',
): string {
  const specs = named(parts.config, parts.dataset.shape, weights.specs);
  const half = storage === 'float16';
  const file: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_FILE_VERSION,
    savedAt: new Date().toISOString(),
    generatedBy: 'VAE Playground (TensorFlow.js 4.22)',
    ...parts,
    weightSpecs: half ? specs.map((s) => ({ ...s, quantization: { dtype: 'float16' } })) : specs,
    weightData: toBase64(half ? encodeFloat16(new Float32Array(weights.data)).buffer : weights.data),
  };
  return JSON.stringify(file);
}

/** The specs under the names this config gives its tensors (the order is the trainer's). */
function named(config: ExperimentConfig, shape: Shape, specs: readonly { shape: readonly number[] }[]): WeightSpec[] {
  const names = weightNames(config, shape, specs.length);
  return specs.map((s, i) => ({ name: names[i], shape: [...s.shape], dtype: 'float32' }));
}

const refuse = (reason: RefusalReason, message: string): ModelCheck => ({ ok: false, reason, message });
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDims = (v: unknown, n?: number): v is number[] =>
  Array.isArray(v) && (n === undefined || v.length === n) && v.every((d) => Number.isInteger(d) && d >= 1);
export const shapeText = (s: readonly number[]) => s.join('×');

/** Parses and checks a model file; the message says what is wrong and what to do. */
export function parseModelFile(text: string): ModelCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const t = text.trim();
    // JSON that starts like an object but breaks off before its closing brace was cut short.
    if (t.startsWith('{') && !t.endsWith('}')) return refuse('truncated', 'This model file is truncated: it ends before its JSON does. Download or copy it again.');
    return refuse('not-json', 'This is not a model file: it is not JSON. Choose a .json file saved with “Export model”.');
  }
  if (!isObj(raw) || raw.format !== MODEL_FORMAT) {
    return refuse('not-a-model', `This JSON file is not a VAE Playground model (its "format" is not "${MODEL_FORMAT}").`);
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse('invalid', 'This model file has no valid "version" field.');
  if (version > MODEL_FILE_VERSION) {
    return refuse('newer-version', `This model file was saved by a newer version of VAE Playground (file version ${version}; this page reads version ${MODEL_FILE_VERSION}). Reload the page to update it, then try again.`);
  }
  const v = validateConfig(raw.config);
  if (!v.ok) return refuse('invalid', `The model file's config is not valid: ${v.errors[0].message}`);
  const ds = raw.dataset;
  if (!isObj(ds) || typeof ds.id !== 'string' || !isDims(ds.shape, 3)) return refuse('invalid', 'The model file does not say which dataset (id and [height, width, channels]) it was trained on.');
  const specs = raw.weightSpecs;
  if (!Array.isArray(specs) || !specs.every((s) => isObj(s) && typeof s.name === 'string' && isDims(s.shape) && s.dtype === 'float32')) {
    return refuse('invalid', 'The model file\'s "weightSpecs" must list float32 tensors by name and shape.');
  }
  const badStorage = specs.findIndex((s) => s.quantization !== undefined && !(version >= 3 && isObj(s.quantization) && s.quantization.dtype === 'float16' && Object.keys(s.quantization).length === 1));
  if (badStorage >= 0) {
    return refuse('invalid', `Weight ${badStorage + 1} of this model file has a "quantization" this page does not read: only {"dtype": "float16"}, in file version 3 or later.`);
  }
  if (version >= 2) {
    const mismatch = misnamed(v.config, ds.shape as Shape, specs as WeightSpec[]);
    if (mismatch) return refuse('invalid', mismatch);
  }
  const stored = typeof raw.weightData === 'string' ? fromBase64(raw.weightData) : null;
  if (!stored) return refuse('invalid', 'The model file\'s "weightData" is not base64.');
  const need = (specs as WeightSpec[]).reduce((n, s) => n + bytesPer(s) * s.shape.reduce((a, b) => a * b, 1), 0);
  if (stored.byteLength < need) {
    return refuse('truncated', `This model file is truncated: its weights hold ${stored.byteLength.toLocaleString('en')} bytes, but its manifest lists ${need.toLocaleString('en')}. Download it again.`);
  }
  if (stored.byteLength > need) return refuse('invalid', `The model file's weights hold ${stored.byteLength - need} bytes more than its manifest lists.`);
  const data = asFloat32(specs as WeightSpec[], stored);
  const nonFinite = firstNonFinite(specs as WeightSpec[], data);
  if (nonFinite) return refuse('invalid', nonFinite);
  const timeline = raw.timeline === undefined ? null : decodeSnapshots(raw.timeline, '');
  if (timeline && !timeline.ok) return refuse('invalid', timeline.message);
  const progress = isObj(raw.progress) ? raw.progress : {};
  const file: ModelFile = {
    format: MODEL_FORMAT,
    version,
    name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : 'Imported model',
    // Only strings: String() of an array nested thousands deep overflows the stack.
    savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : '',
    generatedBy: typeof raw.generatedBy === 'string' ? raw.generatedBy : '',
    config: v.config,
    dataset: { id: ds.id, shape: ds.shape as Shape },
    progress: { step: count(progress.step), epoch: count(progress.epoch) },
    // A version-1 file's w0, w1, … take the names its config gives them: the order is the same.
    // The specs describe the weights as read (float32); weightData stays as the file stored it.
    weightSpecs: version >= 2 ? (specs as WeightSpec[]).map((s) => ({ name: s.name, shape: s.shape, dtype: 'float32' })) : named(v.config, ds.shape as Shape, specs as WeightSpec[]),
    weightData: raw.weightData as string,
    ...(isHistory(raw.history) ? { history: raw.history } : {}),
  };
  return { ok: true, model: { file, weights: { specs: file.weightSpecs, data }, ...(timeline ? { snapshots: timeline.snapshots } : {}) } };
}

/** The refusal for a model made for images of another shape than the dataset it would run on, or null. */
export function checkInputShape(dataset: { id: string; shape: readonly number[] }, shape: readonly number[]): (ModelCheck & { ok: false }) | null {
  const want = dataset.shape;
  if (want.length === shape.length && want.every((d, i) => d === shape[i])) return null;
  return {
    ok: false,
    reason: 'input-shape',
    message: `This model takes ${shapeText(want)} images, but dataset "${dataset.id}" here has ${shapeText(shape)} images: the input shape differs, so it cannot be loaded.`,
  };
}

const bytesPer = (s: WeightSpec) => (s.quantization ? 2 : 4);

/** Every tensor as float32, one after another: the stored bytes, float16 ones widened. */
function asFloat32(specs: WeightSpec[], stored: ArrayBuffer): ArrayBuffer {
  if (specs.every((s) => !s.quantization)) return stored;
  const out = new Float32Array(specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0));
  let from = 0;
  let at = 0;
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const bytes = new Uint8Array(stored, from, n * bytesPer(s));
    // A float32 tensor after an odd number of float16 values sits off a 4-byte boundary: copied.
    out.set(s.quantization ? decodeFloat16(bytes) : new Float32Array(bytes.slice().buffer), at);
    from += bytes.byteLength;
    at += n;
  }
  return out.buffer;
}

/** Why a version-2 file's tensor names do not fit its config (a tensor missing, extra or reordered), or null. */
function misnamed(config: ExperimentConfig, shape: Shape, specs: WeightSpec[]): string | null {
  const want = weightNames(config, shape, specs.length);
  const i = specs.findIndex((s, j) => s.name !== want[j]);
  if (i < 0) return null;
  return `Weight ${i + 1} of this model file is named "${specs[i].name}", but its config's weight ${i + 1} is "${want[i]}": the file's weights do not match its config. Export the model again.`;
}

/**
 * A weight that is NaN or ±Infinity would make every loss NaN, and "last good weights kept" would
 * keep these: such a file is refused at the door, naming the tensor.
 */
function firstNonFinite(specs: WeightSpec[], data: ArrayBuffer): string | null {
  const values = new Float32Array(data);
  let at = 0;
  for (const [i, s] of specs.entries()) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    for (let j = 0; j < n; j++) {
      const x = values[at + j];
      if (Number.isFinite(x)) continue;
      const what = Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
      return `Weight ${i + 1} ("${s.name}", shape [${s.shape.join(', ')}]) holds ${what} at value ${(j + 1).toLocaleString('en')} of ${n.toLocaleString('en')}: this model file is damaged and cannot be trained or used. Export the model again from a run that trained without errors.`;
    }
    at += n;
  }
  return null;
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

function isHistory(h: unknown): h is RunHistory {
  const cols = (c: unknown, keys: string[]) => isObj(c) && keys.every((k) => Array.isArray(c[k]) && (c[k] as unknown[]).every((x) => typeof x === 'number'));
  return isObj(h) && cols(h.train, ['step', 'nelbo', 'recon', 'kl', 'loss']) && cols(h.test, ['step', 'epoch', 'nelbo', 'recon', 'kl', 'loss']) && Array.isArray(h.notes);
}

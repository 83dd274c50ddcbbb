import { DEFAULT_CONFIG, type ExperimentConfig } from './experiment';

export interface FieldError {
  field: string;
  message: string;
}

export type Validation =
  | { ok: true; config: ExperimentConfig }
  | { ok: false; errors: FieldError[] };

/** Human names, so a message says "Latent dimension", not "latentDim". */
export const FIELD_LABELS: Record<keyof ExperimentConfig, string> = {
  dataset: 'Dataset',
  hidden: 'Hidden widths',
  latentDim: 'Latent dimension',
  batchSize: 'Batch size',
  learningRate: 'Learning rate',
  epochs: 'Epochs',
  seed: 'Seed',
};

const MAX_WIDTH = 4096;
const MAX_LAYERS = 6;

function intIn(field: keyof ExperimentConfig, v: unknown, lo: number, hi: number): FieldError | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || !Number.isInteger(v) || v < lo || v > hi) {
    return { field, message: `${FIELD_LABELS[field]} must be a whole number from ${lo} to ${hi} (got ${show(v)}).` };
  }
  return null;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  return String(v);
}

/**
 * Checks every field of a candidate config and rejects unknown keys.
 * Fields missing from `input` are taken from `base`, so a partial update can be validated.
 */
export function validateConfig(input: unknown, base: ExperimentConfig = DEFAULT_CONFIG): Validation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'config', message: 'The config must be an object of named fields.' }] };
  }
  const errors: FieldError[] = [];
  const known = new Set(Object.keys(DEFAULT_CONFIG));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ field: key, message: `Unknown field "${key}".` });
  }
  const c = { ...base, ...(input as Partial<ExperimentConfig>) };

  if (typeof c.dataset !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(c.dataset)) {
    errors.push({ field: 'dataset', message: `Dataset must be a dataset id such as "mnist" (got ${show(c.dataset)}).` });
  }
  if (!Array.isArray(c.hidden) || c.hidden.length > MAX_LAYERS) {
    errors.push({ field: 'hidden', message: `Hidden widths must be a list of at most ${MAX_LAYERS} layer widths, e.g. "400" or "60, 32".` });
  } else {
    const bad = c.hidden.find((w) => typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > MAX_WIDTH);
    if (bad !== undefined) {
      errors.push({ field: 'hidden', message: `Hidden widths must be whole numbers from 1 to ${MAX_WIDTH} (got ${show(bad)}).` });
    }
  }
  for (const e of [
    intIn('latentDim', c.latentDim, 2, 128),
    intIn('batchSize', c.batchSize, 1, 4096),
    intIn('epochs', c.epochs, 1, 1000),
    intIn('seed', c.seed, 0, 2 ** 31 - 1),
  ]) {
    if (e) errors.push(e);
  }
  if (typeof c.learningRate !== 'number' || !Number.isFinite(c.learningRate) || c.learningRate <= 0 || c.learningRate > 10) {
    errors.push({
      field: 'learningRate',
      message: `${FIELD_LABELS.learningRate} must be a number above 0 and at most 10 (got ${show(c.learningRate)}).`,
    });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, config: { ...c, hidden: [...c.hidden] } };
}

/** Parses "60, 32" into [60, 32]; "" is no hidden layer. Returns null when a part is not a number. */
export function parseWidths(text: string): number[] | null {
  const t = text.trim();
  if (t === '' || t === '[]') return [];
  const parts = t.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
  const nums = parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  return nums.some((n) => Number.isNaN(n)) ? null : nums;
}

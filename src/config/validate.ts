import { DEFAULT_CONFIG, type ExperimentConfig } from './experiment';
import { FIELDS, FIELD_LABELS, type FieldSpec } from './fields';
import { formatBytes, MEMORY_BUDGET_BYTES, memoryText, trainingMemory } from './memory';
import { shapesProblem } from '../data/shapes';

export { FIELD_LABELS };

export interface FieldError {
  field: string;
  message: string;
}

export type Validation = { ok: true; config: ExperimentConfig } | { ok: false; errors: FieldError[] };

/** A value as a message quotes it: short, and shallow (a file may nest thousands deep). */
function show(v: unknown, depth = 0): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (Array.isArray(v)) return depth >= 2 ? '[…]' : `[${v.slice(0, 8).map((x) => show(x, depth + 1)).join(', ')}${v.length > 8 ? ', …' : ''}]`;
  if (typeof v === 'object' && v !== null) return '{…}';
  return String(v);
}

/** The message for one field's value, or null when it is fine. */
export function checkField(spec: FieldSpec, v: unknown): string | null {
  const name = spec.label;
  switch (spec.kind) {
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= spec.min && v <= spec.max
        ? null
        : `${name} must be a whole number from ${spec.min} to ${spec.max} (got ${show(v)}).`;
    case 'number': {
      const ok = typeof v === 'number' && Number.isFinite(v) && (spec.minExclusive ? v > spec.min : v >= spec.min) && v <= spec.max;
      return ok ? null : `${name} must be a number ${spec.minExclusive ? 'above' : 'from'} ${spec.min} ${spec.minExclusive ? 'and at most' : 'to'} ${spec.max} (got ${show(v)}).`;
    }
    case 'enum':
      return spec.options.some((o) => o.value === v) ? null : `${name} must be one of ${spec.options.map((o) => o.value).join(', ')} (got ${show(v)}).`;
    case 'id': {
      if (typeof v !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(v)) return `${name} must be an id such as "mnist" (got ${show(v)}).`;
      // A procedural set names its own size: one no browser could make is refused here, not at the first Step.
      const shapes = shapesProblem(v);
      return shapes ? `${name} "${v}" cannot be made: ${shapes}.` : null;
    }
    case 'widths': {
      if (!Array.isArray(v) || v.length < spec.minLayers || v.length > spec.maxLayers) {
        return `${name} must be a list of ${spec.minLayers} to ${spec.maxLayers} widths, e.g. "400" or "60, 32" (got ${show(v)}).`;
      }
      const bad = v.find((w) => typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > spec.maxWidth);
      return bad === undefined ? null : `${name} must be whole numbers from 1 to ${spec.maxWidth} (got ${show(bad)}).`;
    }
  }
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
  for (const key of Object.keys(input)) {
    if (!Object.prototype.hasOwnProperty.call(FIELDS, key)) errors.push({ field: key, message: `Unknown field "${key}".` });
  }
  const c = { ...base, ...(input as Partial<ExperimentConfig>) };
  for (const [field, spec] of Object.entries(FIELDS) as [keyof ExperimentConfig, FieldSpec][]) {
    const message = checkField(spec, c[field]);
    if (message) errors.push({ field, message: spec.kind === 'widths' ? withMemory(message, c, field, spec.maxWidth) : message });
  }
  if (errors.length) return { ok: false, errors };
  const config = { ...c, hidden: [...c.hidden], convChannels: [...c.convChannels] };
  const tooBig = memoryProblem(config);
  return tooBig ? { ok: false, errors: [tooBig] } : { ok: true, config };
}

/** A width past the limit: say what the model would cost, so the limit is not arbitrary. */
function withMemory(message: string, c: ExperimentConfig, field: keyof ExperimentConfig, maxWidth: number): string {
  const v = c[field];
  if (!Array.isArray(v) || !v.every((w) => typeof w === 'number' && Number.isInteger(w) && w >= 1) || !v.some((w) => (w as number) > maxWidth)) return message;
  try {
    const e = trainingMemory({ ...c, architecture: field === 'hidden' ? 'mlp' : 'conv', [field]: v });
    return Number.isFinite(e.bytes) ? `${message} That model would have ${memoryText(e)}.` : message;
  } catch {
    return message;
  }
}

/** Each field in range can still multiply into a model no browser tab can hold. */
function memoryProblem(config: ExperimentConfig): FieldError | null {
  const e = trainingMemory(config);
  if (e.bytes <= MEMORY_BUDGET_BYTES) return null;
  const field = config.architecture === 'mlp' ? 'hidden' : 'convChannels';
  const also = config.likelihood === 'categorical' ? `, or fewer ${FIELDS.bins.label}` : '';
  return {
    field,
    message: `${FIELDS[field].label}: this model would have ${memoryText(e)}, more than the ${formatBytes(MEMORY_BUDGET_BYTES)} a browser tab can safely give it. Use fewer or narrower layers or a smaller ${FIELDS.batchSize.label}${also}.`,
  };
}

/** Parses "60, 32" into [60, 32]; "" is no hidden layer. Returns null when a part is not a number. */
export function parseWidths(text: string): number[] | null {
  const t = text.trim();
  if (t === '' || t === '[]') return [];
  const parts = t.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
  const nums = parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  return nums.some((n) => Number.isNaN(n)) ? null : nums;
}

/** The fields whose change needs a new model (they wait for Reset while a run exists). */
export const REBUILD_FIELDS = (Object.keys(FIELDS) as (keyof ExperimentConfig)[]).filter((f) => FIELDS[f].rebuild);

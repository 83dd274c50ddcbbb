import type { ExperimentConfig } from '../config/experiment';
import { FIELDS } from '../config/fields';
import { parseWidths } from '../config/validate';

/** Every field a person edits: all but the ids (the dataset is chosen elsewhere). */
export type ControlField = Exclude<keyof ExperimentConfig, 'dataset'>;
export const CONTROL_FIELDS = (Object.keys(FIELDS) as (keyof ExperimentConfig)[]).filter(
  (f): f is ControlField => FIELDS[f].kind !== 'id',
);

/** A config value as the text its control shows. */
export function draftOf(config: ExperimentConfig, field: ControlField): string {
  const v = config[field];
  return Array.isArray(v) ? v.join(', ') : String(v);
}

export function draftsOf(config: ExperimentConfig): Record<ControlField, string> {
  return Object.fromEntries(CONTROL_FIELDS.map((f) => [f, draftOf(config, f)])) as Record<ControlField, string>;
}

/**
 * Text to a field value, or a message naming the field when the text is not even of the right
 * type. Ranges and option lists are left to validateConfig, so there is one source of messages.
 */
export function parseField(field: ControlField, text: string): { value: unknown } | { error: string } {
  const spec = FIELDS[field];
  const label = spec.label;
  switch (spec.kind) {
    case 'enum':
    case 'id':
      return { value: text };
    case 'widths': {
      const widths = parseWidths(text);
      return widths ? { value: widths } : { error: `${label} must be whole numbers separated by commas, e.g. "400" or "60, 32" (got ${JSON.stringify(text)}).` };
    }
    case 'int':
    case 'number': {
      const t = text.trim();
      if (t === '') return { error: `${label} is required.` };
      const n = Number(t);
      return Number.isNaN(n) ? { error: `${label} must be a number (got ${JSON.stringify(text)}).` } : { value: n };
    }
  }
}

/** Whether a field's control is shown for this config (β only for β-VAE, and so on). */
export function isShown(config: ExperimentConfig, field: ControlField): boolean {
  return FIELDS[field].when?.(config) ?? true;
}

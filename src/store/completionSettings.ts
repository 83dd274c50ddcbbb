/** The completion settings as typed in their fields, and their checks. */
import type { CompletionRequest } from '../protocol';

export interface CompletionSettingsText {
  steps: string;
  learningRate: string;
  mcSamples: string;
  samples: string;
}

export type CompletionSettings = Pick<CompletionRequest, 'fill' | 'init' | 'steps' | 'learningRate' | 'mcSamples' | 'samples'>;

export const DEFAULT_TEXT: CompletionSettingsText = { steps: '300', learningRate: '0.05', mcSamples: '4', samples: '6' };

type Spec = { label: string; min: number; max: number; integer: boolean };
export const SPECS: Record<keyof CompletionSettingsText, Spec> = {
  steps: { label: 'Adam steps', min: 1, max: 20_000, integer: true },
  learningRate: { label: 'Step size (Adam)', min: 1e-4, max: 5, integer: false },
  mcSamples: { label: 'Draws of z per step', min: 1, max: 64, integer: true },
  samples: { label: 'Completions to sample', min: 0, max: 16, integer: true },
};

/** Per field: the number, or a message naming the field and its range. */
export function parseSettings(text: CompletionSettingsText): { values: Partial<Record<keyof CompletionSettingsText, number>>; errors: Partial<Record<keyof CompletionSettingsText, string>> } {
  const values: Partial<Record<keyof CompletionSettingsText, number>> = {};
  const errors: Partial<Record<keyof CompletionSettingsText, string>> = {};
  for (const key of Object.keys(SPECS) as (keyof CompletionSettingsText)[]) {
    const spec = SPECS[key];
    const raw = text[key].trim();
    const v = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(v) || v < spec.min || v > spec.max || (spec.integer && !Number.isInteger(v))) {
      errors[key] = `${spec.label} must be ${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}.`;
    } else values[key] = v;
  }
  return { values, errors };
}

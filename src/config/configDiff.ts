import type { ExperimentConfig } from './experiment';
import { FIELDS } from './fields';

export interface ConfigDifference {
  field: keyof ExperimentConfig;
  label: string;
  /** Each config's value as a person reads it ("Bernoulli", "60, 32"); "—" where the field does not apply. */
  values: [string, string];
}

const NOT_USED = '—';

/** A field's value as its control shows it: an option's label, widths joined by commas. */
export function fieldText(config: ExperimentConfig, field: keyof ExperimentConfig): string {
  const spec = FIELDS[field];
  if (spec.when && !spec.when(config)) return NOT_USED;
  const v = config[field];
  if (spec.kind === 'enum') return spec.options.find((o) => o.value === v)?.label ?? String(v);
  return Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : String(v);
}

/** The settings that tell two runs apart, in the order of the settings form (e.g. Latent dimension: 2 | 20). */
export function configDifferences(a: ExperimentConfig, b: ExperimentConfig): ConfigDifference[] {
  return (Object.keys(FIELDS) as (keyof ExperimentConfig)[]).flatMap((field) => {
    const values: [string, string] = [fieldText(a, field), fieldText(b, field)];
    return values[0] === values[1] ? [] : [{ field, label: FIELDS[field].label, values }];
  });
}

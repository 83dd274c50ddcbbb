/**
 * The experiment config in the URL hash, as TensorFlow Playground keeps its settings:
 * `#dataset=mnist&architecture=mlp&hidden=60,32&latentDim=12&…`. Driven by the FIELDS table, so
 * a new field is in links at once. Decoding never throws: a value that does not parse or
 * validate, or a key no field has, is left out and named in a note.
 */
import { DEFAULT_CONFIG, type ExperimentConfig } from './experiment';
import { FIELDS } from './fields';
import { parseWidths, validateConfig } from './validate';

type Key = keyof ExperimentConfig;
const KEYS = Object.keys(FIELDS) as Key[];

function text(v: ExperimentConfig[Key]): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}

/** The hash (without '#') for a config: every field, in FIELDS order. */
export function encodeConfig(config: ExperimentConfig): string {
  return KEYS.map((k) => `${k}=${encodeURIComponent(text(config[k]))}`).join('&');
}

/** A raw URL value as the field's type, or undefined when it is not even that. */
function parse(key: Key, raw: string): unknown {
  switch (FIELDS[key].kind) {
    case 'int':
    case 'number':
      return raw.trim() === '' ? undefined : Number(raw);
    case 'widths':
      return parseWidths(raw) ?? undefined;
    default:
      return raw;
  }
}

export interface DecodedLink {
  config: ExperimentConfig;
  /** Keys the link set (and that were used). */
  applied: Key[];
  /** One line per value left out, naming it and why. */
  notes: string[];
}

/** The config a hash describes, starting from `base` for whatever it leaves out or gets wrong. */
export function decodeConfig(hash: string, base: ExperimentConfig = DEFAULT_CONFIG): DecodedLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  let config = base;
  const applied: Key[] = [];
  const notes: string[] = [];
  for (const key of new Set(params.keys())) {
    // The last value of a repeated key wins, as in a form.
    const raw = params.getAll(key).at(-1)!;
    const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
    if (!Object.prototype.hasOwnProperty.call(FIELDS, key)) {
      notes.push(`Unknown setting "${key}" (=${shown}) was ignored.`);
      continue;
    }
    const k = key as Key;
    const value = parse(k, raw);
    const v = value === undefined ? null : validateConfig({ [k]: value }, config);
    if (v?.ok) {
      config = v.config;
      applied.push(k);
    } else {
      const why = v && !v.ok ? v.errors[0].message : `${FIELDS[k].label} could not be read from "${shown}".`;
      notes.push(`${k}=${shown} was ignored: ${why}`);
    }
  }
  return { config, applied, notes };
}

import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/experiment';
import { FIELD_LABELS, parseWidths, validateConfig } from '../config/validate';
import type { Command } from '../protocol';

/** The fields a person edits as text; `dataset` has no control yet. */
export const EDITABLE_FIELDS = ['latentDim', 'hidden', 'batchSize', 'learningRate', 'epochs', 'seed'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface ExperimentState {
  /** The last valid config: what the trainer has been told. */
  config: ExperimentConfig;
  /** What is typed in each control, valid or not. */
  drafts: Record<EditableField, string>;
  fieldErrors: Partial<Record<EditableField, string>>;
  actions: {
    /** Tells the trainer the current config once; later changes go out from setField. */
    init(): void;
    setField(field: EditableField, text: string): void;
  };
}

export interface CommandSink {
  send(cmd: Command): void;
}

export function draftOf(config: ExperimentConfig, field: EditableField): string {
  return field === 'hidden' ? config.hidden.join(', ') : String(config[field]);
}

function draftsOf(config: ExperimentConfig): Record<EditableField, string> {
  return Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, draftOf(config, f)])) as Record<EditableField, string>;
}

/** Text to a field value, or a message naming the field when the text is not even a number. */
function parseField(field: EditableField, text: string): { value: unknown } | { error: string } {
  const label = FIELD_LABELS[field];
  if (field === 'hidden') {
    const widths = parseWidths(text);
    return widths ? { value: widths } : { error: `${label} must be whole numbers separated by commas, e.g. "400" or "60, 32" (got ${JSON.stringify(text)}).` };
  }
  const t = text.trim();
  if (t === '') return { error: `${label} is required.` };
  const n = Number(t);
  return Number.isNaN(n) ? { error: `${label} must be a number (got ${JSON.stringify(text)}).` } : { value: n };
}

export function createExperimentStore(sink: CommandSink, initial: ExperimentConfig = DEFAULT_CONFIG): StoreApi<ExperimentState> {
  let sent: string | null = null;
  const push = (config: ExperimentConfig) => {
    // Typing "400" passes through "4" and "40"; an unchanged config need not go out again.
    const key = JSON.stringify(config);
    if (key === sent) return;
    sent = key;
    sink.send({ type: 'setConfig', config });
  };

  return createStore<ExperimentState>()((set, get) => ({
    config: initial,
    drafts: draftsOf(initial),
    fieldErrors: {},
    actions: {
      init: () => push(get().config),
      setField: (field, text) => {
        const { config, drafts, fieldErrors } = get();
        const parsed = parseField(field, text);
        const result = 'error' in parsed ? null : validateConfig({ [field]: parsed.value }, config);
        let error: string | undefined;
        if ('error' in parsed) error = parsed.error;
        else if (result && !result.ok) error = (result.errors.find((e) => e.field === field) ?? result.errors[0]).message;

        const nextErrors = { ...fieldErrors };
        if (error) nextErrors[field] = error;
        else delete nextErrors[field];
        const nextConfig = !error && result?.ok ? result.config : config;
        set({ drafts: { ...drafts, [field]: text }, fieldErrors: nextErrors, config: nextConfig });
        if (nextConfig !== config) push(nextConfig);
      },
    },
  }));
}

import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/experiment';
import { FIELDS } from '../config/fields';
import { validateConfig, type FieldError } from '../config/validate';
import type { Command } from '../protocol';
import { CONTROL_FIELDS, draftOf, draftsOf, isShown, parseField, type ControlField } from './fieldText';

export { CONTROL_FIELDS, draftOf, isShown, type ControlField };

export interface ExperimentState {
  /** The last valid config: what the trainer has been told. */
  config: ExperimentConfig;
  /** What is typed in each control, valid or not. */
  drafts: Record<ControlField, string>;
  fieldErrors: Partial<Record<ControlField, string>>;
  /** The config the current run's model was built from; null while no run exists (step 0). */
  runConfig: ExperimentConfig | null;
  actions: {
    /** Tells the trainer the current config once; later changes go out from setField. */
    init(): void;
    setField(field: ControlField, text: string): void;
    /** Called as the training store's step leaves or returns to 0 (a run starts, or Reset). */
    setRunActive(active: boolean): void;
    /**
     * Replaces the whole config (a preset, a link, a saved run); refused with the errors when invalid.
     * `running`: the trainer's run already uses it (a resumed or imported run), so nothing waits for Reset.
     */
    load(config: ExperimentConfig, opts?: { running?: boolean }): FieldError[];
  };
}


/** True when a field that needs a new model differs from the model in use: it waits for Reset. */
export function waitsForReset(s: Pick<ExperimentState, 'config' | 'runConfig'>, field: ControlField): boolean {
  return !!FIELDS[field].rebuild && s.runConfig !== null && draftOf(s.config, field) !== draftOf(s.runConfig, field);
}

export function createExperimentStore(sink: { send(cmd: Command): void } /* the client's TrainerPort */, initial: ExperimentConfig = DEFAULT_CONFIG): StoreApi<ExperimentState> {
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
    runConfig: null,
    actions: {
      init: () => push(get().config),
      setField: (field, text) => {
        const { config, drafts, fieldErrors } = get();
        const parsed = parseField(field, text);
        const result = 'error' in parsed ? null : validateConfig({ [field]: parsed.value }, config);
        let error: string | undefined;
        if ('error' in parsed) error = parsed.error;
        else if (result && !result.ok) error = (result.errors.find((e) => e.field === field) ?? result.errors[0]).message;

        const nextDrafts = { ...drafts, [field]: text };
        const nextErrors = { ...fieldErrors };
        if (error) nextErrors[field] = error;
        else delete nextErrors[field];
        const nextConfig = !error && result?.ok ? result.config : config;
        // A control that disappears takes its half-typed text and complaint with it.
        for (const f of CONTROL_FIELDS) {
          if (f !== field && !isShown(nextConfig, f)) {
            nextDrafts[f] = draftOf(nextConfig, f);
            delete nextErrors[f];
          }
        }
        set({ drafts: nextDrafts, fieldErrors: nextErrors, config: nextConfig });
        if (nextConfig !== config) push(nextConfig);
      },
      load: (input, opts = {}) => {
        const v = validateConfig(input);
        if (!v.ok) return v.errors;
        const running = opts.running && get().runConfig ? { runConfig: v.config } : {};
        set({ config: v.config, drafts: draftsOf(v.config), fieldErrors: {}, ...running });
        push(v.config);
        return [];
      },
      setRunActive: (active) => {
        const { runConfig, config } = get();
        if (active && !runConfig) set({ runConfig: config });
        else if (!active && runConfig) set({ runConfig: null });
      },
    },
  }));
}

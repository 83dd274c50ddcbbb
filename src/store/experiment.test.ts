import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import type { Command } from '../protocol';
import { CONTROL_FIELDS, createExperimentStore, isShown, waitsForReset } from './experiment';

function setup() {
  const sent: Command[] = [];
  const store = createExperimentStore({ send: (c) => sent.push(c) });
  return { store, sent, actions: store.getState().actions };
}

describe('experiment store', () => {
  it('starts from the defaults, with drafts as text', () => {
    const { store } = setup();
    expect(store.getState().config).toEqual(DEFAULT_CONFIG);
    expect(store.getState().drafts.hidden).toBe('400');
    expect(store.getState().drafts.learningRate).toBe('0.001');
  });

  it('sends the initial config once on init', () => {
    const { sent, actions } = setup();
    actions.init();
    actions.init();
    expect(sent).toEqual([{ type: 'setConfig', config: DEFAULT_CONFIG }]);
  });

  it('accepts a valid value, updates the config and tells the trainer', () => {
    const { store, sent, actions } = setup();
    actions.setField('latentDim', '2');
    actions.setField('hidden', '60, 32');
    const s = store.getState();
    expect(s.config.latentDim).toBe(2);
    expect(s.config.hidden).toEqual([60, 32]);
    expect(s.fieldErrors).toEqual({});
    expect(sent.at(-1)).toEqual({ type: 'setConfig', config: s.config });
  });

  it('refuses a bad value with a message naming the field and keeps the last valid config', () => {
    const { store, sent, actions } = setup();
    actions.setField('latentDim', '8');
    const before = store.getState().config;
    const n = sent.length;
    actions.setField('latentDim', '0');
    let s = store.getState();
    expect(s.config).toBe(before);
    expect(s.drafts.latentDim).toBe('0');
    expect(s.fieldErrors.latentDim).toMatch(/Latent dimension/);
    expect(sent).toHaveLength(n);

    actions.setField('learningRate', 'fast');
    s = store.getState();
    expect(s.fieldErrors.learningRate).toMatch(/Learning rate/);
    expect(s.config.learningRate).toBe(DEFAULT_CONFIG.learningRate);

    actions.setField('hidden', '400, x');
    expect(store.getState().fieldErrors.hidden).toMatch(/Hidden widths/);
    actions.setField('batchSize', '');
    expect(store.getState().fieldErrors.batchSize).toMatch(/Batch size/);
    actions.setField('epochs', '2.5');
    expect(store.getState().fieldErrors.epochs).toMatch(/Epochs/);
    expect(store.getState().config).toBe(before);
  });

  it('clears a field error once the field is valid again', () => {
    const { store, actions } = setup();
    actions.setField('seed', '-1');
    expect(store.getState().fieldErrors.seed).toMatch(/Seed/);
    actions.setField('seed', '7');
    expect(store.getState().fieldErrors.seed).toBeUndefined();
    expect(store.getState().config.seed).toBe(7);
  });

  it('does not resend an unchanged config', () => {
    const { sent, actions } = setup();
    actions.setField('epochs', '5');
    actions.setField('epochs', ' 5 ');
    expect(sent.filter((c) => c.type === 'setConfig')).toHaveLength(1);
  });

  it('has a control for every field but the dataset', () => {
    expect(CONTROL_FIELDS).not.toContain('dataset');
    expect(CONTROL_FIELDS).toHaveLength(Object.keys(DEFAULT_CONFIG).length - 1);
  });

  it('takes an enum option as is and refuses one that is not listed', () => {
    const { store, sent, actions } = setup();
    expect(store.getState().drafts.likelihood).toBe('bernoulli');
    actions.setField('likelihood', 'beta');
    expect(store.getState().config.likelihood).toBe('beta');
    expect(sent.at(-1)).toEqual({ type: 'setConfig', config: store.getState().config });
    const n = sent.length;
    actions.setField('objective', 'gan');
    const s = store.getState();
    expect(s.fieldErrors.objective).toMatch(/Objective must be one of elbo, beta-vae/);
    expect(s.config.objective).toBe('elbo');
    expect(sent).toHaveLength(n);
  });

  it('edits conv channels as widths, refusing an empty list', () => {
    const { store, actions } = setup();
    expect(store.getState().drafts.convChannels).toBe('32, 64');
    actions.setField('convChannels', '16, 32, 64');
    expect(store.getState().config.convChannels).toEqual([16, 32, 64]);
    actions.setField('convChannels', '');
    expect(store.getState().fieldErrors.convChannels).toMatch(/Conv channels/);
    expect(store.getState().config.convChannels).toEqual([16, 32, 64]);
  });

  it('shows a field only where its config uses it', () => {
    const { store, actions } = setup();
    const shown = () => CONTROL_FIELDS.filter((f) => isShown(store.getState().config, f));
    expect(shown()).not.toContain('beta');
    expect(shown()).not.toContain('convChannels');
    expect(shown()).toContain('hidden');
    actions.setField('objective', 'beta-vae');
    actions.setField('architecture', 'conv');
    expect(shown()).toContain('beta');
    expect(shown()).toContain('convChannels');
    expect(shown()).not.toContain('hidden');
  });

  it('drops the draft and error of a field that becomes hidden', () => {
    const { store, actions } = setup();
    actions.setField('objective', 'beta-vae');
    actions.setField('beta', '2');
    actions.setField('beta', '-3');
    expect(store.getState().fieldErrors.beta).toMatch(/β/);
    actions.setField('objective', 'elbo');
    const s = store.getState();
    expect(s.fieldErrors.beta).toBeUndefined();
    expect(s.drafts.beta).toBe('2');
    expect(s.config.beta).toBe(2);
  });

  it('marks a changed model field as waiting for Reset while a run exists', () => {
    const { store, actions } = setup();
    actions.setField('latentDim', '8');
    expect(waitsForReset(store.getState(), 'latentDim')).toBe(false);
    actions.setRunActive(true);
    actions.setField('latentDim', '4');
    actions.setField('batchSize', '32');
    let s = store.getState();
    expect(s.runConfig?.latentDim).toBe(8);
    expect(waitsForReset(s, 'latentDim')).toBe(true);
    // Batch size is read every step: it needs no Reset.
    expect(waitsForReset(s, 'batchSize')).toBe(false);
    actions.setField('latentDim', '8');
    expect(waitsForReset(store.getState(), 'latentDim')).toBe(false);
    actions.setField('latentDim', '4');
    actions.setRunActive(false);
    s = store.getState();
    expect(s.runConfig).toBeNull();
    expect(waitsForReset(s, 'latentDim')).toBe(false);
  });
});

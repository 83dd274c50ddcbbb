import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import type { Command } from '../protocol';
import { createExperimentStore } from './experiment';

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
});

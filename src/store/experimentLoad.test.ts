import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experiment';
import type { Command } from '../protocol';
import { createExperimentStore, waitsForReset } from './experiment';

function setup() {
  const sent: Command[] = [];
  const store = createExperimentStore({ send: (c) => sent.push(c) });
  return { store, sent, actions: store.getState().actions };
}

describe('experiment store: load a whole config', () => {
  it('replaces config, drafts and errors, and tells the trainer', () => {
    const { store, sent, actions } = setup();
    actions.setField('latentDim', 'abc');
    expect(store.getState().fieldErrors.latentDim).toBeDefined();
    const c = { ...DEFAULT_CONFIG, hidden: [60, 32], latentDim: 12, likelihood: 'beta' as const };
    expect(actions.load(c)).toEqual([]);
    const s = store.getState();
    expect(s.config).toEqual(c);
    expect(s.drafts).toMatchObject({ hidden: '60, 32', latentDim: '12', likelihood: 'beta' });
    expect(s.fieldErrors).toEqual({});
    expect(sent.at(-1)).toEqual({ type: 'setConfig', config: c });
  });

  it('refuses an invalid config, naming the field, and keeps the current one', () => {
    const { store, actions } = setup();
    const errors = actions.load({ ...DEFAULT_CONFIG, latentDim: 0 });
    expect(errors.map((e) => e.field)).toEqual(['latentDim']);
    expect(store.getState().config).toEqual(DEFAULT_CONFIG);
  });

  it('a run opened with its config waits for nothing; a config loaded over a run waits for Reset', () => {
    const { store, actions } = setup();
    actions.setRunActive(true);
    actions.load({ ...DEFAULT_CONFIG, latentDim: 5 }, { running: true });
    expect(waitsForReset(store.getState(), 'latentDim')).toBe(false);
    actions.load({ ...DEFAULT_CONFIG, latentDim: 6 });
    expect(waitsForReset(store.getState(), 'latentDim')).toBe(true);
  });
});

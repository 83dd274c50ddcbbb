import { describe, expect, it } from 'vitest';
import { SHORTCUTS, VIEW_IDS, shortcutFor, takesText } from './shortcuts';

const body = { tagName: 'BODY' };
const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) => ({ key: k, ...mods });

describe('shortcutFor', () => {
  it('maps each documented key on the page body', () => {
    expect(shortcutFor(key(' '), body)).toEqual({ kind: 'train-pause' });
    expect(shortcutFor(key('.'), body)).toEqual({ kind: 'step' });
    expect(shortcutFor(key('r'), body)).toEqual({ kind: 'reset' });
    expect(shortcutFor(key('p'), body)).toEqual({ kind: 'presenter' });
    expect(shortcutFor(key('?'), body)).toEqual({ kind: 'help' });
    expect(shortcutFor(key('1'), body)).toEqual({ kind: 'view', index: 0 });
    expect(shortcutFor(key('5'), body)).toEqual({ kind: 'view', index: 4 });
    expect(shortcutFor(key('PageDown'), body)).toEqual({ kind: 'stage', dir: 1 });
    expect(shortcutFor(key('PageUp'), body)).toEqual({ kind: 'stage', dir: -1 });
  });

  it('has no action for digits past the last view, other letters or modified keys', () => {
    expect(shortcutFor(key(String(VIEW_IDS.length + 1)), body)).toBeNull();
    expect(shortcutFor(key('0'), body)).toBeNull();
    expect(shortcutFor(key('x'), body)).toBeNull();
    expect(shortcutFor(key('Enter'), body)).toBeNull();
    expect(shortcutFor(key('r', { ctrlKey: true }), body)).toBeNull(); // browser reload stays the browser's
    expect(shortcutFor(key('p', { metaKey: true }), body)).toBeNull();
    expect(shortcutFor(key('1', { altKey: true }), body)).toBeNull();
  });

  it('leaves keys alone while the person types', () => {
    for (const t of [
      { tagName: 'INPUT' },
      { tagName: 'INPUT', type: 'number' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
      { tagName: 'DIV', role: 'textbox' },
      { tagName: 'CANVAS' },
    ]) {
      for (const k of [' ', '.', 'r', 'p', '?', '2']) expect(shortcutFor(key(k), t), `${k} in ${JSON.stringify(t)}`).toBeNull();
    }
  });

  it('lets Space press a focused button, tab or checkbox, but still takes the other keys there', () => {
    for (const t of [{ tagName: 'BUTTON' }, { tagName: 'DIV', role: 'tab' }, { tagName: 'INPUT', type: 'checkbox' }, { tagName: 'SUMMARY' }]) {
      expect(shortcutFor(key(' '), t)).toBeNull();
      expect(shortcutFor(key('.'), t)).toEqual({ kind: 'step' });
      expect(shortcutFor(key('3'), t)).toEqual({ kind: 'view', index: 2 });
    }
  });

  it("gives Page Down / Page Up to the stage from a slider (a clicker's keys), never from a text field", () => {
    const slider = { tagName: 'INPUT', type: 'range' };
    expect(shortcutFor(key('PageDown'), slider)).toEqual({ kind: 'stage', dir: 1 });
    expect(shortcutFor(key('PageUp'), slider)).toEqual({ kind: 'stage', dir: -1 });
    expect(shortcutFor(key('PageDown'), { tagName: 'INPUT', type: 'number' })).toBeNull();
    expect(shortcutFor(key('PageUp'), { tagName: 'TEXTAREA' })).toBeNull();
  });

  it('treats only text-taking inputs as typing', () => {
    expect(takesText({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(takesText({ tagName: 'INPUT', type: 'range' })).toBe(false);
    expect(takesText({ tagName: 'INPUT' })).toBe(true);
    expect(takesText({ tagName: 'button' })).toBe(false);
  });

  it('lists every mapped key in the sheet', () => {
    const listed = SHORTCUTS.map((s) => s.keys);
    for (const k of ['Space', '.', 'r', 'p', '?', 'Esc', ...VIEW_IDS.map((_, i) => String(i + 1))]) expect(listed).toContain(k);
  });
});

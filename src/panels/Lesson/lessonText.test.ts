import { describe, expect, it } from 'vitest';
import { lessonKey, type ArrowPress } from './lessonText';

const on = (tagName: string, extra: Partial<NonNullable<ArrowPress['target']>> = {}, key = 'ArrowRight'): ArrowPress => ({
  key,
  modified: false,
  defaultPrevented: false,
  target: { tagName, ownerRoles: [], ...extra },
});

describe('lessonKey', () => {
  it('→ and ← on the page step the lesson; other keys do not', () => {
    expect(lessonKey(on('BODY'), false)).toBe(1);
    expect(lessonKey(on('BODY', {}, 'ArrowLeft'), false)).toBe(-1);
    expect(lessonKey(on('BUTTON', {}, 'ArrowLeft'), false)).toBe(-1);
    expect(lessonKey(on('BODY', {}, 'ArrowUp'), false)).toBe(0);
  });
  it('leaves the arrows to the tab list, sliders, radio groups, fields, selects, the canvas and open dialogs', () => {
    expect(lessonKey(on('BUTTON', { role: 'tab', ownerRoles: ['tab', 'tablist'] }), false)).toBe(0);
    expect(lessonKey(on('INPUT', { type: 'range' }), false)).toBe(0);
    expect(lessonKey(on('INPUT', { type: 'radio', ownerRoles: [null, 'radiogroup'] }), false)).toBe(0);
    expect(lessonKey(on('INPUT', { type: 'number' }), false)).toBe(0);
    expect(lessonKey(on('SELECT'), false)).toBe(0);
    expect(lessonKey(on('CANVAS'), false)).toBe(0);
    expect(lessonKey(on('DIV', { role: 'slider', ownerRoles: ['slider'] }), false)).toBe(0);
    expect(lessonKey(on('BODY'), true)).toBe(0);
    expect(lessonKey({ ...on('BODY'), modified: true }, false)).toBe(0);
    expect(lessonKey({ ...on('BODY'), defaultPrevented: true }, false)).toBe(0);
  });
});

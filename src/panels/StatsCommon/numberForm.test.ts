import { describe, expect, it } from 'vitest';
import { parseAll, parseNumber } from './numberForm';

describe('parseNumber', () => {
  const k = { label: 'Components', integer: true, min: 1, max: 100 };
  it('accepts whole numbers in range, with separators', () => {
    expect(parseNumber(k, ' 10 ')).toEqual({ ok: true, value: 10 });
    expect(parseNumber({ ...k, max: 10_000 }, '5,000')).toEqual({ ok: true, value: 5000 });
  });
  it('names the field and the range when it refuses', () => {
    expect(parseNumber(k, '0')).toEqual({ ok: false, error: 'Components must be a whole number from 1 to 100.' });
    expect(parseNumber(k, '2.5')).toMatchObject({ ok: false });
    expect(parseNumber(k, 'ten')).toMatchObject({ ok: false });
    expect(parseNumber(k, '')).toMatchObject({ ok: false });
  });
  it('keeps an exclusive lower bound', () => {
    const lr = { label: 'Learning rate', min: 0, max: 1, minExclusive: true };
    expect(parseNumber(lr, '0')).toEqual({ ok: false, error: 'Learning rate must be a number above 0 and at most 1.' });
    expect(parseNumber(lr, '1e-3')).toEqual({ ok: true, value: 0.001 });
  });
});

describe('parseAll', () => {
  it('gives values only when every field is valid', () => {
    const specs = { a: { label: 'A', min: 0, max: 1 }, b: { label: 'B', min: 0, max: 1 } };
    expect(parseAll(specs, { a: '0.5', b: '1' })).toEqual({ values: { a: 0.5, b: 1 }, errors: {} });
    expect(parseAll(specs, { a: '0.5', b: '2' })).toEqual({ values: null, errors: { b: 'B must be a number from 0 to 1.' } });
  });
});

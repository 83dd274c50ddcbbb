import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURES, judge, lessonUrl, PANELS, validateLesson } from './format';

const good = {
  format: 1,
  title: 'Posterior collapse',
  steps: [
    { caption: 'Start', preset: 'seed000-beta2', train: { steps: 100 }, panel: 'curves' },
    { caption: 'Predict', panel: 'collapse', predict: { question: 'How many?', figure: 'activeUnits', tolerance: 3 } },
  ],
};
const clone = (): typeof good & Record<string, unknown> => JSON.parse(JSON.stringify(good));
const errorsOf = (v: unknown, source = 'l.json') => {
  const r = validateLesson(v, source);
  return r.ok ? [] : r.errors;
};

describe('validateLesson', () => {
  it('accepts a good lesson', () => {
    expect(validateLesson(good, 'l.json')).toEqual({ ok: true, lesson: good });
  });

  it.each([
    ['steps[0].preset', (l: ReturnType<typeof clone>) => (l.steps[0].preset = 'no-such-preset')],
    ['steps[0].panel', (l: ReturnType<typeof clone>) => (l.steps[0].panel = 'nowhere')],
    ['steps[0].train.steps', (l: ReturnType<typeof clone>) => (l.steps[0].train = { steps: 0.5 })],
    ['steps[0].train', (l: ReturnType<typeof clone>) => ((l.steps[0] as Record<string, unknown>).train = { steps: 5, epochs: 1 })],
    ['steps[1].predict.figure', (l: ReturnType<typeof clone>) => (l.steps[1].predict!.figure = 'luck')],
    ['steps[1].predict.tolerance', (l: ReturnType<typeof clone>) => (l.steps[1].predict!.tolerance = -1)],
    ['steps[1].caption', (l: ReturnType<typeof clone>) => (l.steps[1].caption = ' ')],
    ['steps[0].pannel', (l: ReturnType<typeof clone>) => ((l.steps[0] as Record<string, unknown>).pannel = 'curves')],
    ['title', (l: ReturnType<typeof clone>) => ((l as Record<string, unknown>).title = 7)],
    ['format', (l: ReturnType<typeof clone>) => ((l as Record<string, unknown>).format = '1')],
    ['steps', (l: ReturnType<typeof clone>) => ((l as Record<string, unknown>).steps = [])],
  ])('names %s when it is wrong, with the file and the value', (field, spoil) => {
    const l = clone();
    spoil(l);
    const errors = errorsOf(l);
    expect(errors.length).toBe(1);
    expect(errors[0]).toContain(`l.json: ${field} `);
    expect(errors[0]).toMatch(/\(got .*\)$/);
  });

  it('says a newer format needs a newer page', () => {
    expect(errorsOf({ ...good, format: 2 })[0]).toMatch(/newer version/);
  });

  it('property: never throws, and answers ok or with messages naming the file', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = validateLesson(v, 'x.json');
        if (!r.ok) expect(r.errors.every((e) => e.startsWith('x.json: '))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: any well-formed lesson passes; any one field spoilt fails naming that step', () => {
    const step = fc.record(
      {
        caption: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
        preset: fc.constantFrom('seed000-beta0.1', 'seed003-bernoulli', 'seed004-latent2'),
        train: fc.oneof(fc.record({ steps: fc.integer({ min: 1, max: 20_000 }) }), fc.record({ epochs: fc.integer({ min: 1, max: 20 }) })),
        panel: fc.constantFrom(...Object.keys(PANELS)),
        predict: fc.record({ question: fc.constant('Q?'), figure: fc.constantFrom(...Object.keys(FIGURES)), tolerance: fc.double({ min: 0, max: 100, noNaN: true }) }),
      },
      { requiredKeys: ['caption'] },
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), fc.nat(), (steps, pick) => {
        const lesson = { format: 1, title: 'T', steps };
        expect(validateLesson(lesson, 'p.json').ok).toBe(true);
        const i = pick % steps.length;
        const spoilt = { ...lesson, steps: steps.map((s, j) => (j === i ? { ...s, panel: 'not-a-panel' } : s)) };
        const errors = errorsOf(spoilt, 'p.json');
        expect(errors).toEqual([expect.stringContaining(`p.json: steps[${i}].panel `)]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('lessonUrl', () => {
  const base = 'https://class.example/app/';
  it('a name is a file in public/lessons/', () => {
    expect(lessonUrl('collapse-beta', base)).toEqual({ ok: true, url: 'https://class.example/app/lessons/collapse-beta.json' });
  });
  it('https elsewhere and same-site paths are allowed; plain http elsewhere is not', () => {
    expect(lessonUrl('https://other.example/l.json', base).ok).toBe(true);
    expect(lessonUrl('/mine/l.json', base)).toEqual({ ok: true, url: 'https://class.example/mine/l.json' });
    const r = lessonUrl('http://other.example/l.json', base);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/https:\/\//);
    expect(lessonUrl('javascript:alert(1)', base).ok).toBe(false);
  });
});

describe('judge', () => {
  it('counts answers within the tolerance as right, inclusive', () => {
    expect(judge(10, 7, 3)).toEqual({ right: true, off: 3 });
    expect(judge(11, 7, 3)).toEqual({ right: false, off: 4 });
    expect(judge(5, 5, 0).right).toBe(true);
  });
});

describe('the shipped lessons', () => {
  it.each(['collapse-beta', 'likelihood', 'amortization-gap'])('public/lessons/%s.json is valid and listed', async (name) => {
    const { readFileSync } = await import('node:fs');
    const json: unknown = JSON.parse(readFileSync(`public/lessons/${name}.json`, 'utf8'));
    expect(errorsOf(json, `${name}.json`)).toEqual([]);
    const index = JSON.parse(readFileSync('public/lessons/index.json', 'utf8')) as { lessons: { name: string }[] };
    expect(index.lessons.map((l) => l.name)).toContain(name);
  });
});

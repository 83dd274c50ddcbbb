/**
 * Every kind of bad input a person or a file can hand the app, in one table: what goes in, which
 * layer takes it, and the fragment of the message that must name the field or the file. Each
 * layer's helper (layers.ts, modelLayer.ts) also checks that nothing the user had is lost.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MODEL_FILE_VERSION } from '../../trainer/checkpoint/modelFile';
import { declaredBombZip, editModel, hugeHeaderPng, manifest, png, poisonWeights, ratioBombZip, truncatedJpeg, truncatedPng } from './fixtures';
import { configJson, datasetUrl, file, link, manifestBody, manifestJson, pickedNames, typed, upload } from './layers';
import { goodModel, importModel, importModelOk, setUpModels } from './modelLayer';

interface Row {
  input: string;
  layer: string;
  run: () => string | Promise<string>;
  expect: RegExp;
}
const row = (layer: string, input: string, run: Row['run'], expected: RegExp): Row => ({ input, layer, run, expect: expected });
const set = (o: Record<string, unknown>, path: string, v: unknown) => {
  const keys = path.split('.');
  const last = keys.pop()!;
  (keys.reduce((a, k) => a[k] as Record<string, unknown>, o) as Record<string, unknown>)[last] = v;
};
/** JSON text of a value nested `depth` deep: JSON.parse reads it, naive recursion (String, JSON.stringify) overflows. */
const deep = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const model = (path: string, v: unknown) => () => importModel(editModel(goodModel(), (o) => set(o, path, v)));

const TYPED = 'config control (experiment store setField)';
const JSON_CFG = 'whole config (validateConfig / store load)';
const LINK = 'URL hash (decodeConfig)';
const MANIFEST = 'dataset manifest (validateManifest)';
const DATA_URL = 'dataset URL (fetchRemoteManifest)';
const UPLOAD = 'uploaded files (importImages)';
const MODEL = 'model file (worker importModel)';

export const ROWS: Row[] = [
  row(TYPED, 'Latent dimension "-3"', () => typed('latentDim', '-3'), /^Latent dimension must be a whole number from 2 to 128 \(got -3\)/),
  row(TYPED, 'Batch size "0"', () => typed('batchSize', '0'), /^Batch size must be a whole number from 1 to 4096 \(got 0\)/),
  row(TYPED, 'Epochs "1e9" (huge)', () => typed('epochs', '1e9'), /^Epochs must be a whole number from 1 to 1000 \(got 1000000000\)/),
  row(TYPED, 'Learning rate "NaN"', () => typed('learningRate', 'NaN'), /^Learning rate must be a number \(got "NaN"\)/),
  row(TYPED, 'Learning rate "fast" (non-numeric)', () => typed('learningRate', 'fast'), /^Learning rate must be a number \(got "fast"\)/),
  row(TYPED, 'Learning rate "" (empty)', () => typed('learningRate', ' '), /^Learning rate is required/),
  row(TYPED, 'Learning rate "0"', () => typed('learningRate', '0'), /^Learning rate must be a number above 0 and at most 10 \(got 0\)/),
  row(TYPED, 'Seed "1.5"', () => typed('seed', '1.5'), /^Seed must be a whole number/),
  row(TYPED, 'Epochs "Infinity"', () => typed('epochs', 'Infinity'), /^Epochs must be a whole number .*\(got Infinity\)/),
  row(TYPED, 'Hidden widths "10000" (one huge layer)', () => typed('hidden', '10000'), /^Hidden widths must be whole numbers from 1 to 4096 \(got 10000\)\. That model would have 16,300,824 parameters, about \d+ MB of memory to train/),
  row(TYPED, 'Hidden widths "10000, 10000"', () => typed('hidden', '10000, 10000'), /^Hidden widths .*\(got 10000\)\. That model would have 216,320,824 parameters, about 3\.\d GB of memory/),
  row(TYPED, 'Hidden widths "4096, 4096, 4096" (each in range)', () => typed('hidden', '4096, 4096, 4096'), /^Hidden widths: this model would have 73,802,552 parameters, about 1\.\d GB .* more than the 1 GB/),
  row(TYPED, 'Hidden widths "60, -5"', () => typed('hidden', '60, -5'), /^Hidden widths must be whole numbers from 1 to 4096 \(got -5\)/),
  row(TYPED, 'Hidden widths "sixty"', () => typed('hidden', 'sixty'), /^Hidden widths must be whole numbers separated by commas/),
  row(TYPED, 'Likelihood "poisson"', () => typed('likelihood', 'poisson'), /^Likelihood p\(x\|z\) must be one of bernoulli, .* \(got "poisson"\)/),
  row(JSON_CFG, '{"lr": 0.1} (unknown key)', () => configJson('{"lr": 0.1}'), /^lr: Unknown field "lr"/),
  row(JSON_CFG, '{"__proto__": {"polluted": 1}}', () => configJson('{"__proto__": {"polluted": 1}}'), /^__proto__: Unknown field "__proto__"/),
  row(JSON_CFG, '{"latentDim": "20"} (a string)', () => configJson('{"latentDim": "20"}'), /^latentDim: Latent dimension must be a whole number .*\(got "20"\)/),
  row(JSON_CFG, '{"hidden": [[[…]]]} (nested 10,000 deep)', () => configJson(`{"hidden": ${deep(10000)}}`), /^hidden: Hidden widths must be whole numbers from 1 to 4096 \(got \[\[\[…\]\]\]\)\.$/),
  row(JSON_CFG, '"mnist" (not an object)', () => configJson('"mnist"'), /^config: The config must be an object of named fields/),
  row(JSON_CFG, '{"likelihood": "categorical", "bins": 256} (fits each range, not memory)', () => configJson('{"likelihood": "categorical", "bins": 256}'), /^hidden: Hidden widths: this model would have 80,820,744 parameters.*or fewer Levels k/),
  row(LINK, '#latentDim=-1', () => link('#latentDim=-1'), /^latentDim=-1 was ignored: Latent dimension must be a whole number from 2 to 128/),
  row(LINK, '#learningRate=fast', () => link('#learningRate=fast'), /^learningRate=fast was ignored: Learning rate must be a number/),
  row(LINK, '#evil=<script>… (unknown key)', () => link('#evil=<script>alert(1)</script>'), /^Unknown setting "evil" \(=<script>alert\(1\)<\/script>\) was ignored/),
  row(LINK, '#hidden=10000', () => link('#hidden=10000'), /^hidden=10000 was ignored: Hidden widths .*That model would have [\d,]+ parameters/),
  row(LINK, '#dataset=../../etc/passwd', () => link('#dataset=../../etc/passwd'), /^dataset=\.\.\/\.\.\/etc\/passwd was ignored: Dataset must be an id/),
  row(LINK, '#batchSize=%E0%A4%A (broken escape)', () => link('#batchSize=%E0%A4%A'), /^batchSize=.* was ignored: Batch size must be a whole number/),
  row(LINK, '#dataset=shapes-4096px-999999-seed1 (a shapes set no browser can make)', () => link('#dataset=shapes-4096px-999999-seed1'), /^dataset=shapes-4096px-999999-seed1 was ignored: Dataset "shapes-4096px-999999-seed1" cannot be made: image size must be a whole number of pixels from 28 to 128 \(got 4096\)/),
  row(LINK, '#__proto__[polluted]=1', () => link('#__proto__[polluted]=1'), /^Unknown setting "__proto__\[polluted\]"/),
  row(MANIFEST, '[] (not an object)', () => manifestJson([]), /^manifest\.json: the manifest must be a JSON object/),
  row(MANIFEST, 'format 99', () => manifestJson({ ...manifest(), format: 99 }), /^manifest\.json: format 99 was made by a newer version/),
  row(MANIFEST, 'file "../../secret.u8gz"', () => manifestJson(manifest((d) => (d.splits.train.images as Record<string, unknown>).file = '../../secret.u8gz')), /datasets\[0\]\.splits\.train\.images\.file must not contain "\.\."/),
  row(MANIFEST, 'file "https://evil.example/x.u8gz"', () => manifestJson(manifest((d) => (d.splits.test.labels as Record<string, unknown>).file = 'https://evil.example/x.u8gz')), /datasets\[0\]\.splits\.test\.labels\.file must be relative, not an absolute URL/),
  row(MANIFEST, 'count -5', () => manifestJson(manifest((d) => (d.splits.train.count = -5))), /datasets\[0\]\.splits\.train\.count must be a positive integer \(got -5\)/),
  row(MANIFEST, 'shape 20000×20000×3', () => manifestJson(manifest((d) => (d.shape = [20000, 20000, 3]))), /datasets\[0\]\.splits\.train\.count with shape 20000×20000×3 makes \d+\.\d GB of pixels, more than the 1 GB/),
  row(MANIFEST, 'sha256 "abc"', () => manifestJson(manifest((d) => (d.splits.train.labels as Record<string, unknown>).sha256 = 'abc')), /datasets\[0\]\.splits\.train\.labels\.sha256 must be 64 hex characters/),
  row(MANIFEST, 'rawBytes that contradict the shape', () => manifestJson(manifest((d) => (d.shape = [32, 32, 1]))), /datasets\[0\]\.splits\.train\.images\.rawBytes must be 61440000 to match count and shape/),
  row(MANIFEST, 'shape nested 10,000 deep', () => manifestJson(JSON.parse(JSON.stringify(manifest()).replace('"shape":[28,28,1]', `"shape":${deep(10000)}`))), /datasets\[0\]\.shape must be \[height, width, channels\] with channels 1 or 3 \(got \[…\]\)/),
  row(MANIFEST, 'an HTML page instead of JSON (fetchManifest)', () => manifestBody('<!doctype html><p>Not found'), /^manifest\.json is not valid JSON/),
  row(DATA_URL, 'javascript:alert(1)', () => datasetUrl('javascript:alert(1)'), /^The manifest URL must start with https:\/\/ or http:\/\/ \(got "javascript:alert\(1\)"\)/),
  row(DATA_URL, 'file:///etc/passwd', () => datasetUrl('file:///etc/passwd'), /^The manifest URL must start with https:\/\/ or http:\/\/ \(got "file:\/\/\/etc\/passwd"\)/),
  row(DATA_URL, '"" (empty)', () => datasetUrl('   '), /^Enter the address of a manifest\.json/),
  row(DATA_URL, 'http://example.org/… (plain http, another site)', () => datasetUrl('http://example.org/course/manifest.json'), /^The manifest URL must use https:\/\/ \(or be on this site, .*\): this page may not download over plain http:\/\/ from another site/),
  row(DATA_URL, 'a server that cannot be reached (fetch throws "Failed to fetch")', () => datasetUrl('https://example.org/course/manifest.json', 'unreachable'), /^Could not download manifest\.json: the server could not be reached \(this browser is offline, .*\)\. Check the connection and try again\.$/),
  row(DATA_URL, 'a manifest URL that answers 404', () => datasetUrl('https://example.org/course/manifest.json', 404), /^Could not download manifest\.json: the server answered HTTP 404/),
  row(UPLOAD, 'notes.png that is text', () => upload(file('notes.png', 'Just some notes, not a picture.')), /^None of the files is a readable image\.\nnotes\.png: named \.png but its content is not a PNG image/),
  row(UPLOAD, 'report.pdf', () => upload(file('report.pdf', '%PDF-1.7 …')), /report\.pdf: a PDF/),
  row(UPLOAD, 'cut.png, truncated mid-IDAT', () => upload(file('cut.png', truncatedPng())), /cut\.png: could not be decoded: a corrupt or unsupported PNG file \(it is cut short: its IDAT chunk needs [\d,]+ bytes but the file has [\d,]+\)/),
  row(UPLOAD, 'photo.jpg, cut before its end marker', () => upload(file('photo.jpg', truncatedJpeg())), /photo\.jpg: could not be decoded: a corrupt or unsupported JPEG file \(it is cut short: it has no end-of-image marker\)/),
  row(UPLOAD, 'empty.png, 0 bytes', () => upload(file('empty.png', new Uint8Array(0))), /empty\.png: empty file/),
  row(UPLOAD, 'huge.png whose header claims 20000×20000', () => upload(file('huge.png', hugeHeaderPng())), /huge\.png: too large: 20000×20000 pixels \(the limit is 50 megapixels\)/),
  row(UPLOAD, 'bomb.zip declaring a 4 GB entry', () => upload(file('bomb.zip', declaredBombZip())), /bomb\.zip: could not be opened as a zip: its files would unpack to more than 2 GB/),
  row(UPLOAD, 'zeros.zip: 16 MB of zeros in a few KB', () => upload(file('zeros.zip', ratioBombZip())), /zeros\/zeros\.png: refused: it claims to unpack \d+× larger \(a zip bomb\?\)/),
  row(UPLOAD, 'a zip that is not one', () => upload(file('photos.zip', 'PK\u0003\u0004 but nothing else')), /photos\.zip: could not be opened as a zip: not a zip archive/),
  row(UPLOAD, '../../etc/passwd (path separators)', () => upload(file('../../etc/passwd', 'root:x:0:0')), /\netc\/passwd: a text file$/),
  row(UPLOAD, '..\\..\\evil.png and /abs/cats/./1.png (names kept inside)', () => pickedNames(file('..\\..\\evil.png', png()), file('/abs/cats/./1.png', png())), /^evil\.png\nabs\/cats\/1\.png$/),
  row(MODEL, 'not JSON (a zip)', () => importModel('PK\u0003\u0004 a zip file'), /^This is not a model file: it is not JSON/),
  row(MODEL, 'cut in half', () => importModel(goodModel().slice(0, goodModel().length >> 1)), /^This model file is truncated: it ends before its JSON does/),
  row(MODEL, 'weights cut short', model('weightData', 'AAAA'), /^This model file is truncated: its weights hold 3 bytes, but its manifest lists [\d,]+/),
  row(MODEL, 'version from the future', model('version', MODEL_FILE_VERSION + 1), new RegExp(`newer version of VAE Playground \\(file version ${MODEL_FILE_VERSION + 1}; this page reads version ${MODEL_FILE_VERSION}\\)`)),
  row(MODEL, 'first weight [32, 784] instead of [784, 32]', model('weightSpecs.0.shape', [32, 784]), /^Weight 1 has shape \[32, 784\] in the saved model, but this config builds \[784, 32\]/),
  row(MODEL, 'for 32×32×3 images', model('dataset.shape', [32, 32, 3]), /This model takes 32×32×3 images, but dataset "mnist" here has 28×28×1 images/),
  row(MODEL, 'config with latentDim 0', model('config.latentDim', 0), /^The model file's config is not valid: Latent dimension must be/),
  row(MODEL, 'a weight that is NaN', () => importModel(poisonWeights(goodModel(), 25088 + 16, NaN)), /^Weight 2 \("encoder\/dense_0\/bias", shape \[32\]\) holds NaN at value 17 of 32: this model file is damaged/),
  row(MODEL, 'a weight that is -Infinity', () => importModel(poisonWeights(goodModel(), 5, -Infinity)), /^Weight 1 \("[^"]+", shape \[784, 32\]\) holds -Infinity at value 6 of 25,088/),
  row(MODEL, 'savedAt and config.hidden nested 10,000 deep', () => importModel(goodModel().replace(/"savedAt":"[^"]*"/, `"savedAt":${deep(10000)}`).replace(/"hidden":\[[^\]]*\]/, `"hidden":${deep(10000)}`)), /^The model file's config is not valid: Hidden widths must be whole numbers from 1 to 4096 \(got \[\[\[…\]\]\]\)/),
  row(MODEL, 'other JSON (a Keras model)', () => importModel('{"modelTopology": {}, "weightsManifest": []}'), /is not a VAE Playground model \(its "format" is not "vae-playground-model"\)/),
];

/** Words browsers use for developers; a message a person reads says what happened instead. */
const RAW_BROWSER_ERROR = /Failed to fetch|NetworkError|Load failed|TypeError|QuotaExceededError|AbortError|The operation was aborted|\[object /;

describe('bad input: a clear message naming the field or file, and nothing lost', () => {
  beforeAll(setUpModels);

  it(`covers at least 25 cases (${ROWS.length})`, () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(ROWS.map((r) => `${r.layer} ${r.input}`)).size).toBe(ROWS.length);
  });

  for (const r of ROWS) {
    it(`${r.layer}: ${r.input}`, async () => {
      const message = await r.run();
      expect(message).toMatch(r.expect);
      expect(message, 'no raw browser error reaches a person').not.toMatch(RAW_BROWSER_ERROR);
    });
  }
});

describe('uploaded files and model files are data, never code', () => {
  beforeAll(setUpModels);
  const pwned = () => (globalThis as { __pwned?: unknown }).__pwned;

  it('a model file full of script-looking strings imports as plain text', async () => {
    const name = '</script><img src=x onerror="globalThis.__pwned=1">${globalThis.__pwned=1}';
    const text = editModel(goodModel(), (o) => {
      o.name = name;
      o.generatedBy = 'javascript:globalThis.__pwned=1';
      o.savedAt = '`${globalThis.__pwned=1}`';
    });
    const hostile = text.replace(/^\{/, '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "toString": "function () { globalThis.__pwned = 1 }",');
    const evals = vi.spyOn(globalThis, 'eval');
    const run = await importModelOk(hostile);
    expect(run.name).toBe(name);
    expect(pwned()).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(evals).not.toHaveBeenCalled();
    evals.mockRestore();
  });

  it('the lint rules that keep eval and new Function out of the code are on', async () => {
    const { ESLint } = await import('eslint');
    const [r] = await new ESLint().lintText('export const f = (s: string) => [eval(s), new Function(s), setTimeout(\'run()\')];\n', { filePath: 'src/data/x.ts' });
    expect(r.messages.map((m) => m.ruleId).sort()).toEqual(['no-eval', 'no-implied-eval', 'no-new-func']);
  });
});

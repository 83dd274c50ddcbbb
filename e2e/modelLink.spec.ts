import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, stepCount } from './fixtures';
import { trainerState } from './pages/trainer';

/** Where the preview server serves from (playwright.config.ts); files written here are served at once. */
const DIST = process.env.PW_DIST ?? 'dist';
const DIR = join(DIST, 'e2e-models');

/** A small version-2 model file: MLP 16, z = 2, on MNIST, weights from a fixed sequence. */
function modelFile(): string {
  const shapes: [string, number[]][] = [
    ['encoder/dense_0/kernel', [784, 16]], ['encoder/dense_0/bias', [16]], ['encoder/dense_1/kernel', [16, 4]], ['encoder/dense_1/bias', [4]],
    ['decoder/dense_0/kernel', [2, 16]], ['decoder/dense_0/bias', [16]], ['decoder/dense_1/kernel', [16, 784]], ['decoder/dense_1/bias', [784]],
  ];
  const n = shapes.reduce((a, [, s]) => a + s.reduce((x, y) => x * y, 1), 0);
  const values = Float32Array.from({ length: n }, (_, i) => 0.2 * Math.sin(i * 0.37));
  return JSON.stringify({
    format: 'vae-playground-model', version: 2, name: 'Linked MLP', savedAt: '2026-12-05T00:00:00Z', generatedBy: 'e2e',
    config: { architecture: 'mlp', hidden: [16], latentDim: 2, dataset: 'mnist' },
    dataset: { id: 'mnist', shape: [28, 28, 1] },
    progress: { step: 42, epoch: 0 },
    weightSpecs: shapes.map(([name, shape]) => ({ name, shape, dtype: 'float32' })),
    weightData: Buffer.from(values.buffer).toString('base64'),
  });
}

test.beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
  const good = modelFile();
  writeFileSync(join(DIR, 'linked.vae.json'), good);
  writeFileSync(join(DIR, 'cut.vae.json'), good.slice(0, 2000));
});
test.afterAll(() => rmSync(DIR, { recursive: true, force: true }));

test('#model= opens a model file served by this site, paused at its step', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/#model=/e2e-models/linked.vae.json');
  const note = page.getByTestId('model-link-notice');
  await expect(note).toContainText('Opened "Linked MLP"', { timeout: 60_000 });
  await expect(note).toContainText('at step 42');
  await expect(trainerState(page)).toHaveText(/paused/i, { timeout: 60_000 });
  await expect.poll(() => stepCount(page)).toBe(42);
  await expect(page.getByLabel('Hidden widths')).toHaveValue('16');
  await expect(page.getByLabel('Latent dimension')).toHaveValue('2');
  // The address becomes the link to the config on screen.
  await expect.poll(() => new URL(page.url()).hash).toContain('latentDim=2');
  expect(new URL(page.url()).hash).not.toContain('model=');
});

test('#model= refuses a truncated file, a page that is not one and a plain-http address of another site, each saying why', async ({ page, consoleErrors }) => {
  void consoleErrors;
  const cases: [string, RegExp][] = [
    ['/e2e-models/cut.vae.json', /was not opened\. This model file is truncated/],
    // The preview server answers a missing file with the app's own page.
    ['/e2e-models/missing.vae.json', /was not opened\. This is not a model file: it is not JSON/],
    ['http://models.example.org/m.vae.json', /must start with https:\/\/ \(or be on this site, http:\/\/localhost:\d+\), got "http:\/\/models\.example\.org\/m\.vae\.json"/],
  ];
  for (const [address, message] of cases) {
    // A new document each time: a change of hash alone does not reload the page.
    await page.goto('about:blank');
    await page.goto(`/#model=${encodeURIComponent(address)}`);
    await expect(page.getByTestId('model-link-notice')).toContainText(message, { timeout: 60_000 });
    await expect(page.getByTestId('model-link-notice')).toHaveAttribute('role', 'alert');
    expect(await stepCount(page)).toBe(0);
  }
});

test('a run exports for TF.js and for PyTorch from the Runs view, each a zip of the promised files', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/#model=/e2e-models/linked.vae.json');
  await expect(page.getByTestId('model-link-notice')).toContainText('Opened "Linked MLP"', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Runs' }).click();
  const names = async (button: RegExp) => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).first().click();
    const d = await download;
    const bytes = readFileSync(await d.path());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    // Entry names as stored in the zip's local headers (stored, so each follows its header).
    const found: string[] = [];
    for (let at = 0; bytes.readUInt32LE(at) === 0x04034b50; ) {
      const size = bytes.readUInt32LE(at + 18);
      const nameLength = bytes.readUInt16LE(at + 26);
      found.push(bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8'));
      at += 30 + nameLength + size;
    }
    return { file: d.suggestedFilename(), found };
  };
  const tfjs = await names(/^Export Linked MLP for TF\.js and Keras$/);
  expect(tfjs.file).toMatch(/-tfjs\.zip$/);
  expect(tfjs.found).toEqual(['README.txt', 'encoder/model.json', 'encoder/weights.bin', 'decoder/model.json', 'decoder/weights.bin']);
  const torch = await names(/^Export Linked MLP for PyTorch$/);
  expect(torch.file).toMatch(/-pytorch\.zip$/);
  expect(torch.found).toEqual(['README.txt', 'model.py', 'evaluate.py', 'weights.npz']);
});

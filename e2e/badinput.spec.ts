import { test, expect, stepCount } from './fixtures';

// The full list of bad inputs is src/testing/badInput/badInput.test.ts; these drive the real page for a few.

test('a bad value typed into a config field is named, and Train goes on with the last good value', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  // A good change first, so the address holds the whole config the trainer is told.
  await page.getByLabel('Latent dimension').fill('8');
  await expect.poll(() => page.url()).toMatch(/[#&]latentDim=8(&|$)/);
  const batch = page.getByLabel('Batch size');
  await batch.fill('-5');
  await expect(batch).toHaveAccessibleDescription('Batch size must be a whole number from 1 to 4096 (got -5).');
  await expect(batch).toHaveAttribute('aria-invalid', 'true');
  const hidden = page.getByLabel('Hidden widths');
  await hidden.fill('10000');
  await expect(hidden).toHaveAccessibleDescription(/^Hidden widths must be whole numbers from 1 to 4096 \(got 10000\)\. That model would have 15,940,800 parameters, about \d+ MB of memory to train\.$/);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // The link (the config the trainer uses) kept the last good values; the typed text stays to fix.
  expect(page.url()).toMatch(/[#&]batchSize=128(&|$)/);
  expect(page.url()).toMatch(/[#&]hidden=400(&|$)/);
  await expect(batch).toHaveValue('-5');
  await batch.fill('64');
  await expect(batch).not.toHaveAttribute('aria-invalid');
  await expect.poll(() => page.url()).toMatch(/[#&]batchSize=64(&|$)/);
});

test('a link with bad settings names each one, loads the rest, and the app works', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/#latentDim=-1&learningRate=fast&evil=%3Cscript%3Ealert(1)%3C%2Fscript%3E&epochs=3');
  const notice = page.getByTestId('link-notice');
  await expect(notice.getByRole('listitem')).toHaveText([
    /^latentDim=-1 was ignored: Latent dimension must be a whole number from 2 to 128 \(got -1\)\.$/,
    /^learningRate=fast was ignored: Learning rate must be a number/,
    'Unknown setting "evil" (=<script>alert(1)</script>) was ignored.',
  ]);
  await expect(page.getByLabel('Epochs')).toHaveValue('3');
  await expect(page.getByLabel('Latent dimension')).toHaveValue('20');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(1);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('a link naming a shapes set no browser can make leaves it out, says why, and keeps the dataset', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/#dataset=shapes-4096px-999999-seed1&epochs=3');
  await expect(page.getByTestId('link-notice').getByRole('listitem')).toHaveText([
    /^dataset=shapes-4096px-999999-seed1 was ignored: Dataset "shapes-4096px-999999-seed1" cannot be made: image size must be a whole number of pixels from 28 to 128 \(got 4096\)/,
  ]);
  await expect(page.getByRole('radio', { name: 'MNIST', exact: true })).toBeChecked();
  await expect(page.getByLabel('Epochs')).toHaveValue('3');
  await expect.poll(() => page.url()).not.toContain('shapes-4096px');
  await expect(page.getByText('is not available in this browser')).toHaveCount(0);
});

test('an upload of an empty file and a non-image names both files and keeps the current dataset', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  const mnist = page.getByRole('radio', { name: 'MNIST', exact: true });
  await expect(mnist).toBeChecked();
  await page.getByText('Your own images', { exact: true }).click();
  await page.getByLabel('Choose images or a .zip').setInputFiles([
    { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
    { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('These are notes, not a picture.\n') },
  ]);
  await page.getByRole('button', { name: 'Import images' }).click();
  await expect(page.locator('.import-report [role=alert]')).toHaveText('None of the files is a readable image.');
  await expect(page.getByRole('list', { name: 'Skipped files' }).getByRole('listitem')).toHaveText([
    'empty.png: empty file',
    'notes.png: named .png but its content is not a PNG image',
  ]);
  await expect(mnist).toBeChecked();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(1);
  await expect(page.getByTestId('dataset-progress')).toHaveAccessibleName(/60,000 training/);
});

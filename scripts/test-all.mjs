// Runs every check — lint, types, unit tests (Vitest), end-to-end tests (Playwright in Chromium) —
// and ends with one line "N passed, N failed" summing them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) results.passed++;
  else {
    results.failed++;
    failures.push(label);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/unit.json', 'test-results/e2e.json']) rmSync(f, { force: true });

check('datasets', 'node', ['scripts/pack-datasets.mjs', '--if-missing']);
check('lint', 'npx', ['eslint', '.']);
check('types', 'npx', ['tsc', '-b']);

const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
const unit = readJson('test-results/unit.json');
if (unit) {
  results.passed += unit.numPassedTests;
  results.failed += unit.numFailedTests;
  results.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) {
  results.failed++;
  failures.push('unit tests (runner failed)');
}

const skipE2e = process.env.SKIP_E2E === '1';
if (!skipE2e) {
  // The end-to-end tests drive fault injection and window.__vae: a build with the test hooks.
  check('build (with test hooks)', 'npx', ['vite', 'build', '--mode', 'e2e']);
  const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test']);
  const e2e = readJson('test-results/e2e.json');
  if (e2e) {
    results.passed += e2e.stats.expected + e2e.stats.flaky;
    results.failed += e2e.stats.unexpected;
    results.skipped += e2e.stats.skipped;
  }
  if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) {
    results.failed++;
    failures.push('end-to-end tests (runner failed)');
  }
}

if (failures.length) console.log(`\nFailed checks: ${failures.join(', ')}`);
if (!existsSync('dist') && !skipE2e) console.log('note: no build output');
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed > 0 ? 1 : 0);

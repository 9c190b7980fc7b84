#!/usr/bin/env node
/**
 * The whole test suite, as the README's test command and CI run it: lint and formatting, types,
 * the README snippets, unit + component + browser (Storybook/axe) tests (the collector's against
 * SQLite and throw-away PostgreSQL clusters), then the package checks (build, Node can load every
 * built package, the size budgets, publint on the packed packages, the packed collector installed
 * with npm and pnpm into empty directories and run). Every step runs even if an earlier one failed, so one run shows
 * every problem; the last line is the total.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.test-results');
mkdirSync(resultsDir, { recursive: true });
const vitestJson = path.join(resultsDir, 'vitest.json');

const steps = [
  { name: 'lint', cmd: 'pnpm', args: ['run', 'lint'] },
  { name: 'typecheck', cmd: 'pnpm', args: ['run', 'typecheck'] },
  { name: 'README snippets (every ts/tsx block type-checks)', cmd: 'pnpm', args: ['run', 'check:snippets'] },
  {
    name: 'tests (unit, component, browser)',
    cmd: 'pnpm',
    args: [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson}`,
    ],
    vitest: true,
  },
  { name: 'storybook build (every story and guide compiles)', cmd: 'pnpm', args: ['run', 'build-storybook'] },
  {
    // Reuses the build above; fails when a Screens/ story has a failing safeguard.
    name: 'safeguards audit (every story in chromium)',
    cmd: 'pnpm',
    args: ['run', 'audit:safeguards', '--reuse'],
  },
  { name: 'build', cmd: 'pnpm', args: ['run', 'build'] },
  {
    // Reuses the build above: min + gzip of every public browser entry against its budget
    // (.size-limit.js).
    name: 'size budgets (size-limit)',
    cmd: 'pnpm',
    args: ['run', 'size'],
  },
  { name: 'publint', cmd: 'pnpm', args: ['run', 'publint'] },
  {
    name: 'API reports (the public API of every entry point matches packages/*/api/)',
    cmd: 'pnpm',
    args: ['run', 'api:check'],
  },
  {
    // Reuses the build above: installs the packed collector with npm and pnpm into empty
    // directories and runs it (npm compiles better-sqlite3: minutes).
    name: 'packed collector (npm and pnpm install, start, one event)',
    cmd: 'node',
    args: ['scripts/packed-collector.mjs'],
  },
  {
    // Reuses the build above: a host app outside the workspace from the packed react, charts and
    // core (npm, sharing npm's cache with the step above), tsc strict, vite build, and four
    // decisions completed with the keyboard only in chromium.
    name: 'packed consumer app (npm install, tsc, vite build, keyboard-only in chromium)',
    cmd: 'node',
    args: ['--import', 'tsx', 'scripts/packed-consumer.ts'],
  },
];

let passed = 0;
let failed = 0;
const failures = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const result = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.vitest && existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    const skipped = report.numPendingTests + report.numTodoTests;
    if (skipped > 0) {
      // A skipped test is a test that claims coverage it does not give.
      failures.push(`${step.name}: ${skipped} skipped or todo test(s)`);
      failed += skipped;
    }
    if (!ok && report.numFailedTests === 0) failures.push(`${step.name}: vitest exited ${result.status}`);
    if (!ok) failed += report.numFailedTests === 0 ? 1 : 0;
  } else {
    if (ok) passed += 1;
    else failed += 1;
  }
  if (!ok) failures.push(`${step.name} (exit ${result.status}, ${seconds} s)`);
  console.log(`━━ ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds} s`);
}

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length > 0 ? 1 : 0);

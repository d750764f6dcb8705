// `npm test`: type check, lint, build the web app, then every test tier (see README "Tests").
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = process.env.CI === 'true';
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (ci) {
  // In CI nothing may be skipped silently: both databases and the browser are required.
  if (!process.env.TEST_DATABASE_URL) {
    console.error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests cannot be skipped in CI.');
    process.exit(1);
  }
  if (!existsSync(chromium)) {
    console.error(`CI=true but Chromium is missing at ${chromium}: the browser tests cannot be skipped in CI.`);
    process.exit(1);
  }
} else if (!process.env.TEST_DATABASE_URL) {
  console.log('Note: TEST_DATABASE_URL is not set, so the API tests run on PGlite only.');
}

step('Type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('Lint', bin('eslint'), ['--max-warnings', '0', 'src', 'test', 'scripts', 'bench']);
step('Build the web app', process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
step('Tests', bin('vitest'), ['run', '--reporter=default', '--reporter=./scripts/test-summary-reporter.ts', ...process.argv.slice(2)]);

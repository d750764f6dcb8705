import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints how many tests ran in each tier (unit, API on PGlite, API on PostgreSQL, browser) and a
 * closing 'N passed, N failed' line, so a run's output shows plainly what was exercised where.
 */
export default class TestSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const perProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const module of testModules) {
      const name = module.project.name || 'default';
      const counts = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
      perProject.set(name, counts);
    }
    const labels: Record<string, string> = {
      unit: 'unit tests (no database)',
      'api-pglite': 'API tests on PGlite (embedded)',
      'api-postgres': 'API tests on PostgreSQL',
      process: 'server process tests',
      browser: 'browser tests (Chromium)',
    };
    const total = { passed: 0, failed: 0, skipped: 0 };
    const lines = ['', 'Tests per tier:'];
    for (const [name, c] of [...perProject.entries()].sort()) {
      lines.push(`  ${(labels[name] ?? name).padEnd(34)} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    if (!perProject.has('api-postgres')) lines.push('  API tests on PostgreSQL            not run (TEST_DATABASE_URL not set)');
    lines.push('', `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
    console.log(lines.join('\n'));
  }
}

import { defineConfig } from 'vitest/config';

// Test tiers (see README "Tests"):
//   unit        pure rules in src/shared and server helpers, no database
//   api-pglite  API tests through app.inject on the embedded database
//   api-postgres the same API tests on a real PostgreSQL (only when TEST_DATABASE_URL is set)
//   process     real server processes: the data-folder lock, clean shutdown
//   browser     Playwright driving Debian's Chromium against a real server
const apiInclude = ['src/server/**/*.api.test.ts'];
const usePostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: [...apiInclude, 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api-pglite',
          include: apiInclude,
          env: { TEST_DB: 'pglite' },
          globalSetup: ['test/setup/global-db.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(usePostgres
        ? [
            {
              test: {
                name: 'api-postgres',
                include: apiInclude,
                env: { TEST_DB: 'postgres' },
                globalSetup: ['test/setup/global-db.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'process',
          include: ['test/process/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

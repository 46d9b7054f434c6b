// Four tiers, one command. Unit specs sit beside the code; integration and e2e
// specs live in test/ and share one PostgreSQL started by the global setup.
/** @type {import('jest').Config} */
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const common = {
  transform: tsJest,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

// Time limits. Jest's default of 5 s per test or hook holds on a quiet machine
// but not on the 2-core one this suite runs on beside other work (load average
// 6-8): there, booting the app, starting PostgreSQL or a property test with
// hundreds of runs takes several times as long, and 13 tests failed on the 5 s
// default alone. So no tier leans on it: each sets its own default, and the
// heavy tests and hooks set explicit limits (test/support/timeouts.ts).
// The defaults are set with jest.setTimeout in a setup file because jest 30
// ignores `testTimeout` inside a `projects` entry (only the top-level one is
// read, for every project alike).
//   unit: 30 s (the calendar and SLA clock property tests take 1-3 s quiet);
//   integration and e2e: 60 s (real PostgreSQL, the real app over HTTP);
//   browser: 180 s (the real app serving the built console, driven by a headless Chromium).
const unitTimeouts = ['<rootDir>/test/support/unit-tier.setup.ts'];
const slowTierTimeouts = ['<rootDir>/test/support/slow-tier.setup.ts'];

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/src', '<rootDir>/config', '<rootDir>/modules', '<rootDir>/test/fixtures', '<rootDir>/test/unit'],
      testMatch: ['**/*.spec.ts'],
      setupFilesAfterEnv: unitTimeouts,
    },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      testMatch: ['**/*.int-spec.ts'],
      setupFilesAfterEnv: slowTierTimeouts,
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      setupFilesAfterEnv: slowTierTimeouts,
    },
    {
      // The console (console/) in a real headless Chromium (@sparticuz/chromium, installed by npm),
      // served by the real app on the shared PostgreSQL; the harness builds the console when stale.
      ...common,
      displayName: 'browser',
      roots: ['<rootDir>/test/browser'],
      testMatch: ['**/*.browser-spec.ts'],
      testEnvironment: '<rootDir>/test/browser/support/browser-environment.ts',
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/browser-tier.setup.ts'],
    },
  ],
};

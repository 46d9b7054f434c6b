/**
 * What the test suites read from the environment. Kept here with the app's
 * config so that no other file touches process.env.
 */
export interface TestEnv {
  /** A PostgreSQL server (any database on it) that may create databases; null = embedded. */
  readonly serverUrl: string | null;
  /** Set by the global setup: the migrated template each test file copies. */
  readonly templateUrl: string | null;
  /**
   * Browser tests: where to save each step's screenshot, kept whatever the outcome (e.g. docs/screenshots
   * to refresh the README's). null: a fresh temporary folder, removed when the test passes.
   */
  readonly screenshotsDir: string | null;
}

const TEMPLATE_VAR = 'SIGAP_TEST_TEMPLATE_URL';

export function loadTestEnv(env: Record<string, string | undefined> = process.env): TestEnv {
  const serverUrl = env.TEST_DATABASE_URL || null;
  if (serverUrl && !/^postgres(ql)?:\/\//.test(serverUrl)) {
    throw new Error('TEST_DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return { serverUrl, templateUrl: env[TEMPLATE_VAR] || null, screenshotsDir: env.BROWSER_SCREENSHOTS_DIR || null };
}

/** Jest workers inherit the environment of the process that ran the global setup. */
export function publishTemplateUrl(url: string): void {
  process.env[TEMPLATE_VAR] = url;
}

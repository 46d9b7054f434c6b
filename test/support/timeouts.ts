/**
 * Time limits for the slow steps of the integration and e2e tiers, sized for
 * the 2-core machine the suite runs on while other work shares it (load
 * average 6-8), not for a quiet one. A limit only bounds how long a hung step
 * may block the run; it never makes a test wait.
 *
 * Quiet, booting the app on a fresh database takes about 1-2 s and starting a
 * PostgreSQL server (initdb included) 2-5 s; under that load, several times as
 * long. The tier-wide default (jest.config.js) is 60 s.
 */

/** A hook or test that starts or stops the app, a database or a PostgreSQL server. */
export const BOOT_TIMEOUT_MS = 120_000;

/** One generated case of the authorization matrix: it prepares its data and sends a few requests. */
export const MATRIX_CASE_TIMEOUT_MS = 30_000;

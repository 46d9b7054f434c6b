import { Client } from 'pg';
import { loadTestEnv } from '../../config/test.config';
import type { EmbeddedPostgres } from '../../src/infra/database/embedded-postgres.launcher';
import { databaseName, setDatabaseName } from './database-url';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __sigapPg?: EmbeddedPostgres }).__sigapPg;
  if (embedded) {
    await embedded.stop(); // non-persistent: the data folder goes with it
    return;
  }
  // On a shared server, drop what this run created.
  const { templateUrl } = loadTestEnv();
  if (!templateUrl) return;
  const template = databaseName(templateUrl);
  const admin = new Client({ connectionString: setDatabaseName(templateUrl, 'postgres') });
  await admin.connect();
  try {
    const run = template.replace('sigap_template_', '');
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `sigap_t_${run}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadTestEnv } from '../../config/test.config';
import { databaseName, setDatabaseName } from './database-url';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated and seeded database for one test file: a copy of the
 * run's template (milliseconds, where migrating anew would take seconds).
 * `empty: true` gives an unmigrated database, for tests of migrating itself.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const { templateUrl } = loadTestEnv();
  if (!templateUrl) throw new Error('No test template database: run the tests through jest (global setup).');
  const template = databaseName(templateUrl);
  const name = `sigap_t_${template.replace('sigap_template_', '')}_${randomBytes(4).toString('hex')}`;
  const adminUrl = setDatabaseName(templateUrl, 'postgres');
  const from = options.empty ? 'template1' : template;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${from}`));
  return {
    url: setDatabaseName(templateUrl, name),
    drop: () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

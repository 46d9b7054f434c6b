import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { loadTestEnv, publishTemplateUrl } from '../../config/test.config';
import { EmbeddedPostgres } from '../../src/infra/database/embedded-postgres.launcher';
import { migrateAndSeed } from '../../src/bootstrap/migration.runner';
import { setDatabaseName } from './database-url';

/**
 * One PostgreSQL for the whole run (embedded unless TEST_DATABASE_URL names
 * one) and one migrated template database; every test file copies the template
 * into a database of its own, so files never see each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  const env = loadTestEnv();
  let serverUrl = env.serverUrl;
  if (!serverUrl) {
    const embedded = await EmbeddedPostgres.start({
      dataDir: path.join(os.tmpdir(), `sigap-test-${randomBytes(4).toString('hex')}`),
      port: 0,
      database: 'postgres',
      persistent: false,
      logger: { info: () => undefined, warn: (m) => process.stderr.write(`${m}\n`), debug: () => undefined },
    });
    (globalThis as { __sigapPg?: EmbeddedPostgres }).__sigapPg = embedded;
    serverUrl = embedded.url;
  }
  const template = `sigap_template_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const templateUrl = setDatabaseName(serverUrl, template);
  await migrateAndSeed(templateUrl);
  forgetOrmGlobals();
  publishTemplateUrl(templateUrl);
}

/**
 * MikroORM (and @nestjs/graphql, should anything here ever load it) keep
 * their metadata on globalThis, and jest shares this realm's globals with
 * every test file it runs in band. The test's realm would then find objects
 * made in this realm and fail with "Map.prototype.set called on incompatible
 * receiver" (mikro-orm#3783) or "Cannot determine a GraphQL output type"
 * (a String from another realm). The migration runner loads no entities for
 * this reason; forgetting the globals is the second line.
 */
function forgetOrmGlobals(): void {
  const scope = globalThis as Record<string, unknown>;
  for (const key of Object.keys(scope)) if (key.startsWith('mikro-orm-') || key.startsWith('Gql')) delete scope[key];
}

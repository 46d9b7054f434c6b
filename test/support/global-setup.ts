import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { loadTestEnv, publishTemplateUrl } from '../../config/test.config';
import type { EmbeddedPostgres } from '../../src/infra/database/embedded-postgres.launcher';
import { setDatabaseName } from './database-url';

/**
 * One PostgreSQL for the whole run (embedded unless TEST_DATABASE_URL names
 * one) and one migrated template database; every test file copies the template
 * into a database of its own, so files never see each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  // The app's code is loaded only after this snapshot (hence the dynamic
  // imports), so that forgetAppGlobals can remove what it leaves on globalThis.
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  const { EmbeddedPostgres } = await import('../../src/infra/database/embedded-postgres.launcher');
  const { migrateAndSeed } = await import('../../src/bootstrap/migration.runner');

  const env = loadTestEnv();
  let serverUrl = env.serverUrl;
  let embedded: EmbeddedPostgres | undefined;
  if (!serverUrl) {
    embedded = await EmbeddedPostgres.start({
      dataDir: path.join(os.tmpdir(), `sigap-test-${randomBytes(4).toString('hex')}`),
      port: 0,
      database: 'postgres',
      persistent: false,
      logger: { info: () => undefined, warn: (m) => process.stderr.write(`${m}\n`), debug: () => undefined },
    });
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
  forgetAppGlobals(before);
  // For the global teardown; set after the clean-up on purpose.
  if (embedded) (globalThis as { __sigapPg?: EmbeddedPostgres }).__sigapPg = embedded;
  publishTemplateUrl(templateUrl);
}

/**
 * Frameworks keep registries on globalThis: MikroORM its entity metadata
 * (`mikro-orm-*`), @nestjs/graphql its type and lazy metadata storages
 * (`GqlTypeMetadataStorage`, `GqlLazyMetadataStorageHost`, should anything
 * here load it: the migration runner loads no entities for this reason), tslib
 * its helpers. jest-environment-node copies every property of this realm's global
 * into the global of each test file, and on a 2-core machine jest runs all
 * files in band, in this process. A registry left here would then be shared
 * by every test file: the second app booted in the run would find the first
 * file's GraphQL classes (their `String` from another realm) and fail with
 * 'Cannot determine a GraphQL output type for the "label"', and MikroORM
 * with "Map.prototype.set called on incompatible receiver" (mikro-orm#3783).
 * So everything the app's code added to this global goes again.
 */
function forgetAppGlobals(before: ReadonlySet<string>): void {
  for (const key of Object.getOwnPropertyNames(globalThis)) {
    if (!before.has(key)) Reflect.deleteProperty(globalThis, key);
  }
}

import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import * as path from 'node:path';
import { ConfigError, loadAppConfig, PROJECT_ROOT } from '../../config/app.config';
import { prepareDatabase } from '../bootstrap/database.bootstrap';
import { buildOrmOptions } from '../bootstrap/mikro-orm.options';
import { createBootstrapLogger } from '../infra/logging/bootstrap-logger';

const USAGE = `Usage:
  npm run db:migrate                       apply pending migrations and seed reference data
  npm run db:migration:create -- <snake_name>    write a migration for the entity changes (then list it in migrations/index.ts)`;

/** Database chores on the configured PostgreSQL, or the embedded one. */
async function run(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'migrate' && command !== 'create') throw new Error(USAGE);
  // snake_case: MikroORM turns the file name into the class name.
  if (command === 'create' && !/^[a-z0-9_]+$/.test(name ?? '')) {
    throw new Error(`A migration needs a snake_case name (letters, digits, _).\n${USAGE}`);
  }
  const config = loadAppConfig();
  const logger = createBootstrapLogger(config);
  // prepareDatabase applies pending migrations: a new one is diffed against an up-to-date schema.
  const database = await prepareDatabase(config, logger);
  try {
    if (command === 'create') {
      const orm = await MikroORM.init(
        buildOrmOptions(database.url, 2, {}),
      );
      try {
        const migrator = orm.getMigrator();
        const result = await migrator.createMigration(path.join(PROJECT_ROOT, 'src/infra/database/migrations'), false, false, name);
        logger.info(result.diff.up.length ? `Wrote ${result.fileName}: add it to src/infra/database/migrations/index.ts` : 'No schema changes: nothing written');
      } finally {
        await orm.close(true);
      }
    }
  } finally {
    await database.embedded?.stop();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { defineConfig, FlushMode, Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { MIGRATIONS } from '../infra/database/migrations';

/**
 * The ORM configuration without the entities: all that migrations need.
 * Migrations are plain SQL, so running them loads no domain code (and the
 * test run's global setup stays free of the domains' decorators, which jest
 * would otherwise share into every test file's realm). Migrations are listed
 * in code rather than found by glob, so ts-jest, ts-node and the built
 * JavaScript all run exactly the same set.
 */
export function buildMigrationOrmOptions(url: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: url,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    // Schema changes only through committed migrations: never at start-up.
    ensureDatabase: false,
    allowGlobalContext: false,
    // Writes happen when a transaction commits, never as a side effect of a
    // read inside it (an auto-flush would split one change into two versions).
    flushMode: FlushMode.COMMIT,
    forceUtcTimezone: true,
    pool: { min: 0, max: 2 },
    migrations: {
      migrationsList: MIGRATIONS,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      tableName: 'mikro_orm_migrations',
      path: 'src/infra/database/migrations',
      pathTs: 'src/infra/database/migrations',
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `-${name}` : ''}`,
    },
    debug: false,
    ...overrides,
  });
}

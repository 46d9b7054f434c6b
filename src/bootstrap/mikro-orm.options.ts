import { defineConfig, FlushMode, Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../infra/database/migrations';

/**
 * The one ORM configuration, shared by the app, the db CLI and the tests.
 * Migrations are listed in code rather than found by glob, so ts-jest, ts-node
 * and the built JavaScript all run exactly the same set.
 */
export function buildOrmOptions(url: string, poolMax: number, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: url,
    entities: [...ENTITIES],
    extensions: [Migrator],
    // Schema changes only through committed migrations: never at start-up.
    ensureDatabase: false,
    allowGlobalContext: false,
    // Writes happen when a transaction commits, never as a side effect of a
    // read inside it (an auto-flush would split one change into two versions).
    flushMode: FlushMode.COMMIT,
    forceUtcTimezone: true,
    pool: { min: 0, max: poolMax },
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

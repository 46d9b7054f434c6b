import type { Options } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';
import { buildMigrationOrmOptions } from './migration-orm.options';

/**
 * The one ORM configuration of the running app, shared by the app, the db
 * CLI and the tests: the migration settings plus every entity.
 *
 * @example
 * MikroOrmModule.forRoot(buildOrmOptions(url, config.database.poolMax));
 */
export function buildOrmOptions(url: string, poolMax: number, overrides: Partial<Options> = {}): Options {
  return buildMigrationOrmOptions(url, { entities: [...ENTITIES], discovery: {}, pool: { min: 0, max: poolMax }, ...overrides });
}

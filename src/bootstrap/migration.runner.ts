import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { seedReferenceData } from '../core/reference/reference-data.seeder';
import { buildMigrationOrmOptions } from './migration-orm.options';

// Any constant works; it only has to be the same for every Sigap instance.
const MIGRATION_LOCK_KEY = 7_411_302;

export interface MigrationReport {
  applied: string[];
  seeded: number;
}

/**
 * Applies pending migrations and seeds reference data. Instances starting at
 * the same time queue on an advisory lock, so each migration runs once.
 *
 * @example
 * const { applied } = await migrateAndSeed('postgres://…/sigap');
 */
export async function migrateAndSeed(
  url: string,
  log: (message: string) => void = () => undefined,
): Promise<MigrationReport> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const orm = await MikroORM.init(buildMigrationOrmOptions(url, { logger: log }));
    try {
      const applied = await orm.getMigrator().up();
      const { inserted } = await seedReferenceData(orm.em.fork());
      return { applied: applied.map((m) => m.name), seeded: inserted };
    } finally {
      await orm.close(true);
    }
  } finally {
    await lock.end();
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { DISTRICT_SEED } from './district.seed';

/**
 * Inserts missing reference rows and leaves existing ones alone, so it runs
 * at every start and never undoes an admin's edit.
 *
 * @example
 * await seedReferenceData(orm.em.fork()); // safe to call any number of times
 */
export async function seedReferenceData(em: EntityManager): Promise<{ inserted: number }> {
  const rows = DISTRICT_SEED.map((d) => [d.code, d.name, d.sortOrder]);
  const values = rows.map(() => '(?, ?, ?)').join(', ');
  const result = await em.getConnection().execute<{ affectedRows: number }>(
    `INSERT INTO district (code, name, sort_order) VALUES ${values} ON CONFLICT (code) DO NOTHING`,
    rows.flat(),
    'run',
  );
  return { inserted: result.affectedRows };
}

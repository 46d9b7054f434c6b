import { Client } from 'pg';
import { migrateAndSeed } from '../../src/bootstrap/migration.runner';
import { MIGRATIONS } from '../../src/infra/database/migrations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { BOOT_TIMEOUT_MS } from '../support/timeouts';

describe('migrations and reference data', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  }, BOOT_TIMEOUT_MS);
  const fresh = async (): Promise<TestDatabase> => {
    const db = await createTestDatabase({ empty: true });
    dbs.push(db);
    return db;
  };

  it('applies every migration once and seeds once; a second run does nothing', async () => {
    const db = await fresh();
    const first = await migrateAndSeed(db.url);
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.name));
    expect(first.seeded).toBe(4);
    const second = await migrateAndSeed(db.url);
    expect(second).toEqual({ applied: [], seeded: 0 });
  }, BOOT_TIMEOUT_MS);

  it('lets instances that start together migrate one after the other', async () => {
    const db = await fresh();
    const reports = await Promise.all([migrateAndSeed(db.url), migrateAndSeed(db.url), migrateAndSeed(db.url)]);
    expect(reports.flatMap((r) => r.applied)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(reports.reduce((n, r) => n + r.seeded, 0)).toBe(4);
  }, BOOT_TIMEOUT_MS);

  it('never overwrites an admin edit of reference data', async () => {
    const db = await fresh();
    await migrateAndSeed(db.url);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`UPDATE district SET name = 'Kintamani (edited)', active = false WHERE code = 'KINTAMANI'`);
      await migrateAndSeed(db.url);
      const { rows } = await client.query(`SELECT name, active FROM district WHERE code = 'KINTAMANI'`);
      expect(rows).toEqual([{ name: 'Kintamani (edited)', active: false }]);
    } finally {
      await client.end();
    }
  }, BOOT_TIMEOUT_MS);
});

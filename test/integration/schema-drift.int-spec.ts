import { MikroORM } from '@mikro-orm/postgresql';
import { buildOrmOptions } from '../../src/bootstrap/mikro-orm.options';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { BOOT_TIMEOUT_MS } from '../support/timeouts';

// The entities are the ORM's picture of the schema; the migrations are what
// really runs. If they disagree, queries break at run time: catch it here.
describe('entities and migrations', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(buildOrmOptions(db.url, 2));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  }, BOOT_TIMEOUT_MS);

  it('describe the same schema (no pending difference after all migrations)', async () => {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    expect(diff.trim()).toBe('');
  });
});

import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '../../../src/bootstrap/app.factory';
import { loadAppConfig } from '../../../config/app.config';
import { syncOpdCatalog } from '../../../src/core/opd/application/opd-catalog.sync';
import { OpdRegistry } from '../../../src/core/opd/application/opd-registry';
import { OpdCategoryVersion } from '../../../src/core/opd/domain/opd-category-version.entity';
import { OpdCategory } from '../../../src/core/opd/domain/opd-category.entity';
import { Opd } from '../../../src/core/opd/domain/opd.entity';
import type { OpdModuleDefinition } from '../../../src/core/opd';
import { buildOrmOptions } from '../../../src/bootstrap/mikro-orm.options';
import { ENABLED_BESIDE_FIXTURE, ENABLED_WITH_FIXTURE } from '../../fixtures/opd-fixture/beside-enabled';
import { dinsosFixture } from '../../fixtures/opd-fixture/dinsos.opd';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

const T0 = new Date('2026-11-28T02:00:00Z');

describe('OPD catalog sync at boot (real PostgreSQL)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(buildOrmOptions(db.url, 4));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  }, BOOT_TIMEOUT_MS);

  const sync = (modules: readonly OpdModuleDefinition[], at = T0) => syncOpdCatalog(orm.em.fork(), new OpdRegistry(modules), at);

  it('adds every module and category once; a second boot changes nothing', async () => {
    const modules = ENABLED_WITH_FIXTURE;
    const first = await sync(modules);
    expect([...first.opds.added].sort()).toEqual(modules.map((m) => m.code).sort());
    expect([...first.categories.added].sort()).toEqual(modules.flatMap((m) => m.categories.map((c) => c.code)).sort());
    const again = await sync(modules);
    expect(again).toEqual({ opds: { added: [], changed: [], disabled: [] }, categories: { added: [], changed: [], removed: [] } });
  });

  it('versions a changed definition, keeps admin overrides, and never deletes what left the code', async () => {
    const em = orm.em.fork();
    await em.nativeUpdate(OpdCategory, { code: 'WARGA_TERLANTAR' }, { nameEnOverride: 'Abandoned person' });
    const changed: OpdModuleDefinition = {
      ...dinsosFixture,
      categories: [{ ...dinsosFixture.categories[1], keywords: { id: ['terlantar', 'lansia terlantar'], en: ['neglected'] } }],
    };
    const report = await sync([...ENABLED_BESIDE_FIXTURE, changed], new Date('2026-12-01T00:00:00Z'));
    expect(report.categories).toEqual({ added: [], changed: ['WARGA_TERLANTAR'], removed: ['BANSOS_TIDAK_TEPAT'] });

    const rows = await orm.em.fork().find(OpdCategory, { opd: 'DINSOS' }, { orderBy: { code: 'asc' } });
    expect(rows.map((r) => [r.code, r.inCode, r.version, r.nameEnOverride])).toEqual([
      ['BANSOS_TIDAK_TEPAT', false, 2, null],
      ['WARGA_TERLANTAR', true, 2, 'Abandoned person'],
    ]);
    const history = await orm.em.fork().find(OpdCategoryVersion, { categoryCode: 'BANSOS_TIDAK_TEPAT' }, { orderBy: { version: 'asc' } });
    expect(history.map((h) => [h.version, h.change])).toEqual([[1, 'CODE_SYNC'], [2, 'CODE_REMOVED']]);
  });

  it('marks a module removed from config as disabled, keeping its rows', async () => {
    const report = await sync(ENABLED_BESIDE_FIXTURE);
    expect(report.opds.disabled).toEqual(['DINSOS']);
    const dinsos = await orm.em.fork().findOneOrFail(Opd, { code: 'DINSOS' });
    expect(dinsos.inCode).toBe(false);
  });

  it('lets instances that boot together sync one after the other', async () => {
    const renamed = { ...dinsosFixture, name: { id: 'Dinas Sosial Kabupaten Bangli', en: 'Social Affairs Agency' } };
    const reports = await Promise.all([1, 2, 3].map(() => sync([...ENABLED_BESIDE_FIXTURE, renamed])));
    expect(reports.flatMap((r) => r.opds.changed)).toEqual(['DINSOS']);
  });

  it('stops the boot naming a district that does not exist', async () => {
    const typo = { ...dinsosFixture, coverage: { districts: ['KINTAMAMI'] } };
    await expect(sync([...ENABLED_BESIDE_FIXTURE, typo])).rejects.toThrow('OPD module "DINSOS": coverage.districts: "KINTAMAMI" is not a district of the regency');
  });

  it('stops the app from booting on an invalid module, naming the module and field', async () => {
    const broken = { ...dinsosFixture, categories: [{ ...dinsosFixture.categories[0], code: 'POHON_TUMBANG' }] };
    const config = loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOG_FORMAT: 'json' });
    await expect(createApp(config, db.url, { opdModules: [...ENABLED_BESIDE_FIXTURE, broken] })).rejects.toThrow(
      'OPD module "DINSOS": categories[0] (POHON_TUMBANG).code: is already a category of OPD BPBD',
    );
  });
});

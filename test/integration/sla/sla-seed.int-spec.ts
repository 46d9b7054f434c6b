import { MikroORM } from '@mikro-orm/postgresql';
import { ENABLED_OPD_MODULES } from '../../../config/opd-modules';
import { buildOrmOptions } from '../../../src/bootstrap/mikro-orm.options';
import { syncOpdCatalog } from '../../../src/core/opd/application/opd-catalog.sync';
import { OpdRegistry } from '../../../src/core/opd/application/opd-registry';
import { POLICY_LEAD_MS } from '../../../src/core/sla/application/sla-catalog';
import { CORE_POLICIES, modulePolicies, type DefaultPolicy } from '../../../src/core/sla/application/sla-defaults';
import { seedSla } from '../../../src/core/sla/application/sla-seed';
import { entityManagerSql } from '../../../src/infra/database/sql-runner';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

const T0 = new Date('2026-11-28T02:00:00Z');
const T1 = new Date('2026-12-02T02:00:00Z');

/** When each policy's newest version takes effect, by policy name. */
async function effectiveFrom(orm: MikroORM): Promise<Map<string, number>> {
  const rows = await orm.em.fork().getConnection().execute<Array<{ name: string; effective_from: string | Date }>>(
    `select p.name, v.effective_from from sla_policy p join sla_policy_version v on v.policy_id = p.id and v.version = p.version`,
  );
  return new Map(rows.map((r) => [r.name, new Date(r.effective_from).getTime()]));
}

describe('SLA seed at boot (real PostgreSQL)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(buildOrmOptions(db.url, 4));
    await syncOpdCatalog(orm.em.fork(), new OpdRegistry(ENABLED_OPD_MODULES), T0);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  }, BOOT_TIMEOUT_MS);

  const seed = (defaults: readonly DefaultPolicy[], now: Date) => orm.em.fork().transactional((tx) => seedSla(entityManagerSql(tx), defaults, now));

  it("puts a new OPD's targets in force at once, and a changed default from code one lead ahead", async () => {
    const [first, ...later] = ENABLED_OPD_MODULES;
    await seed([...CORE_POLICIES, ...later.flatMap(modulePolicies)], T0);
    const before = await effectiveFrom(orm);
    expect([...before.values()].every((t) => t === 0)).toBe(true);

    // A boot with one more module (a new OPD) and one core default changed.
    const changed = CORE_POLICIES.map((p, i) => (i === 0 ? { ...p, metrics: p.metrics.map((m) => ({ ...m, targetMinutes: m.targetMinutes + 1 })) } : p));
    const added = modulePolicies(first);
    const report = await seed([...changed, ...later.flatMap(modulePolicies), ...added], T1);
    expect(report.policiesAdded.sort()).toEqual(added.map((p) => p.name).sort());
    const after = await effectiveFrom(orm);
    for (const p of added) expect({ policy: p.name, from: after.get(p.name) }).toEqual({ policy: p.name, from: T1.getTime() });
    expect(after.get(CORE_POLICIES[0].name)).toBe(T1.getTime() + POLICY_LEAD_MS);
  });
});

import { MikroORM } from '@mikro-orm/postgresql';
import { CLAIM_DUE_CLOCKS } from '../../../src/core/sla/sweeper/sla-sweeper';
import { buildOrmOptions } from '../../../src/bootstrap/mikro-orm.options';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

// The sweep's cost must follow the due work, not the open tickets: "now" has
// to bound the scan of the partial index (an index condition), not filter it.
// With the database's clock this once regressed to a filter over every indexed
// clock: 10 s per sweep at 1M open tickets (bench:sla). Plan shape, not timing.
describe('the sweep claim query plan', () => {
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

  it.each([
    ['the database clock', null],
    ['an injected time', new Date('2026-11-28T02:00:00Z')],
  ])('bounds the partial index scan by now, with %s', async (_label, now) => {
    const explained = await orm.em.fork().transactional(async (tx) => {
      // An empty test table would make a sequential scan cheapest; the question is what bounds the index scan.
      await tx.execute('set local enable_seqscan = off');
      return tx.execute<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(`explain (format json) ${CLAIM_DUE_CLOCKS}`, [now, now, 500]);
    });
    const scan = nodes(explained[0]['QUERY PLAN'][0].Plan).find((n) => n['Index Name'] === 'ticket_sla_clock_next_fire_idx');
    expect(scan?.['Index Cond']).toMatch(/next_fire_at <=/);
    expect(scan?.Filter ?? '').not.toMatch(/next_fire_at/);
  });
});

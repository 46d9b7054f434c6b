import { OpdDirectory } from '../../../src/core/opd';
import { MikroORM } from '@mikro-orm/postgresql';
import { SlaCatalog } from '../../../src/core/sla/application/sla-catalog';
import { SlaMetrics } from '../../../src/core/sla/application/sla.metrics';
import { MetricsRegistry } from '../../../src/infra/metrics/metrics.registry';
import { SlaSweeper, SweepResult } from '../../../src/core/sla/sweeper/sla-sweeper';
import { TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import { buildOrmOptions } from '../../../src/bootstrap/mikro-orm.options';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { createTicket, prepareCatalog } from '../tickets/support';
import { categoryOf, HOUR, triage } from './sla-support';

const TICKETS = 1000;
// Each emergency has two clocks due by then (triage 5 min, on site 2 h), four thresholds each.
const THRESHOLDS_PER_TICKET = 8;

async function drain(sweeper: SlaSweeper, now: Date): Promise<SweepResult[]> {
  const results: SweepResult[] = [];
  for (;;) {
    const result = await sweeper.sweepOnce(now, 100);
    results.push(result);
    if (result.claimed === 0) return results;
  }
}

describe('two sweepers with their own connection pools', () => {
  let t: TestApp;
  let other: MikroORM;
  const T0 = new Date('2026-11-28T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock(T0));
    other = await MikroORM.init(buildOrmOptions(t.db.url, 4));
    await prepareCatalog(t);
  }, 120_000);
  afterAll(async () => {
    await other.close(true);
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it(`record each of ${TICKETS * THRESHOLDS_PER_TICKET} thresholds falling due at once exactly once, while tickets change`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < TICKETS; i += 20) {
      ids.push(...(await Promise.all(Array.from({ length: 20 }, () => createTicket(t, TicketKind.EMERGENCY)))));
    }
    const category = await categoryOf(t, 'BPBD', 'EMERGENCY');
    t.clock.set(new Date(T0.getTime() + 3 * HOUR));
    const now = t.clock.now();

    const mine = t.app.get(SlaSweeper);
    // Another instance: its own metrics, as another process would have.
    const theirMetrics = new SlaMetrics(new MetricsRegistry({ processMetrics: false }));
    const theirs = new SlaSweeper(other.em, new SlaCatalog(t.clock, new OpdDirectory(other.em)), theirMetrics);
    // Triaging stops the triage clocks and moves the on-site ones to BPBD's policy while the sweeps run;
    // every threshold it passed before the triage must still be recorded, once.
    const [a, b] = await Promise.all([
      drain(mine, now),
      drain(theirs, now),
      (async () => {
        for (const id of ids.slice(0, 100)) await triage(t, id, category);
      })(),
    ]);

    const sql = t.app.get(MikroORM).em.getConnection();
    const [counts] = await sql.execute<Array<{ escalations: string; distinct_keys: string; messages: string }>>(
      `select (select count(*) from sla_escalation) as escalations,
              (select count(distinct (ticket_id, metric, cycle, threshold_pct)) from sla_escalation) as distinct_keys,
              (select count(*) from outbox_message where topic like 'sla.%') as messages`,
    );
    const recorded = (runs: SweepResult[]) => runs.reduce((n, r) => n + r.recorded, 0);
    expect(Number(counts.escalations)).toBe(TICKETS * THRESHOLDS_PER_TICKET);
    expect(Number(counts.distinct_keys)).toBe(TICKETS * THRESHOLDS_PER_TICKET);
    expect(Number(counts.messages)).toBe(TICKETS * THRESHOLDS_PER_TICKET);
    expect(recorded(a) + recorded(b)).toBe(TICKETS * THRESHOLDS_PER_TICKET);
    // Both took part: the claims really were shared, not serialised behind one lock.
    expect(recorded(a)).toBeGreaterThan(0);
    expect(recorded(b)).toBeGreaterThan(0);
    // The counters agree: each instance counted what it inserted, so together every threshold once.
    const counted = async (m: SlaMetrics) =>
      [...(await m.warnings.get()).values, ...(await m.breaches.get()).values].reduce((n, v) => n + v.value, 0);
    expect(await counted(t.app.get(SlaMetrics))).toBe(recorded(a));
    expect(await counted(theirMetrics)).toBe(recorded(b));
    const [left] = await sql.execute<Array<{ due: string }>>('select count(*) as due from ticket_sla_clock where next_fire_at <= ?', [now]);
    expect(Number(left.due)).toBe(0);
  }, 180_000);
});

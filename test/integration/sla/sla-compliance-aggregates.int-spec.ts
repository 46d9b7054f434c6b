import { EntityManager } from '@mikro-orm/postgresql';
import { SlaCompliance } from '../../../src/core/sla/application/sla-compliance';
import { SlaComplianceFolder } from '../../../src/core/sla/application/sla-compliance.folder';
import { SLA_ELAPSED_BUCKET_MS } from '../../../src/core/sla/domain/sla-compliance-tally';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

// slaCompliance reads aggregates kept by triggers (migration read_paths). Here random clocks are
// written, changed and deleted the way the clock writer and the sweeper change them, folded at random
// moments, and the report over random periods must equal the scan of every clock (the oracle), and
// its counts must equal those of the report's original single query.

const DAY = 86_400_000;
const T0 = Date.parse('2026-10-01T00:00:00Z');
const OPDS = ['BPBD', 'DINKES', null] as const;
const METRICS = ['TRIAGE', 'ACKNOWLEDGE', 'ON_SITE', 'RESOLVE'];
const STATUSES = ['PENDING', 'RUNNING', 'PAUSED', 'STOPPED', 'CANCELLED', 'NOT_APPLICABLE'];

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORIGINAL_COUNTS = `
  with c as (
    select metric,
           case when status = 'STOPPED' and breached_at is null then 'MET'
                when breached_at is not null or (status = 'RUNNING' and due_at <= ?) then 'BREACHED' else 'OPEN' end as outcome
      from ticket_sla_clock
     where reported_at >= ? and reported_at < ? and status in ('RUNNING', 'PAUSED', 'STOPPED')
       and (cast(? as text) is null or opd_code = ?))
  select metric, count(*)::int as total, (count(*) filter (where outcome = 'MET'))::int as met,
         (count(*) filter (where outcome = 'BREACHED'))::int as breached, (count(*) filter (where outcome = 'OPEN'))::int as open
    from c group by metric`;

describe('slaCompliance from aggregates equals the scan of every clock', () => {
  let t: TestApp;
  let sql: ReturnType<EntityManager['getConnection']>;
  let compliance: SlaCompliance;

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock(new Date(T0 + 10 * DAY)));
    sql = t.app.get(EntityManager).getConnection();
    compliance = t.app.get(SlaCompliance);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);

  it('cuts buckets in SQL where the domain says', async () => {
    const edges = JSON.stringify(SLA_ELAPSED_BUCKET_MS);
    const rows = await sql.execute<Array<{ below: number; at: number }>>(
      `select sla_elapsed_bucket(e - 1) as below, sla_elapsed_bucket(e) as at from jsonb_array_elements_text(cast(? as jsonb)) j, cast(j.value as bigint) e`,
      [edges],
    );
    expect(rows.map((r) => [r.below, r.at])).toEqual(SLA_ELAPSED_BUCKET_MS.map((_, i) => [i + 1, i + 2]));
  });

  it('over random clocks, changes, deletions, folds and periods', async () => {
    const random = rng(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const ticketIds: string[] = [];
    const at = (ms: number): string => new Date(ms).toISOString();
    const randomTime = (): number => T0 + Math.floor(random() * 8 * DAY);
    const elapsed = (): number => (random() < 0.15 ? 0 : random() < 0.2 ? pick(SLA_ELAPSED_BUCKET_MS) : Math.floor(random() * 3 * DAY));

    for (let round = 0; round < 6; round++) {
      // New tickets with clocks in every status.
      for (let i = 0; i < 40; i++) {
        const reported = randomTime();
        const [{ id }] = await sql.execute<Array<{ id: string }>>(
          `insert into ticket (id, number, kind, priority, state, field_response, channel, description, description_language, reported_at, created_at, updated_at, created_by, sla_next_due_at)
           values (gen_random_uuid(), ?, 'COMPLAINT', 'NORMAL', 'NEW', false, 'PHONE', 'uji', 'id', ?, ?, ?, 'test', '2199-12-31T00:00:00Z') returning id`,
          [`CMP-${round}-${i}`, at(reported), at(reported), at(reported)],
        );
        ticketIds.push(id);
        const opd = pick(OPDS);
        for (const metric of METRICS) {
          if (random() < 0.2) continue;
          const status = pick(STATUSES);
          const due = reported + Math.floor(random() * 2 * DAY);
          await sql.execute(
            `insert into ticket_sla_clock (ticket_id, metric, cycle, status, calendar_code, target_minutes, elapsed_ms, due_at, breached_at, thresholds, opd_code, reported_at, updated_at)
             values (?, ?, 1, ?, '24x7', 60, ?, ?, ?, '[]', ?, ?, ?)`,
            [id, metric, status, status === 'STOPPED' ? elapsed() : 0, at(due), random() < 0.3 ? at(due) : null, opd, at(reported), at(reported)],
          );
        }
      }
      // Changes as commands and the sweeper make them: stop, breach, reopen, move to another OPD; and deletions.
      const clocks = await sql.execute<Array<{ ticket_id: string; metric: string; status: string }>>('select ticket_id, metric, status from ticket_sla_clock');
      for (const c of clocks) {
        const r = random();
        if (r < 0.1 && c.status !== 'STOPPED') {
          await sql.execute(`update ticket_sla_clock set status = 'STOPPED', elapsed_ms = ? where ticket_id = ? and metric = ?`, [elapsed(), c.ticket_id, c.metric]);
        } else if (r < 0.18 && (c.status === 'RUNNING' || c.status === 'PAUSED')) {
          await sql.execute(`update ticket_sla_clock set breached_at = due_at where ticket_id = ? and metric = ?`, [c.ticket_id, c.metric]);
        } else if (r < 0.22 && c.status === 'STOPPED') {
          await sql.execute(`update ticket_sla_clock set status = 'RUNNING', cycle = cycle + 1, breached_at = null, elapsed_ms = 0 where ticket_id = ? and metric = ?`, [c.ticket_id, c.metric]);
        } else if (r < 0.25) {
          await sql.execute(`update ticket_sla_clock set opd_code = ? where ticket_id = ? and metric = ?`, [pick(OPDS), c.ticket_id, c.metric]);
        } else if (r < 0.27) {
          await sql.execute(`update ticket_sla_clock set status = 'PAUSED' where ticket_id = ? and metric = ? and status = 'RUNNING'`, [c.ticket_id, c.metric]);
        }
      }
      if (ticketIds.length > 10 && random() < 0.7) {
        await sql.execute('delete from ticket where id = ?', [ticketIds.splice(Math.floor(random() * ticketIds.length), 1)[0]]);
      }
      if (random() < 0.6) await t.app.get(SlaComplianceFolder).foldOnce();

      for (let q = 0; q < 15; q++) {
        let from = T0 - DAY + Math.floor(random() * 6 * DAY);
        // Whole local days, partial ones, and periods shorter than a day.
        let to = from + (q % 3 === 0 ? Math.floor(random() * DAY) : Math.floor(random() * 6 * DAY) + 1);
        // And periods holding the whole of October (the month rows) with days on either side.
        if (q >= 12) [from, to] = [T0 - Math.floor(random() * 12 * DAY), T0 + 31 * DAY + Math.floor(random() * 10 * DAY)];
        const query = { from: new Date(from), to: new Date(to), ...(random() < 0.5 && { opdCode: pick(['BPBD', 'DINKES']) }) };
        const now = new Date(T0 + Math.floor(random() * 10 * DAY));
        const fast = await compliance.report(query, now);
        expect(fast).toEqual(await compliance.reportByScan(query, now));
        const original = await sql.execute<Array<{ metric: string; total: number; met: number; breached: number; open: number }>>(
          ORIGINAL_COUNTS,
          [now, query.from, query.to, query.opdCode ?? null, query.opdCode ?? null],
        );
        for (const m of fast) {
          const o = original.find((r) => r.metric === m.metric) ?? { total: 0, met: 0, breached: 0, open: 0 };
          expect({ metric: m.metric, total: m.total, met: m.met, breached: m.breached, open: m.open }).toEqual({ metric: m.metric, total: o.total, met: o.met, breached: o.breached, open: o.open });
        }
      }
    }
    // Whole local days (WITA midnights): served from the aggregates alone, still equal.
    const midnight = Date.parse('2026-10-02T16:00:00Z');
    const whole = { from: new Date(midnight), to: new Date(midnight + 4 * DAY) };
    expect(await compliance.report(whole, new Date(T0 + 9 * DAY))).toEqual(await compliance.reportByScan(whole, new Date(T0 + 9 * DAY)));
    // A rebuild from the clocks gives the same day rows as the triggers' deltas folded.
    await t.app.get(SlaComplianceFolder).foldOnce();
    for (const table of ['sla_compliance_day', 'sla_compliance_month']) {
      const before = await sql.execute(`select * from ${table} where met + breached_stopped + breached_running > 0 or hist <> array_fill(0, array[32]) order by 1, 2, 3`);
      expect(before.length).toBeGreaterThan(0);
      await sql.execute('select sla_compliance_rebuild()');
      const after = await sql.execute(`select * from ${table} order by 1, 2, 3`);
      expect(after).toEqual(before);
    }
  }, 300_000);
});

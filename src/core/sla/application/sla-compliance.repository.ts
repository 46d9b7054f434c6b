import { DateTime } from 'luxon';
import type { SqlRunner } from '../../../infra/database/sql-runner';
import { ComplianceTally, SLA_BUCKETS } from '../domain/sla-compliance-tally';

/** Which clocks a report part covers: tickets reported in [from, to), optionally one OPD and category. */
export interface ComplianceScope {
  readonly opdCode: string | null;
  readonly categoryCode: string | null;
}

type Tallies = Map<string, Partial<ComplianceTally>>;

const HIST_SUMS = Array.from({ length: SLA_BUCKETS }, (_, i) => `coalesce(sum(hist[${i + 1}]), 0)::int as h${i + 1}`).join(', ');

const n = (value: unknown): number => Number(value ?? 0);

/**
 * Every clock of the period read one by one: the report's definition, used
 * for the partial days at a period's ends (at most a day's clocks each), for
 * category reports (the aggregates are per OPD), and by the tests as the
 * oracle the aggregates must match.
 */
export async function scanTallies(sql: SqlRunner, from: Date, to: Date, scope: ComplianceScope, now: Date): Promise<Tallies> {
  const where = `reported_at >= ? and reported_at < ? and status in ('RUNNING', 'PAUSED', 'STOPPED')
                 and (cast(? as text) is null or opd_code = ?) and (cast(? as text) is null or category_code = ?)`;
  const params = [from, to, scope.opdCode, scope.opdCode, scope.categoryCode, scope.categoryCode];
  const counts = await sql.query<Record<string, unknown>>(
    `select metric,
            count(*) filter (where status = 'STOPPED' and breached_at is null) as met,
            count(*) filter (where status = 'STOPPED' and breached_at is not null) as breached_stopped,
            count(*) filter (where status <> 'STOPPED' and breached_at is not null) as breached_running,
            count(*) filter (where status = 'RUNNING' and breached_at is null and due_at <= ?) as overdue,
            count(*) filter (where status <> 'STOPPED' and breached_at is null and not coalesce(status = 'RUNNING' and due_at <= ?, false)) as open
       from ticket_sla_clock where ${where} group by metric`,
    [now, now, ...params],
  );
  const buckets = await sql.query<{ metric: string; bucket: number; count: string }>(
    `select metric, sla_elapsed_bucket(elapsed_ms) as bucket, count(*) as count
       from ticket_sla_clock where ${where} and status = 'STOPPED' group by 1, 2`,
    params,
  );
  const result: Tallies = new Map();
  for (const r of counts) {
    result.set(r.metric as string, { met: n(r.met), breachedStopped: n(r.breached_stopped), breachedRunning: n(r.breached_running), overdue: n(r.overdue), open: n(r.open) });
  }
  for (const b of buckets) {
    const tally = result.get(b.metric) ?? {};
    tally.hist ??= new Array<number>(SLA_BUCKETS).fill(0);
    tally.hist[b.bucket - 1] += n(b.count);
    result.set(b.metric, tally);
  }
  return result;
}

/**
 * Whole local days [fromDay, toDay) from the aggregates: the folded day rows,
 * the deltas not folded yet, and the running clocks without a breach, counted
 * live from their partial index (a set the size of the work within its
 * target, not of the history).
 */
export async function aggregateTallies(sql: SqlRunner, fromDay: string, toDay: string, from: Date, to: Date, opdCode: string | null, now: Date): Promise<Tallies> {
  const opd = `(cast(? as text) is null or opd_code = ?)`;
  // Whole calendar months inside the days come from the month rows, the days around them from the day rows.
  const { months, before, after } = splitMonths(fromDay, toDay);
  const days = await sql.query<Record<string, unknown>>(
    `select metric, sum(met)::int as met, sum(breached_stopped)::int as breached_stopped, sum(breached_running)::int as breached_running, ${HIST_SUMS}
       from (select metric, met, breached_stopped, breached_running, hist from sla_compliance_day
              where ((day >= cast(? as date) and day < cast(? as date)) or (day >= cast(? as date) and day < cast(? as date))) and ${opd}
             union all
             select metric, met, breached_stopped, breached_running, hist from sla_compliance_month
              where month >= cast(? as date) and month < cast(? as date) and ${opd}) a
      group by metric`,
    [before[0], before[1], after[0], after[1], opdCode, opdCode, months[0], months[1], opdCode, opdCode],
  );
  const deltas = await sql.query<Record<string, unknown>>(
    `select metric, bucket, sum(met)::int as met, sum(breached_stopped)::int as breached_stopped, sum(breached_running)::int as breached_running, sum(hist_sign)::int as hist
       from sla_compliance_delta where day >= cast(? as date) and day < cast(? as date) and ${opd} group by metric, bucket`,
    [fromDay, toDay, opdCode, opdCode],
  );
  const live = await sql.query<Record<string, unknown>>(
    `select metric, count(*) filter (where status = 'RUNNING' and due_at <= ?) as overdue,
            count(*) filter (where not coalesce(status = 'RUNNING' and due_at <= ?, false)) as open
       from ticket_sla_clock
      where status in ('RUNNING', 'PAUSED') and breached_at is null and reported_at >= ? and reported_at < ? and ${opd}
      group by metric`,
    [now, now, from, to, opdCode, opdCode],
  );
  const result: Tallies = new Map();
  const at = (metric: string): Partial<ComplianceTally> & { hist: number[] } => {
    const tally = result.get(metric) ?? {};
    tally.hist ??= new Array<number>(SLA_BUCKETS).fill(0);
    result.set(metric, tally);
    return tally as Partial<ComplianceTally> & { hist: number[] };
  };
  for (const r of days) {
    const t = at(r.metric as string);
    t.met = (t.met ?? 0) + n(r.met);
    t.breachedStopped = (t.breachedStopped ?? 0) + n(r.breached_stopped);
    t.breachedRunning = (t.breachedRunning ?? 0) + n(r.breached_running);
    for (let i = 0; i < SLA_BUCKETS; i++) t.hist[i] += n(r[`h${i + 1}`]);
  }
  for (const r of deltas) {
    const t = at(r.metric as string);
    t.met = (t.met ?? 0) + n(r.met);
    t.breachedStopped = (t.breachedStopped ?? 0) + n(r.breached_stopped);
    t.breachedRunning = (t.breachedRunning ?? 0) + n(r.breached_running);
    if (r.bucket !== null) t.hist[n(r.bucket) - 1] += n(r.hist);
  }
  for (const r of live) {
    const t = at(r.metric as string);
    t.overdue = (t.overdue ?? 0) + n(r.overdue);
    t.open = (t.open ?? 0) + n(r.open);
  }
  return result;
}

type DayRange = readonly [string, string];

/**
 * [fromDay, toDay) as the whole calendar months inside it and the days before
 * and after them (empty ranges are [x, x)). Days are ISO dates.
 */
export function splitMonths(fromDay: string, toDay: string): { months: DayRange; before: DayRange; after: DayRange } {
  const from = DateTime.fromISO(fromDay, { zone: 'UTC' });
  const to = DateTime.fromISO(toDay, { zone: 'UTC' });
  const firstMonth = from.day === 1 ? from : from.startOf('month').plus({ months: 1 });
  const lastMonth = to.startOf('month');
  if (firstMonth >= lastMonth) return { months: [fromDay, fromDay], before: [fromDay, toDay], after: [toDay, toDay] };
  const iso = (d: DateTime): string => d.toISODate()!;
  return { months: [iso(firstMonth), iso(lastMonth)], before: [fromDay, iso(firstMonth)], after: [iso(lastMonth), toDay] };
}

/** Folds the triggers' deltas into the day rows; 0 when another instance is folding. */
export async function foldComplianceDeltas(sql: SqlRunner): Promise<number> {
  const rows = await sql.query<{ moved: number }>('select sla_compliance_fold() as moved');
  return Number(rows[0]?.moved ?? 0);
}

/**
 * Part A of bench:sla: what one SlaSweeper.sweepOnce costs as the number of
 * open tickets grows. Synthetic open tickets and their clocks are
 * bulk-inserted with generate_series (every clock due weeks ahead), and a
 * fixed set of TRIAGE clocks is made due again before each measured sweep.
 */
import { OpdDirectory } from '../../src/core/opd';
import { MikroORM } from '@mikro-orm/postgresql';
import { performance } from 'node:perf_hooks';
import * as pg from 'pg';
import { SlaCatalog } from '../../src/core/sla/application/sla-catalog';
import { SlaSweeper } from '../../src/core/sla/sweeper/sla-sweeper';
import { SlaMetrics } from '../../src/core/sla/application/sla.metrics';
import { MetricsRegistry } from '../../src/infra/metrics/metrics.registry';
import { buildOrmOptions } from '../../src/bootstrap/mikro-orm.options';
import { percentile } from './stats';

const CHUNK = 50_000;
const WARMUP = 3;
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (expr: string): string => `to_char((${expr}) at time zone 'UTC', ${ISO})`;

/** Open tickets (kinds in turn) with three clocks each: TRIAGE and ON_SITE running, due weeks ahead; ACKNOWLEDGE pending. */
const INSERT_CHUNK = `
with t as (
  insert into ticket (id, number, kind, priority, state, field_response, channel, description, description_language,
                      location_district, reported_at, created_at, updated_at, created_by, sla_next_due_at)
  select gen_random_uuid(), 'SWP-' || lpad(g::text, 8, '0'), (array['EMERGENCY', 'COMPLAINT', 'INFORMATION'])[1 + g % 3],
         case g % 3 when 0 then 'URGENT' else 'NORMAL' end, 'NEW', g % 3 = 0, 'PHONE',
         'Laporan sintetis ' || g || ': jalan berlubang di depan balai banjar', 'id', 'KINTAMANI',
         now() - interval '1 hour', now(), now(), 'sla-bench',
         -- The DUE_SOONEST order key; the sweeper never reads it, so it stays at "no running clock".
         '2199-12-31T00:00:00Z'
    from generate_series($1::int, $2::int) g
  returning id, reported_at, kind, priority
), s as (
  -- The SLA timeline beside the clocks, as the clock writer keeps it: the sweep reads the ticket's kind from it.
  insert into ticket_sla (ticket_id, timeline, seq, updated_at)
  select id, jsonb_build_object('seq', 1, 'pinnedAt', ${iso('reported_at')}, 'states', jsonb_build_array(jsonb_build_object('state', 'NEW', 'at', ${iso('reported_at')})),
           'milestones', jsonb_build_object('REPORTED', jsonb_build_object('at', ${iso('reported_at')}, 'cycle', 1)), 'cycles', jsonb_build_object('REPORTED', 1), 'reaches', '{}'::jsonb,
           'context', jsonb_build_object('kind', kind, 'priority', priority, 'categoryCode', null, 'opdCode', null, 'reportedAt', ${iso('reported_at')})),
         1, now()
    from t
), c as (
  select t.id, t.reported_at as r, m.metric, m.metric = 'ACKNOWLEDGE' as pending,
         now() + interval '2 hours' + random() * interval '30 days' as due
    from t cross join (values ('TRIAGE'), ('ACKNOWLEDGE'), ('ON_SITE')) as m(metric)
)
insert into ticket_sla_clock (ticket_id, metric, cycle, status, calendar_code, target_minutes, started_at, elapsed_ms,
                              running_since, due_at, thresholds, reported_at, fired_pct, next_fire_at, updated_at)
select id, metric, case when pending then 0 else 1 end, case when pending then 'PENDING' else 'RUNNING' end, '24x7',
       case when pending then 15 else ceil(extract(epoch from due - r) / 60)::int end,
       case when pending then null else r end, 0, case when pending then null else r end,
       case when pending then null else due end,
       case when pending then '[]'::jsonb else jsonb_build_array(
         jsonb_build_object('pct', 50, 'at', ${iso('r + (due - r) * 0.5')}),
         jsonb_build_object('pct', 75, 'at', ${iso('r + (due - r) * 0.75')}),
         jsonb_build_object('pct', 90, 'at', ${iso('r + (due - r) * 0.9')}),
         jsonb_build_object('pct', 100, 'at', ${iso('due')})) end,
       r, 0, case when pending then null else r + (due - r) * 0.5 end, now()
  from c`;

/** The first `$1` clocks of the due set: TRIAGE at 90 % fired, breach one second ago (one escalation each). */
const REARM = `
update ticket_sla_clock c
   set fired_pct = 90, next_fire_at = n.due, due_at = n.due, updated_at = n.due,
       thresholds = jsonb_build_array(
         jsonb_build_object('pct', 50, 'at', ${iso("n.due - interval '150 seconds'")}),
         jsonb_build_object('pct', 75, 'at', ${iso("n.due - interval '75 seconds'")}),
         jsonb_build_object('pct', 90, 'at', ${iso("n.due - interval '30 seconds'")}),
         jsonb_build_object('pct', 100, 'at', ${iso('n.due')}))
  from (select clock_timestamp() - interval '1 second' as due) n, sla_bench_due d
 where d.ord <= $1 and c.ticket_id = d.ticket_id and c.metric = 'TRIAGE'`;

export interface SweepSeries {
  readonly label: string;
  /** Milliseconds per measured call. */
  readonly samples: number[];
  readonly claimed: number;
}

export interface SweepMeasurement {
  readonly open: number;
  readonly clockRows: number;
  readonly indexedRows: number;
  readonly indexMb: number;
  readonly clockTableMb: number;
  readonly series: SweepSeries[];
}

export interface ClaimPlan {
  readonly sql: string;
  readonly plan: string[];
  /** The same query with clock_timestamp() replaced by now() (stable): what an index bound looks like. Diagnostic only. */
  readonly stablePlan: string[] | null;
}

export const median = (xs: readonly number[]): number => percentile(Float64Array.from(xs).sort(), 50);
export const p90 = (xs: readonly number[]): number => percentile(Float64Array.from(xs).sort(), 90);

/** Drives the real SlaSweeper against a database of synthetic open tickets. */
export class SweepCostBench {
  private open = 0;

  private constructor(
    private readonly orm: MikroORM,
    private readonly client: pg.Client,
    private readonly sweeper: SlaSweeper,
    private readonly dueSetSize: number,
  ) {}

  static async connect(url: string, dueSetSize: number): Promise<SweepCostBench> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const orm = await MikroORM.init(buildOrmOptions(url, 2));
      const sweeper = new SlaSweeper(orm.em, new SlaCatalog({ now: () => new Date() }, new OpdDirectory(orm.em)), new SlaMetrics(new MetricsRegistry({ processMetrics: false })));
      return new SweepCostBench(orm, client, sweeper, dueSetSize);
    } catch (error) {
      await client.end();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.orm.close(true).catch(() => undefined);
    await this.client.end();
  }

  /** Inserts open tickets until there are `target`; the first ones become the due set. */
  async grow(target: number, log: (line: string) => void): Promise<void> {
    const started = performance.now();
    let chunks = 0;
    for (let from = this.open + 1; from <= target; from += CHUNK) {
      const to = Math.min(target, from + CHUNK - 1);
      await this.client.query(INSERT_CHUNK, [from, to]);
      this.open = to;
      if (target - this.open > 0 && ++chunks % 4 === 0) {
        log(`  … ${this.open.toLocaleString('en')} open tickets (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
    if ((await this.client.query(`select to_regclass('sla_bench_due') as t`)).rows[0].t === null) {
      await this.client.query(`create table sla_bench_due (ord int primary key, ticket_id uuid not null)`);
      await this.client.query(
        `insert into sla_bench_due select row_number() over (order by number), id from ticket where number like 'SWP-%' order by number limit $1`,
        [this.dueSetSize],
      );
    }
    log(`  ${this.open.toLocaleString('en')} open tickets inserted in ${((performance.now() - started) / 1000).toFixed(1)} s; VACUUM ANALYZE`);
    await this.client.query('VACUUM (ANALYZE) ticket, ticket_sla_clock, sla_escalation, outbox_message');
  }

  /** Measured sweeps: `full` due clocks, `partial` due clocks, nothing due, and nextDue(). */
  async measure(full: number, partial: number, batch: number, reps: number): Promise<SweepMeasurement> {
    const sizes = (
      await this.client.query(
        `select (select count(*) from ticket_sla_clock)::int as clocks,
                (select count(*) from ticket_sla_clock where next_fire_at is not null)::int as indexed,
                pg_relation_size('ticket_sla_clock_next_fire_idx') / 1048576.0 as index_mb,
                pg_total_relation_size('ticket_sla_clock') / 1048576.0 as table_mb`,
      )
    ).rows[0];
    const series: SweepSeries[] = [];
    for (const [label, due] of [
      [`sweep, ${full} due (batch ${batch})`, full],
      [`sweep, ${partial} due`, partial],
    ] as const) {
      const samples: number[] = [];
      const expected = Math.min(due, batch);
      for (let rep = 0; rep < WARMUP + reps; rep++) {
        await this.rearm(due);
        const t0 = performance.now();
        const result = await this.sweeper.sweepOnce(null, batch);
        const took = performance.now() - t0;
        if (result.claimed !== expected || result.recorded !== expected) {
          throw new Error(`${label}: the sweep claimed ${result.claimed} and recorded ${result.recorded}, expected ${expected} each`);
        }
        if (rep >= WARMUP) samples.push(took);
      }
      series.push({ label, samples, claimed: expected });
    }
    const idle: number[] = [];
    const nextDue: number[] = [];
    await this.rearm(0);
    for (let rep = 0; rep < WARMUP + reps; rep++) {
      const t0 = performance.now();
      const result = await this.sweeper.sweepOnce(null, batch);
      const t1 = performance.now();
      await this.sweeper.nextDue(null);
      const t2 = performance.now();
      if (result.claimed !== 0) throw new Error(`idle sweep claimed ${result.claimed} clock(s), expected none`);
      if (rep >= WARMUP) {
        idle.push(t1 - t0);
        nextDue.push(t2 - t1);
      }
    }
    series.push({ label: 'sweep, nothing due (idle tick)', samples: idle, claimed: 0 });
    series.push({ label: 'nextDue() (precise timer)', samples: nextDue, claimed: 0 });
    return {
      open: this.open,
      clockRows: sizes.clocks,
      indexedRows: sizes.indexed,
      indexMb: Number(sizes.index_mb),
      clockTableMb: Number(sizes.table_mb),
      series,
    };
  }

  /** EXPLAIN (ANALYZE, BUFFERS) of the claim statement exactly as the sweeper sends it, `due` clocks due. */
  async explainClaim(due: number, batch: number): Promise<ClaimPlan> {
    await this.rearm(due);
    const captured = await captureClaim(() => this.sweeper.sweepOnce(null, batch));
    if (!captured) throw new Error('Could not capture the claim statement (no "skip locked" select was sent)');
    await this.rearm(due);
    const explain = async (text: string): Promise<string[]> => {
      await this.client.query('BEGIN');
      try {
        const { rows } = await this.client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, captured.values);
        return rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      } finally {
        await this.client.query('ROLLBACK');
      }
    };
    const plan = await explain(captured.text);
    const stableText = captured.text.replace(/clock_timestamp\(\)/g, 'now()');
    const stablePlan = stableText === captured.text ? null : await explain(stableText);
    return { sql: captured.text, plan, stablePlan };
  }

  /** Clears what earlier sweeps recorded for the due set and makes its first `count` clocks due. */
  private async rearm(count: number): Promise<void> {
    await this.client.query(`delete from sla_escalation where ticket_id in (select ticket_id from sla_bench_due)`);
    await this.client.query(
      `delete from outbox_message where topic like 'sla.%' and aggregate_id in (select ticket_id from sla_bench_due)`,
    );
    if (count > 0) await this.client.query(REARM, [count]);
  }
}

/** The claim statement as sent through pg (text and values), captured while `run` sweeps. */
async function captureClaim(run: () => Promise<unknown>): Promise<{ text: string; values: unknown[] } | null> {
  type Query = (this: pg.Client, ...args: unknown[]) => unknown;
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const seen: Array<{ text: string; values: unknown[] }> = [];
  proto.query = function capturingQuery(this: pg.Client, ...args: unknown[]): unknown {
    const [config, values] = args;
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    if (typeof text === 'string') {
      const params = Array.isArray(values) ? values : ((config as { values?: unknown[] } | null)?.values ?? []);
      seen.push({ text, values: params });
    }
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return seen.find((s) => /skip\s+locked/i.test(s.text) && /ticket_sla_clock/i.test(s.text)) ?? null;
}

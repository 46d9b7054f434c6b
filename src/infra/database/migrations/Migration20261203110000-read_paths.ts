import { Migration } from '@mikro-orm/migrations';

// Read paths that stay flat as history grows (issue 17).
//
// 1. Partial indexes over open tickets (the small, hot subset the screens poll), in the same literal
//    open-state list as migration caller_lookup (the queries repeat it, see OPEN_STATE_SQL), and one
//    index for "a district over a time window" that replaces the district-only index.
// 2. slaCompliance from aggregates: a clock contributes to them once it can no longer change its
//    outcome by time alone, i.e. once it stopped (met or breached) or recorded a breach while running.
//    A running clock that has not breached is counted live from a partial index that holds only
//    those (a bounded set: clocks inside their target). Triggers append deltas to
//    sla_compliance_delta without locking anything shared (so concurrent commands, the sweeper and
//    the intake never wait on one another, and no two transactions can deadlock on a counter row);
//    sla_compliance_fold() moves the deltas into sla_compliance_day (one row per local day, OPD and
//    metric, and the same per month) from a scheduled job. The report adds both tables.
const OPEN = `"state" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'RETURNED', 'ON_HOLD')`;

/** Business-minute bucket edges (in ms) of the compliance histogram; see SLA_ELAPSED_BUCKET_MS in the SLA domain. */
export const BUCKET_EDGES_MS = [
  1, 1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320, 5760, 7200, 10080,
  14400, 20160, 30240, 43200,
].map((minutes, i) => (i === 0 ? 1 : minutes * 60_000));

/**
 * The CTEs of sla_compliance_fold() that add the deleted deltas (`gone`) into one aggregate table:
 * per key (the day, or its month), OPD and metric, the counts and the histogram.
 */
function foldInto(name: string, table: string, column: string, key: string): string {
  return `${name}_bucket as (
          select ${key} as k, opd_code, metric, bucket, sum(hist_sign)::int as n from gone where bucket is not null group by 1, 2, 3, 4
        ),
        ${name}_hist as (
          select k, opd_code, metric, array_agg(n order by i) as h from (
            select g.k, g.opd_code, g.metric, b.i, coalesce(p.n, 0) as n
              from (select distinct ${key} as k, opd_code, metric from gone) g
              cross join generate_series(1, ${BUCKET_EDGES_MS.length + 1}) b(i)
              left join ${name}_bucket p on p.k = g.k and p.opd_code = g.opd_code and p.metric = g.metric and p.bucket = b.i) x
           group by 1, 2, 3
        ),
        ${name}_sums as (
          select ${key} as k, opd_code, metric, sum(met)::int as met, sum(breached_stopped)::int as bs, sum(breached_running)::int as br, count(*) as n
            from gone group by 1, 2, 3
        ),
        ${name}_ins as (
          insert into ${table} as d (${column}, opd_code, metric, met, breached_stopped, breached_running, hist)
          select s.k, s.opd_code, s.metric, s.met, s.bs, s.br, h.h from ${name}_sums s join ${name}_hist h using (k, opd_code, metric)
          on conflict (${column}, opd_code, metric) do update
            set met = d.met + excluded.met, breached_stopped = d.breached_stopped + excluded.breached_stopped,
                breached_running = d.breached_running + excluded.breached_running,
                hist = (select array_agg(a + b order by i) from unnest(d.hist, excluded.hist) with ordinality as u(a, b, i))
          returning 1
        )`;
}

export class Migration20261203110000_read_paths extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "ticket_open_reported_idx" on "ticket" ("reported_at", "id") where ${OPEN};`);
    this.addSql(`create index "ticket_open_kind_idx" on "ticket" ("kind", "reported_at", "id") where ${OPEN};`);
    this.addSql(`create index "ticket_open_opd_idx" on "ticket" ("opd_code", "reported_at", "id") where ${OPEN};`);
    this.addSql(`create index "ticket_open_due_idx" on "ticket" ("sla_next_due_at", "id") where ${OPEN};`);
    this.addSql(`create index "ticket_district_reported_idx" on "ticket" ("location_district", "reported_at", "id");`);
    this.addSql(`drop index if exists "ticket_district_idx";`);

    // Running or paused clocks without a recorded breach: the only clocks the report counts live.
    this.addSql(`create index "ticket_sla_clock_live_idx" on "ticket_sla_clock" ("reported_at", "opd_code", "metric", "status", "due_at") where "status" in ('RUNNING', 'PAUSED') and "breached_at" is null;`);

    // The SLA board: running and paused clocks in due order (the board reads the first 500 that qualify).
    this.addSql(`create index "ticket_sla_clock_board_idx" on "ticket_sla_clock" ("due_at", "ticket_id", "metric") where "status" in ('RUNNING', 'PAUSED');`);

    this.addSql(`create table "sla_compliance_day" ("day" date not null, "opd_code" text not null, "metric" text not null, "met" int not null default 0, "breached_stopped" int not null default 0, "breached_running" int not null default 0, "hist" int[] not null, constraint "sla_compliance_day_pkey" primary key ("day", "opd_code", "metric"));`);
    // The same per calendar month (the first day of the month), so a year reads 12 rows per OPD and metric, not 365.
    this.addSql(`create table "sla_compliance_month" ("month" date not null, "opd_code" text not null, "metric" text not null, "met" int not null default 0, "breached_stopped" int not null default 0, "breached_running" int not null default 0, "hist" int[] not null, constraint "sla_compliance_month_pkey" primary key ("month", "opd_code", "metric"));`);
    this.addSql(`create table "sla_compliance_delta" ("id" bigserial, "day" date not null, "opd_code" text not null, "metric" text not null, "met" int not null, "breached_stopped" int not null, "breached_running" int not null, "bucket" int null, "hist_sign" int not null, constraint "sla_compliance_delta_pkey" primary key ("id"));`);
    this.addSql(`create index "sla_compliance_delta_day_idx" on "sla_compliance_delta" ("day");`);

    // The bucket (1-based, as the hist array) of a stopped clock's elapsed time.
    this.addSql(`create function sla_elapsed_bucket(elapsed bigint) returns int language sql immutable parallel safe as
      $$ select width_bucket(elapsed, array[${BUCKET_EDGES_MS.join(', ')}]::bigint[]) + 1 $$;`);

    // One clock's contribution, signed: nothing unless it stopped or recorded a breach.
    this.addSql(`create function sla_compliance_note(r ticket_sla_clock, sign int) returns void language plpgsql as $$
      begin
        if r.status = 'STOPPED' then
          insert into sla_compliance_delta (day, opd_code, metric, met, breached_stopped, breached_running, bucket, hist_sign)
          values ((r.reported_at at time zone 'Asia/Makassar')::date, coalesce(r.opd_code, ''), r.metric,
                  case when r.breached_at is null then sign else 0 end, case when r.breached_at is null then 0 else sign end, 0,
                  sla_elapsed_bucket(r.elapsed_ms), sign);
        elsif r.status in ('RUNNING', 'PAUSED') and r.breached_at is not null then
          insert into sla_compliance_delta (day, opd_code, metric, met, breached_stopped, breached_running, bucket, hist_sign)
          values ((r.reported_at at time zone 'Asia/Makassar')::date, coalesce(r.opd_code, ''), r.metric, 0, 0, sign, null, 0);
        end if;
      end $$;`);
    this.addSql(`create function sla_compliance_clock_trigger() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then perform sla_compliance_note(old, -1); end if;
        if tg_op in ('INSERT', 'UPDATE') then perform sla_compliance_note(new, 1); end if;
        return null;
      end $$;`);
    // The WHEN clauses keep the common writes free: a new running clock (every intake) and a write
    // that changes nothing the report reads do not call the function at all.
    this.addSql(`create trigger "ticket_sla_clock_compliance_ins" after insert on "ticket_sla_clock" for each row
      when (new.status = 'STOPPED' or (new.status in ('RUNNING', 'PAUSED') and new.breached_at is not null))
      execute function sla_compliance_clock_trigger();`);
    this.addSql(`create trigger "ticket_sla_clock_compliance_upd" after update on "ticket_sla_clock" for each row
      when ((old.status, old.breached_at, old.elapsed_ms, old.opd_code, old.reported_at, old.metric)
            is distinct from (new.status, new.breached_at, new.elapsed_ms, new.opd_code, new.reported_at, new.metric))
      execute function sla_compliance_clock_trigger();`);
    this.addSql(`create trigger "ticket_sla_clock_compliance_del" after delete on "ticket_sla_clock" for each row
      when (old.status = 'STOPPED' or (old.status in ('RUNNING', 'PAUSED') and old.breached_at is not null))
      execute function sla_compliance_clock_trigger();`);

    // Moves the deltas into the day rows. Serialised by an advisory lock, so two instances never
    // fold at once (and never deadlock on day rows); the deltas are deleted in the same statement.
    this.addSql(`create function sla_compliance_fold() returns int language plpgsql as $$
      declare moved int;
      begin
        if not pg_try_advisory_xact_lock(hashtext('sla_compliance_fold')) then return 0; end if;
        with gone as (delete from sla_compliance_delta returning *),
        ${foldInto('d', 'sla_compliance_day', 'day', 'day')},
        ${foldInto('m', 'sla_compliance_month', 'month', `cast(date_trunc('month', day) as date)`)}
        select coalesce(sum(n), 0) + 0 * (select count(*) from d_ins) + 0 * (select count(*) from m_ins) into moved from d_sums;
        return moved;
      end $$;`);

    // Backfill (and the bench's bulk fill): every clock's contribution as grouped deltas, then one fold.
    this.addSql(`create function sla_compliance_rebuild() returns int language sql as $$
      delete from sla_compliance_delta;
      delete from sla_compliance_day;
      delete from sla_compliance_month;
      insert into sla_compliance_delta (day, opd_code, metric, met, breached_stopped, breached_running, bucket, hist_sign)
      select (reported_at at time zone 'Asia/Makassar')::date, coalesce(opd_code, ''), metric,
             count(*) filter (where status = 'STOPPED' and breached_at is null),
             count(*) filter (where status = 'STOPPED' and breached_at is not null),
             count(*) filter (where status <> 'STOPPED'),
             case when status = 'STOPPED' then sla_elapsed_bucket(elapsed_ms) end,
             count(*) filter (where status = 'STOPPED')
        from ticket_sla_clock
       where status = 'STOPPED' or (status in ('RUNNING', 'PAUSED') and breached_at is not null)
       group by 1, 2, 3, 7;
      select sla_compliance_fold();
    $$;`);
    this.addSql(`select sla_compliance_rebuild();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "ticket_sla_clock_compliance_ins" on "ticket_sla_clock";`);
    this.addSql(`drop trigger if exists "ticket_sla_clock_compliance_upd" on "ticket_sla_clock";`);
    this.addSql(`drop trigger if exists "ticket_sla_clock_compliance_del" on "ticket_sla_clock";`);
    this.addSql(`drop function if exists sla_compliance_rebuild();`);
    this.addSql(`drop function if exists sla_compliance_fold();`);
    this.addSql(`drop function if exists sla_compliance_clock_trigger();`);
    this.addSql(`drop function if exists sla_compliance_note(ticket_sla_clock, int);`);
    this.addSql(`drop function if exists sla_elapsed_bucket(bigint);`);
    this.addSql(`drop table if exists "sla_compliance_delta";`);
    this.addSql(`drop table if exists "sla_compliance_day";`);
    this.addSql(`drop table if exists "sla_compliance_month";`);
    this.addSql(`drop index if exists "ticket_sla_clock_live_idx";`);
    this.addSql(`drop index if exists "ticket_sla_clock_board_idx";`);
    this.addSql(`create index "ticket_district_idx" on "ticket" ("location_district");`);
    this.addSql(`drop index if exists "ticket_district_reported_idx";`);
    this.addSql(`drop index if exists "ticket_open_due_idx";`);
    this.addSql(`drop index if exists "ticket_open_opd_idx";`);
    this.addSql(`drop index if exists "ticket_open_kind_idx";`);
    this.addSql(`drop index if exists "ticket_open_reported_idx";`);
  }
}

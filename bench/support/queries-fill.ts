/**
 * bench:queries's data: tickets with their SLA timelines and clocks,
 * bulk-inserted with generate_series in chunks, spread like a regency's
 * history: three years of reports over four districts and their villages,
 * 90 % finished and 10 % open (every ticket of the last two weeks, and a tail
 * of old ones nobody closed), every active category (so its OPD and kind),
 * callers from a skewed pool, and landmarks (temples, markets) in the text.
 * Reuses bench:lookup's districts, villages, phones and descriptions, so its
 * lookup inputs fit this data too.
 *
 * Clocks are written as the engine would have left them: finished tickets'
 * clocks stopped (late ones with their breach), open ones running (paused on
 * hold) with the breach recorded once due, as the sweeper does. The rows go in
 * with triggers off (session_replication_role = replica, also skipping FK
 * checks) and the compliance aggregates are then built by the migration's own
 * sla_compliance_rebuild(): the same rows the triggers would have produced
 * (an integration test checks that), without a million row-trigger calls.
 * The secondary indexes of both tables are dropped for the fill and rebuilt
 * from their own definitions after it.
 */
import type { Client } from 'pg';
import { DAYS, DESCRIPTIONS, DISTRICTS, OPEN_DAYS, PHONE_POOL, VILLAGES_PER_DISTRICT, type Category } from './lookup-fill';

const CHUNK = 50_000;
/** Of tickets older than OPEN_DAYS, the share still open: with the last two weeks, about 10 % open in all. */
const STALE_OPEN = 0.09;
export const LANDMARKS = ['dekat Pura Desa', 'depan Pura Dalem', 'sebelah Pura Puseh', 'dekat pasar', 'depan sekolah', 'dekat balai banjar'] as const;
export const OPEN_QUERY_STATES = ['NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE'] as const;

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (expr: string): string => `to_char((${expr}) at time zone 'UTC', ${ISO})`;

// $1..$2: the series; $3: categories (code, opd, kind) as JSON; $4: descriptions; $5: now; $6: landmarks.
const INSERT_CHUNK = `
with cat as (
  select row_number() over () - 1 as i, c->>'code' as code, c->>'opd' as opd, c->>'kind' as kind from jsonb_array_elements($3::jsonb) c
), s as (
  select g, random() as r_age, random() as r_d, floor(random() * ${VILLAGES_PER_DISTRICT})::int as v, random() as r_cat, random() as r_phone,
         random() as r_state, random() as r_open, random() as r_mark, floor(random() * 12)::int as t
    from generate_series($1::int, $2::int) g
), p as (
  select s.*, $5::timestamptz - s.r_age * interval '${DAYS} days' as reported_at,
         (s.r_age * ${DAYS} <= ${OPEN_DAYS} or s.r_open < ${STALE_OPEN}) as open,
         case when s.r_d < 0.4 then 0 when s.r_d < 0.65 then 1 when s.r_d < 0.82 then 2 else 3 end as d,
         case when s.r_cat < 0.12 then null else floor((s.r_cat - 0.12) / 0.88 * (select count(*) from cat))::int end as ci
    from s
), t as (
  insert into ticket (id, number, kind, priority, state, field_response, channel, reporter_phone, location_district, location_village,
                      location_landmark, category_code, opd_code, description, description_language, reported_at, created_at, updated_at,
                      created_by, sla_next_due_at)
  select gen_random_uuid(), 'QRY-' || lpad(p.g::text, 8, '0'), coalesce(cat.kind, 'INFORMATION'), 'NORMAL',
         case when not p.open then
                case when p.r_state < 0.8 then 'CLOSED' when p.r_state < 0.9 then 'ANSWERED' when p.r_state < 0.96 then 'REJECTED' else 'DUPLICATE' end
              else (array['NEW', 'TRIAGED', 'DISPATCHED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'RESOLVED', 'ON_HOLD'])[1 + floor(p.r_state * 10)::int] end,
         coalesce(cat.kind = 'EMERGENCY', false), 'PHONE',
         case when p.r_phone < 0.8 then '+62812' || lpad(floor(${PHONE_POOL} * power(p.r_phone / 0.8, 1.5))::text, 8, '0') end,
         d.code, initcap(lower(d.code)) || ' ' || (p.v + 1),
         case when p.r_mark < 0.3 then ($6::text[])[1 + floor(p.r_mark / 0.3 * ${LANDMARKS.length})::int] end,
         cat.code, cat.opd, ($4::text[])[1 + p.t] || ' di ' || initcap(lower(d.code)) || ' ' || (p.v + 1), 'id',
         p.reported_at, p.reported_at, p.reported_at, 'queries-bench',
         case when p.open and p.r_state < 0.9 then p.reported_at + (case when cat.kind = 'EMERGENCY' then 2 else 72 end) * interval '1 hour' else '2199-12-31T00:00:00Z' end
    from p
    join (values ${DISTRICTS.map((x, i) => `(${i}, '${x.code}')`).join(', ')}) as d(i, code) on d.i = p.d
    left join cat on cat.i = p.ci
  returning id, kind, priority, state, category_code, opd_code, reported_at
), sla as (
  insert into ticket_sla (ticket_id, timeline, seq, updated_at)
  select id, jsonb_build_object('seq', 1, 'pinnedAt', ${iso('reported_at')}, 'states', case when state = 'NEW' then jsonb_build_array(jsonb_build_object('state', 'NEW', 'at', ${iso('reported_at')})) else jsonb_build_array(jsonb_build_object('state', 'NEW', 'at', ${iso('reported_at')}), jsonb_build_object('state', state, 'at', ${iso('reported_at')})) end,
           'milestones', jsonb_build_object('REPORTED', jsonb_build_object('at', ${iso('reported_at')}, 'cycle', 1)), 'cycles', jsonb_build_object('REPORTED', 1), 'reaches', '{}'::jsonb,
           'context', jsonb_build_object('kind', kind, 'priority', priority, 'categoryCode', category_code, 'opdCode', opd_code, 'reportedAt', ${iso('reported_at')})),
         1, reported_at
    from t
), c as (
  select t.id, t.state, t.opd_code, t.category_code, t.reported_at as r, m.metric,
         case when t.kind = 'EMERGENCY' then m.emergency else m.other end as target,
         t.state in ('CLOSED', 'ANSWERED', 'REJECTED', 'DUPLICATE') or (m.metric = 'TRIAGE' and t.state <> 'NEW') as stopped,
         0.2 + random() * 1.4 as pace
    from t cross join (values ('TRIAGE', 5, 60), ('ON_SITE', 120, 2880), ('RESOLVE', 1440, 10080)) as m(metric, emergency, other)
)
insert into ticket_sla_clock (ticket_id, metric, cycle, status, calendar_code, target_minutes, started_at, stopped_at, elapsed_ms, running_since,
                              due_at, breached_at, thresholds, opd_code, category_code, reported_at, fired_pct, next_fire_at, updated_at)
select id, metric, 1,
       case when stopped then 'STOPPED' when state = 'ON_HOLD' then 'PAUSED' else 'RUNNING' end,
       '24x7', target, r,
       case when stopped then r + target * pace * interval '1 minute' end,
       case when stopped then floor(target * pace * 60000)::bigint else 0 end,
       case when not stopped and state <> 'ON_HOLD' then r end,
       r + target * interval '1 minute',
       case when stopped and pace > 1 then r + target * interval '1 minute'
            when not stopped and r + target * interval '1 minute' <= $5::timestamptz then r + target * interval '1 minute' end,
       '[]'::jsonb, opd_code, category_code, r, 100, null, r
  from c`;

/** Adds tickets (with timelines and clocks) up to `total`, numbered on from `from`; then rebuilds the compliance aggregates and VACUUM ANALYZE. */
export async function growQueryTickets(client: Client, from: number, total: number, categories: readonly Category[], now: Date, log: (line: string) => void): Promise<void> {
  // Indexes that no constraint needs are dropped for the fill and built again after it: one sorted
  // build is several times faster than a million insertions into each (the GIN and GiST ones above all).
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in ('ticket', 'ticket_sla_clock')
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const index of indexes) await client.query(`drop index "${index.name}"`);
  await client.query(`set session_replication_role = replica`);
  try {
    for (let start = from + 1; start <= total; start += CHUNK) {
      const end = Math.min(total, start + CHUNK - 1);
      await client.query(INSERT_CHUNK, [start, end, JSON.stringify(categories), DESCRIPTIONS, now, LANDMARKS]);
      if (end % 200_000 === 0 || end === total) log(`  ${end.toLocaleString('en')} tickets`);
    }
  } finally {
    await client.query(`set session_replication_role = origin`);
    await client.query(`set maintenance_work_mem = '256MB'`);
    for (const index of indexes) await client.query(index.def);
    await client.query(`reset maintenance_work_mem`);
  }
  await client.query('select sla_compliance_rebuild()');
  // What autovacuum does to an aged table: statistics, and the visibility map for index-only scans.
  await client.query('vacuum (analyze) ticket, ticket_sla, ticket_sla_clock, sla_compliance_day, sla_compliance_delta');
}

/** What the fill produced, for the report. */
export async function fillSummary(client: Client): Promise<string> {
  const { rows } = await client.query<{ tickets: string; open: string; clocks: string; live: string; days: string }>(
    `select (select count(*) from ticket) as tickets,
            (select count(*) from ticket where state not in ('CLOSED', 'ANSWERED', 'REJECTED', 'DUPLICATE')) as open,
            (select count(*) from ticket_sla_clock) as clocks,
            (select count(*) from ticket_sla_clock where status in ('RUNNING', 'PAUSED')) as live,
            (select count(*) from sla_compliance_day) as days`,
  );
  const r = rows[0];
  const f = (s: string): string => Number(s).toLocaleString('en');
  return `${f(r.tickets)} tickets, ${f(r.open)} open; ${f(r.clocks)} clocks, ${f(r.live)} running or paused; ${f(r.days)} compliance day rows`;
}

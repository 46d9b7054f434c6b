/**
 * `npm run bench:lookup`: what a call taker waits for during a live call.
 * callerHistory, duplicateCandidates and categorySuggestions through POST
 * /graphql of the built server, at 10,000 and at 1,000,000 tickets in one
 * run (bulk-filled, see support/lookup-fill.ts); p95 of each at both sizes
 * and the ratio 1M/10k. Goal: every ratio ≤ 1.5 and p95 ≤ 50 ms at 1M; done:
 * ≤ 3 and ≤ 150 ms. EXPLAIN ANALYZE of the two lookups' SQL at each size.
 *
 * Requests go one at a time from one keep-alive connection (latency, not
 * throughput). Everything started here is stopped here, also on Ctrl-C.
 * Options (environment): LOOKUP_SMALL (10000), LOOKUP_LARGE (1000000),
 * LOOKUP_REQUESTS per operation and size (400), LOOKUP_WARMUP (100).
 */
import 'reflect-metadata';
import * as os from 'node:os';
import { Client } from 'pg';
import { benchToken } from './support/bench-auth';
import { Cleanup, runBench } from './support/cleanup';
import { openDatabase } from './support/database';
import { activeCategories, Category, growTickets, phoneOf } from './support/lookup-fill';
import { LookupOperation, OPERATIONS, timeRequest, variables } from './support/lookup-requests';
import { SigapServer } from './support/server';
import { percentile, table } from './support/stats';

const GOAL = { ratio: 1.5, p95: 50 };
const DONE = { ratio: 3, p95: 150 };
const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const step = (line: string): void => say(`· ${line}`);
const int = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1`);
  return value;
};

interface Sample {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

async function main(cleanup: Cleanup): Promise<void> {
  const small = int('LOOKUP_SMALL', 10_000);
  const large = int('LOOKUP_LARGE', 1_000_000);
  const requests = int('LOOKUP_REQUESTS', 400);
  const warmup = int('LOOKUP_WARMUP', 100);
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const started = Date.now();
  say('Sigap lookup benchmark: callerHistory, duplicateCandidates, categorySuggestions over POST /graphql');
  say(`machine: ${os.availableParallelism()} CPU(s), ${os.cpus()[0]?.model.trim() ?? '?'}, node ${process.version}, load average ${load()}`);
  say(`date: ${new Date().toISOString()}; ${requests} measured requests per operation and size after ${warmup} unmeasured, one at a time`);
  say();

  const database = await openDatabase(process.env.BENCH_DATABASE_URL ?? null, step);
  cleanup.push('the database', () => database.stop());
  step(`database: ${database.description}`);
  const server = await SigapServer.start({
    label: 'lookup',
    databaseUrl: database.url,
    env: { SLA_SWEEP_ENABLED: 'false', DELIVERY_RELAY_ENABLED: 'false', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' },
  });
  cleanup.push('the server', () => server.stop());
  const client = new Client({ connectionString: database.url });
  await client.connect();
  cleanup.push('the bench connection', () => client.end());
  const token = await benchToken(database.url, 'CALL_TAKER', null);
  const categories = await activeCategories(client);
  const url = `${server.baseUrl}/graphql`;
  // One prank flag on the busiest number, so the lookup shows one.
  await client.query(`insert into caller_flag (id, phone, reason, flagged_by, flagged_by_role, flagged_at) values (gen_random_uuid(), $1, 'bench', 'bench', 'SUPERVISOR', now())`, [phoneOf(0)]);

  const results = new Map<number, Map<LookupOperation, Sample>>();
  const plans = new Map<number, string[]>();
  let filled = 0;
  for (const size of [small, large]) {
    step(`filling to ${size.toLocaleString('en')} tickets (${categories.length} categories)`);
    const t0 = Date.now();
    await growTickets(client, filled, size, categories, new Date(), step);
    filled = size;
    step(`filled in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${await openCount(client)} open; load average ${load()}`);
    const bySize = new Map<LookupOperation, Sample>();
    for (const op of OPERATIONS) {
      for (let i = 0; i < warmup; i++) await timeRequest(url, token, op, variables(op, categories));
      const samples: number[] = [];
      for (let i = 0; i < requests; i++) samples.push(await timeRequest(url, token, op, variables(op, categories)));
      const sorted = Float64Array.from(samples).sort();
      bySize.set(op, { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] });
      step(`${op} at ${size.toLocaleString('en')}: p95 ${bySize.get(op)!.p95.toFixed(1)} ms`);
    }
    results.set(size, bySize);
    plans.set(size, await explain(client, categories));
  }
  report(results, small, large, plans);
  say();
  say(`load average after: ${load()}; total wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function openCount(client: Client): Promise<string> {
  const { rows } = await client.query<{ n: string }>(`select count(*) as n from ticket where state not in ('CLOSED', 'ANSWERED', 'REJECTED', 'DUPLICATE')`);
  return Number(rows[0].n).toLocaleString('en');
}

/** EXPLAIN ANALYZE of the caller lookup and the duplicate search as the server sends them (one typical input each). */
async function explain(client: Client, categories: readonly Category[]): Promise<string[]> {
  const phone = phoneOf(3);
  const caller = await client.query(
    `explain (analyze, buffers, costs off) select t.id, t.number, t.state, t.kind, t.opd_code, t.category_code, t.reported_at,
            (select count(*) from ticket c where c.reporter_phone = $1) as total
       from ticket t where t.reporter_phone = $1 order by t.reported_at desc, t.id desc limit 20`,
    [phone],
  );
  const open = `"state" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'RETURNED', 'ON_HOLD')`;
  const near = await client.query(
    `explain (analyze, buffers, costs off) select t.id, similarity(t.description, $6) from ticket t where t.id in (
       select id from ticket where ${open} and location_latitude is not null and location_longitude is not null
          and earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(location_latitude, location_longitude) and reported_at between $4 and $5
       union
       select id from ticket where ${open} and location_village is not null and location_district = 'BANGLI' and lower(location_village) = lower('Bangli 3')
          and reported_at between $4 and $5)`,
    [-8.45, 115.355, 500, new Date(Date.now() - 48 * 3600_000), new Date(Date.now() + 48 * 3600_000), categories[0]?.code ?? ''],
  );
  return [
    'callerHistory (a frequent caller):',
    ...caller.rows.map((r: Record<string, string>) => `  ${r['QUERY PLAN']}`),
    'duplicateCandidates (500 m, 48 h, Bangli town):',
    ...near.rows.map((r: Record<string, string>) => `  ${r['QUERY PLAN']}`),
  ];
}

function report(results: Map<number, Map<LookupOperation, Sample>>, small: number, large: number, plans: Map<number, string[]>): void {
  const s = results.get(small)!;
  const l = results.get(large)!;
  const k = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  const rows = [['operation', `p50 ${k(small)}`, `p95 ${k(small)}`, `p50 ${k(large)}`, `p95 ${k(large)}`, `max ${k(large)}`, `ratio p95 ${k(large)}/${k(small)}`, 'goal', 'done']];
  for (const op of OPERATIONS) {
    const a = s.get(op)!;
    const b = l.get(op)!;
    const ratio = b.p95 / a.p95;
    rows.push([
      op, a.p50.toFixed(1), a.p95.toFixed(1), b.p50.toFixed(1), b.p95.toFixed(1), b.max.toFixed(1), ratio.toFixed(2),
      ratio <= GOAL.ratio && b.p95 <= GOAL.p95 ? 'met' : 'NOT met',
      ratio <= DONE.ratio && b.p95 <= DONE.p95 ? 'met' : 'NOT met',
    ]);
  }
  say();
  say(`Results (milliseconds, wall time per request at the client; goal: ratio ≤ ${GOAL.ratio} and p95 ≤ ${GOAL.p95} ms at ${k(large)}; done: ≤ ${DONE.ratio} and ≤ ${DONE.p95} ms)`);
  say(table(rows));
  for (const [size, lines] of plans) {
    say();
    say(`EXPLAIN ANALYZE at ${size.toLocaleString('en')} tickets`);
    for (const line of lines) say(line);
  }
}

runBench('bench:lookup', main);

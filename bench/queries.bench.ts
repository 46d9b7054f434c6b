/**
 * `npm run bench:queries`: the screens' read paths at 10,000 and at
 * 1,000,000 tickets in one run. Each request of support/queries-requests.ts
 * (ticket lists, a ticket by number, the SLA board, the caller lookups, the
 * compliance report over a month and a year) goes through POST /graphql of the
 * built server with a supervisor's token, 30 timed calls each after a
 * warm-up, one at a time, alternating between the two sizes (a database and
 * a server each, in the same PostgreSQL), so both see the same machine load.
 * Prints median and p95 at both sizes, the growth (median at 1M / median at
 * 10k, as issue 17's table) and the EXPLAIN (ANALYZE, BUFFERS) of the request
 * that grew most (QUERIES_EXPLAIN_ALL=1: of every request). Goal (issue 17): every growth ≤ 1.5 and p95 ≤ 50 ms at 1M;
 * done: ≤ 2 and ≤ 100 ms.
 *
 * Options: --quick (2,000 and 20,000 tickets: a smoke run, not a result),
 * --requests <n> (30), --warmup <n> (5); QUERIES_SMALL / QUERIES_LARGE set the
 * sizes; BENCH_DATABASE_URL uses that (throwaway) database instead of a fresh
 * embedded PostgreSQL. Everything started here is stopped here, also on Ctrl-C.
 */
import 'reflect-metadata';
import * as os from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { benchToken } from './support/bench-auth';
import { Cleanup, runBench } from './support/cleanup';
import { openDatabase } from './support/database';
import { activeCategories } from './support/lookup-fill';
import { fillSummary, growQueryTickets } from './support/queries-fill';
import { explainRequest } from './support/queries-explain';
import { QUERY_NAMES, QueryName, request, RequestContext, timeRequest } from './support/queries-requests';
import { SigapServer } from './support/server';
import { percentile, table } from './support/stats';
import { whole } from './support/options';

const GOAL = { growth: 1.5, p95: 50 };
const DONE = { growth: 2, p95: 100 };
const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const step = (line: string): void => say(`· ${line}`);

interface Sample {
  readonly p50: number;
  readonly p95: number;
}

async function main(cleanup: Cleanup): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, requests: { type: 'string' }, warmup: { type: 'string' } },
    strict: true,
  });
  const small = whole('QUERIES_SMALL', process.env.QUERIES_SMALL, values.quick ? 2_000 : 10_000, 1);
  const large = whole('QUERIES_LARGE', process.env.QUERIES_LARGE, values.quick ? 20_000 : 1_000_000, small);
  const requests = whole('--requests', values.requests, 30, 1);
  const warmup = whole('--warmup', values.warmup, 5, 0);
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const started = Date.now();
  say('Sigap read-path benchmark: the screens\' queries over POST /graphql, as a supervisor');
  say(`machine: ${os.availableParallelism()} CPU(s), ${os.cpus()[0]?.model.trim() ?? '?'}, node ${process.version}, load average ${load()}`);
  say(`date: ${new Date().toISOString()}; sizes ${small.toLocaleString('en')} and ${large.toLocaleString('en')}; ${requests} timed calls per query and size after ${warmup} warm-up, one at a time${values.quick ? ' (--quick: a smoke run)' : ''}`);
  say();

  // Both sizes side by side: one database per size in the same PostgreSQL, a server on each, and
  // every timed call to the small one followed by the same call to the large one. On a shared
  // machine the load changes by the minute; alternating makes both sizes see the same load.
  const database = await openDatabase(process.env.BENCH_DATABASE_URL ?? null, step);
  cleanup.push('the database', () => database.stop());
  step(`database: ${database.description}`);
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  cleanup.push('the bench connection', () => admin.end());
  const smallUrl = new URL(database.url);
  smallUrl.pathname = `${smallUrl.pathname.replace(/\/$/, '')}_small`;
  const smallName = decodeURIComponent(smallUrl.pathname.slice(1));
  await admin.query(`drop database if exists "${smallName}"`);
  await admin.query(`create database "${smallName}"`);
  cleanup.push('the small database', async () => {
    await admin.query(`drop database if exists "${smallName}" with (force)`);
  });
  await openDatabase(smallUrl.toString(), step);

  // The sweeper and relays off: the bench measures reads against a fixed state.
  const env = { SLA_SWEEP_ENABLED: 'false', DELIVERY_RELAY_ENABLED: 'false', WEBHOOK_DISPATCHER_ENABLED: 'false', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' };
  const now = new Date();
  const sides: Array<{ size: number; url: string; databaseUrl: string; token: string; ctx: RequestContext }> = [];
  for (const [size, databaseUrl] of [[small, smallUrl.toString()], [large, database.url]] as const) {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // The server first: it syncs the OPD modules' categories into the catalog the fill draws from.
      const server = await SigapServer.start({ label: `queries-${size}`, databaseUrl, env });
      cleanup.push(`the server on ${size}`, () => server.stop());
      const categories = await activeCategories(client);
      if (categories.length === 0) throw new Error('no active category in the catalog after the server started');
      const opds = [...new Set(categories.map((c) => c.opd))];
      step(`filling ${size === small ? 'the small' : 'the large'} database to ${size.toLocaleString('en')} tickets (${categories.length} categories, ${opds.length} OPDs)`);
      const t0 = Date.now();
      await growQueryTickets(client, 0, size, categories, now, step);
      step(`filled in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${await fillSummary(client)}; load average ${load()}`);
      sides.push({ size, url: `${server.baseUrl}/graphql`, databaseUrl, token: await benchToken(databaseUrl, 'SUPERVISOR', null), ctx: { categories, opds, filled: size, now } });
    } finally {
      await client.end();
    }
  }

  const results = new Map<number, Map<QueryName, Sample>>(sides.map((side) => [side.size, new Map()]));
  for (const name of QUERY_NAMES) {
    for (let i = 0; i < warmup; i++) for (const side of sides) await timeRequest(side.url, side.token, request(name, side.ctx));
    const samples = sides.map(() => [] as number[]);
    for (let i = 0; i < requests; i++) {
      for (const [k, side] of sides.entries()) samples[k].push(await timeRequest(side.url, side.token, request(name, side.ctx)));
    }
    for (const [k, side] of sides.entries()) {
      const sorted = Float64Array.from(samples[k]).sort();
      results.get(side.size)!.set(name, { p50: percentile(sorted, 50), p95: percentile(sorted, 95) });
    }
    const [a, b] = sides.map((side) => results.get(side.size)!.get(name)!);
    step(`${name}: median ${a.p50.toFixed(1)} / ${b.p50.toFixed(1)} ms, p95 ${a.p95.toFixed(1)} / ${b.p95.toFixed(1)} ms (${small.toLocaleString('en')} / ${large.toLocaleString('en')})`);
  }

  const worst = report(results, small, large);
  say();
  say(`EXPLAIN (ANALYZE, BUFFERS) at ${large.toLocaleString('en')} tickets of the request that grew most: ${worst}`);
  const big = sides[1];
  const explained = process.env.QUERIES_EXPLAIN_ALL === '1' ? QUERY_NAMES : [worst];
  for (const name of explained) {
    if (explained.length > 1) say(`· ${name}`);
    const lines = await explainRequest(big.databaseUrl, env, big.token, request(name, big.ctx), admin);
    for (const line of lines) say(line);
  }
  say();
  say(`load average after: ${load()}; total wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function report(results: Map<number, Map<QueryName, Sample>>, small: number, large: number): QueryName {
  const s = results.get(small)!;
  const l = results.get(large)!;
  const k = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  const rows = [['query', `median ${k(small)}`, `p95 ${k(small)}`, `median ${k(large)}`, `p95 ${k(large)}`, 'growth', 'growth p95', 'goal', 'done']];
  let worst: QueryName = QUERY_NAMES[0];
  let worstGrowth = -Infinity;
  for (const name of QUERY_NAMES) {
    const a = s.get(name)!;
    const b = l.get(name)!;
    // As the table: the growth of the median (the p95 of 30 calls is one of the two slowest, noise on a shared machine).
    const growth = b.p50 / a.p50;
    if (growth > worstGrowth) [worst, worstGrowth] = [name, growth];
    rows.push([
      name, a.p50.toFixed(1), a.p95.toFixed(1), b.p50.toFixed(1), b.p95.toFixed(1), growth.toFixed(2), (b.p95 / a.p95).toFixed(2),
      growth <= GOAL.growth && b.p95 <= GOAL.p95 ? 'met' : 'NOT met',
      growth <= DONE.growth && b.p95 <= DONE.p95 ? 'met' : 'NOT met',
    ]);
  }
  say();
  say(`Results (milliseconds, wall time per request at the client; goal: growth ≤ ${GOAL.growth} and p95 ≤ ${GOAL.p95} ms at ${k(large)}; done: ≤ ${DONE.growth} and ≤ ${DONE.p95} ms)`);
  say(table(rows));
  return worst;
}

runBench('bench:queries', main);

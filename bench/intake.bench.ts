/**
 * `npm run bench:intake`: throughput and latency of the createTicket mutation
 * on the built server, next to a plain-pg replay of the very SQL statements
 * one createTicket sends (the floor any ORM/GraphQL stack sits on), at the
 * same concurrency. See bench/README.md.
 *
 * Sequence: fresh database → capture run of the server with the SQL tap →
 * replay plan → measured server (warm-up, run) → stop it → baseline (warm-up,
 * run) → report. Everything started here is stopped here, also on failure
 * and on Ctrl-C.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runApiLoad } from './support/api-load';
import { authorizeBench } from './support/bench-auth';
import { BaselineLoad } from './support/baseline-load';
import { findProfile, summariseProfile } from './support/cpu-profile';
import { formatProfile } from './support/profile-report';
import { cpuPerOperation, CpuReading, readCpu } from './support/cpu-usage';
import { Cleanup, runBench } from './support/cleanup';
import { BenchDatabase, openDatabase } from './support/database';
import { INTAKE_INPUT } from './support/intake-request';
import { readOptions, USAGE } from './support/options';
import { buildReplayPlan } from './support/replay-plan';
import { SigapServer } from './support/server';
import { captureCreateSql, compareWithExpected, EXPECTED_SHAPES, shapeOf } from './support/sql-capture';
import { summarise, Summary, table } from './support/stats';

const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 50;

const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const step = (line: string): void => say(`· ${line}`);
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');

async function main(cleanup: Cleanup): Promise<void> {
  const options = readOptions();
  if (options === 'help') {
    say(USAGE);
    return;
  }
  const started = Date.now();
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  say('Sigap intake benchmark: createTicket (API) vs. its own SQL replayed with plain pg (baseline)');
  say(
    `machine: ${os.availableParallelism()} CPU(s) (nproc), ${os.cpus()[0]?.model.trim() ?? '?'}, node ${process.version}, load average ${load()}`,
  );
  say(
    `settings: ${options.connections} connections, warm-up ${options.warmupS} s + measured ${options.durationS} s per side` +
      `, server DB pool ${process.env.DATABASE_POOL_MAX ?? '10 (app default)'}, baseline pool ${options.connections}` +
      (options.cpuProf ? ', server CPU-profiled (slower than usual)' : ''),
  );
  say();

  // 1. Database
  const database: BenchDatabase = await openDatabase(options.databaseUrl, step);
  cleanup.push('the database', () => database.stop());
  step(`database: ${database.description}`);
  await authorizeBench(database.url);

  // 2. What one createTicket sends
  step('capture run: starting the server with the SQL tap, sending one createTicket');
  const capture = await captureCreateSql(database.url);
  const plan = buildReplayPlan(capture.statements, capture.created);
  say();
  say(`SQL of one createTicket (captured from the built server; the baseline replays these ${plan.statementCount} statements):`);
  capture.statements.forEach((s, i) => {
    const text = s.text.replace(/\s+/g, ' ');
    const shown = text.length > 150 ? `${text.slice(0, 150)}… (${text.length} chars)` : text;
    say(`  ${String(i + 1).padStart(2)}. [conn ${s.conn}] ${shapeOf(s.text).padEnd(38)} ${shown}`);
  });
  const drift = compareWithExpected(capture.statements);
  if (drift.missing.length || drift.unexpected.length) {
    say(`  NOTE: differs from what the code reads as (${EXPECTED_SHAPES.join(', ')}):`);
    if (drift.missing.length) say(`    not sent: ${drift.missing.join(', ')}`);
    if (drift.unexpected.length) say(`    sent in addition: ${drift.unexpected.join(', ')}`);
    say('    The baseline replays what was captured; update EXPECTED_SHAPES in bench/support/sql-capture.ts if the change is intended.');
  } else {
    say(`  = matches the statements read from the code (${EXPECTED_SHAPES.join('; ')}).`);
  }
  say(`  request input: ${JSON.stringify(INTAKE_INPUT)}`);
  say();

  // 3. API
  const profileDir = options.cpuProf ? fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-bench-prof-')) : null;
  step('starting the measured server');
  const server = await SigapServer.start({
    label: 'bench',
    databaseUrl: database.url,
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  cleanup.push('the server', () => server.stop());
  if (options.warmupS > 0) {
    step(`API warm-up ${options.warmupS} s`);
    await runApiLoad(server.baseUrl, { connections: options.connections, seconds: options.warmupS, phase: 'warm-up' });
  }
  step(`API measured run ${options.durationS} s (load average ${load()})`);
  const apiFromUs = Number(process.hrtime.bigint() / 1000n);
  const apiCpuBefore = readCpu(server.pid, database.postgresPid);
  const api = summarise(await runApiLoad(server.baseUrl, { connections: options.connections, seconds: options.durationS, phase: 'measured run' }));
  const apiCpu = cpuPerOperation(apiCpuBefore, readCpu(server.pid, database.postgresPid), api.count);
  const apiToUs = Number(process.hrtime.bigint() / 1000n);
  // Requests cut off by the end of the run still execute: let them finish,
  // so that stopping the server aborts none of them.
  await server.settle();
  await cleanup.now('the server');

  // 4. Baseline (the server is stopped: nothing else competes)
  const baselineLoad = new BaselineLoad(database.url, plan, capture.created.number, options.connections);
  cleanup.push('the baseline pool', () => baselineLoad.close());
  if (options.warmupS > 0) {
    step(`baseline warm-up ${options.warmupS} s`);
    await baselineLoad.run({ connections: options.connections, seconds: options.warmupS, phase: 'warm-up' });
  }
  step(`baseline measured run ${options.durationS} s (load average ${load()})`);
  const baselineCpuBefore = readCpu(undefined, database.postgresPid);
  const baseline = summarise(await baselineLoad.run({ connections: options.connections, seconds: options.durationS, phase: 'measured run' }));
  const baselineCpu = cpuPerOperation(baselineCpuBefore, readCpu(undefined, database.postgresPid), baseline.count);
  await cleanup.now('the baseline pool');

  report(api, baseline, options.connections);
  reportCpu(apiCpu, baselineCpu);
  say(`load average after: ${load()}; total wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);

  if (profileDir) {
    const file = findProfile(profileDir);
    if (!file) throw new Error(`The server wrote no CPU profile into ${profileDir}`);
    const profile = summariseProfile(file, apiFromUs, apiToUs, 25);
    say();
    for (const line of formatProfile(profile, api.count)) say(line);
  }
}

function report(api: Summary, baseline: Summary, connections: number): void {
  const ratio = baseline.perSecond > 0 ? api.perSecond / baseline.perSecond : Number.NaN;
  say();
  say(`Results (${connections} concurrent; latency per request for the API, per replayed create sequence for the baseline)`);
  say(
    table([
      ['', 'throughput', 'p50', 'p99', 'max', 'count', 'measured'],
      ['API createTicket', `${api.perSecond.toFixed(1)} req/s`, ms(api.p50), ms(api.p99), ms(api.max), String(api.count), `${api.elapsedS.toFixed(1)} s`],
      ['baseline (plain pg)', `${baseline.perSecond.toFixed(1)} tx/s`, ms(baseline.p50), ms(baseline.p99), ms(baseline.max), String(baseline.count), `${baseline.elapsedS.toFixed(1)} s`],
    ]),
  );
  say();
  say(`ratio API/baseline throughput: ${ratio.toFixed(2)}   (goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'})`);
  say(`API p99: ${ms(api.p99)}   (goal ≤ ${GOAL_P99_MS} ms: ${api.p99 <= GOAL_P99_MS ? 'met' : 'NOT met'})`);
  say(`no errors: every API response was a TicketCreated; every baseline sequence committed.`);
}

/** CPU ms per operation by process: steadier than throughput on a busy machine, and it says where the time goes. */
function reportCpu(api: CpuReading, baseline: CpuReading): void {
  const cell = (value: number | null): string => (value === null ? '–' : value.toFixed(2));
  const total = (r: CpuReading): string =>
    r.postgres === null ? '–' : (r.bench + r.postgres + (r.server ?? 0)).toFixed(2);
  say();
  say(`CPU time per operation, ms (from /proc; ${os.availableParallelism()} core(s) give ${os.availableParallelism() * 1000} CPU-ms per second)`);
  say(
    table([
      ['', 'server (node)', 'postgres', 'load generator', 'total'],
      ['API createTicket', cell(api.server), cell(api.postgres), cell(api.bench), total(api)],
      ['baseline (plain pg)', '–', cell(baseline.postgres), cell(baseline.bench), total(baseline)],
    ]),
  );
  if (api.server !== null && api.server > 0) {
    const processes = Number(process.env.WEB_CONCURRENCY ?? 1) || 1;
    say(
      `Each server process runs its JavaScript on one core: at ${api.server.toFixed(2)} CPU-ms per request, ` +
        `${processes} process(es) top out near ${((1000 * processes) / api.server).toFixed(0)} req/s, however fast the database is.`,
    );
  }
}

runBench('bench:intake', main);

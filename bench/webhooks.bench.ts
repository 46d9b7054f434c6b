/**
 * `npm run bench:webhooks`: 2,000 signed WhatsApp deliveries, each sent 3
 * times at once (Meta's at-least-once), plus 200 forged ones, at a fixed
 * rate (open loop), against the built server; then the same schedule
 * against a bare node:http route that checks the HMAC and does one INSERT
 * … ON CONFLICT DO NOTHING with plain pg (the floor), in the same run.
 * Judged: exactly 2,000 messages stored, 0 forged accepted, webhook p99
 * (goal ≤ 50 ms, done ≤ 200 ms). See bench/README.md.
 *
 * Options (environment): BENCH_DELIVERIES (2000), BENCH_FORGED (200),
 * BENCH_RATE deliveries per second (100), BENCH_DATABASE_URL (else a fresh
 * embedded PostgreSQL).
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { Cleanup, runBench } from './support/cleanup';
import { openDatabase } from './support/database';
import { REPO_ROOT, SigapServer } from './support/server';
import { summarise, table } from './support/stats';
import { BASELINE_TABLE } from './support/webhook-baseline.server';

const APP_SECRET = `bench-${randomBytes(16).toString('hex')}`;
const PHONE_NUMBER_ID = '109000000000001';
const GOAL_P99_MS = 50;
const DONE_P99_MS = 200;

const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const step = (line: string): void => say(`· ${line}`);
const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
};

interface Delivery {
  readonly id: string;
  readonly body: Buffer;
  readonly signature: string;
  readonly forged: boolean;
}

/** A WhatsApp notification as Meta sends it (non-ASCII escaped), one text message. */
function delivery(i: number, forged: boolean): Delivery {
  const id = `wamid.BENCH${forged ? 'F' : ''}${i.toString().padStart(6, '0')}${randomBytes(6).toString('hex')}`;
  const from = `6281${String(100_000_000 + (i % 400)).padStart(9, '0')}`;
  const payload = {
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '6236612345', phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: `Warga ${i % 400}` }, wa_id: from }],
      messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: `Laporan ${i}: jalan rusak di desa — mohon dicek` } }],
    } }] }],
  };
  const body = Buffer.from(JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const secret = forged ? 'not-the-app-secret' : APP_SECRET;
  return { id, body, forged, signature: `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
}

interface RunResult {
  latenciesMs: number[];
  statuses: Map<number, number>;
  forgedAccepted: number;
  elapsedS: number;
  errors: number;
}

/** Open loop: delivery i starts at i / rate seconds, its 3 copies at once; forged ones spread evenly between. */
async function run(url: string, genuine: readonly Delivery[], forged: readonly Delivery[], rate: number): Promise<RunResult> {
  const result: RunResult = { latenciesMs: [], statuses: new Map(), forgedAccepted: 0, elapsedS: 0, errors: 0 };
  const send = async (d: Delivery): Promise<void> => {
    const t0 = performance.now();
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': d.signature }, body: d.body });
      await res.arrayBuffer();
      result.latenciesMs.push(performance.now() - t0);
      result.statuses.set(res.status, (result.statuses.get(res.status) ?? 0) + 1);
      if (d.forged && res.status >= 200 && res.status < 300) result.forgedAccepted++;
    } catch {
      result.errors++;
    }
  };
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  const forgedEvery = Math.max(1, Math.floor(genuine.length / Math.max(1, forged.length)));
  let f = 0;
  for (let i = 0; i < genuine.length; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(send(genuine[i]), send(genuine[i]), send(genuine[i]));
    if (i % forgedEvery === 0 && f < forged.length) inflight.push(send(forged[f++]));
  }
  while (f < forged.length) inflight.push(send(forged[f++]));
  await Promise.all(inflight);
  result.elapsedS = (performance.now() - started) / 1000;
  return result;
}

async function count(url: string, sql: string, params: unknown[] = []): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(sql, params)).rows[0].n);
  } finally {
    await c.end();
  }
}

async function startBaseline(databaseUrl: string, poolSize: number, cleanup: Cleanup): Promise<string> {
  const entry = path.join(REPO_ROOT, 'dist', 'bench', 'support', 'webhook-baseline.server.js');
  const child = spawn(process.execPath, [entry, databaseUrl, APP_SECRET, String(poolSize)], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanup.push('the baseline server', async () => {
    if (child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /ready (\d+)/.exec(chunk.toString());
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}/webhooks/meta`;
}

async function main(cleanup: Cleanup): Promise<void> {
  const total = num('BENCH_DELIVERIES', 2000);
  const forgedCount = num('BENCH_FORGED', 200);
  const rate = num('BENCH_RATE', 100);
  const poolSize = 10;
  say('Sigap webhook benchmark: signed WhatsApp deliveries (each sent 3x at once) + forged ones, vs a bare node:http + pg INSERT baseline');
  say(`machine: ${os.availableParallelism()} CPU(s), ${os.cpus()[0]?.model.trim() ?? '?'}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  say(`settings: ${total} deliveries x 3 copies + ${forgedCount} forged, open loop at ${rate} deliveries/s (${rate * 3} requests/s), DB pool ${poolSize} on both sides`);
  say();

  const database = await openDatabase(process.env.BENCH_DATABASE_URL || null, step);
  cleanup.push('the database', () => database.stop());
  step(`database: ${database.description}`);
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(
    `insert into official_account (id, platform, account_id, display_name, active, created_by, created_at, updated_at, version)
     values (gen_random_uuid(), 'WHATSAPP', $1, 'WhatsApp Pemkab Bangli (bench)', true, 'bench', now(), now(), 1)`, [PHONE_NUMBER_ID],
  );
  await admin.end();

  const genuine = Array.from({ length: total }, (_, i) => delivery(i, false));
  const forged = Array.from({ length: forgedCount }, (_, i) => delivery(i, true));
  const warm = Array.from({ length: 100 }, (_, i) => delivery(1_000_000 + i, false));

  step('starting the built server (META_* set, production settings)');
  const server = await SigapServer.start({
    label: 'webhooks', databaseUrl: database.url,
    env: { META_APP_SECRET: APP_SECRET, META_VERIFY_TOKEN: 'bench-verify-token', META_ACCESS_TOKEN: 'bench-access-token', DATABASE_POOL_MAX: String(poolSize), DELIVERY_RELAY_ENABLED: 'false' },
  });
  cleanup.push('the server', () => server.stop());
  await run(`${server.baseUrl}/webhooks/meta`, warm, [], rate);
  step('server: measured run');
  const api = await run(`${server.baseUrl}/webhooks/meta`, genuine, forged, rate);
  await server.settle();
  const stored = await count(database.url, `select count(*) as n from channel_message where platform_message_id like 'wamid.BENCH%' and platform_message_id not like 'wamid.BENCHF%' and platform_message_id = any($1)`, [genuine.map((d) => d.id)]);
  const forgedStored = await count(database.url, `select count(*) as n from channel_message where platform_message_id like 'wamid.BENCHF%'`);
  await cleanup.now('the server');

  step('baseline: bare node:http route, HMAC check + one INSERT … ON CONFLICT DO NOTHING (plain pg)');
  const baselineUrl = await startBaseline(database.url, poolSize, cleanup);
  await run(baselineUrl, warm, [], rate);
  const base = await run(baselineUrl, genuine, forged, rate);
  const baseStored = await count(database.url, `select count(*) as n from ${BASELINE_TABLE} where platform_message_id = any($1)`, [genuine.map((d) => d.id)]);
  await cleanup.now('the baseline server');

  const a = summarise({ count: api.latenciesMs.length, elapsedS: api.elapsedS, latenciesMs: api.latenciesMs });
  const b = summarise({ count: base.latenciesMs.length, elapsedS: base.elapsedS, latenciesMs: base.latenciesMs });
  const f = (v: number) => `${v.toFixed(1)} ms`;
  say();
  say(table([
    ['side', 'requests', 'req/s', 'p50', 'p99', 'max', 'statuses', 'stored', 'forged accepted', 'errors'],
    ['server', String(a.count), a.perSecond.toFixed(0), f(a.p50), f(a.p99), f(a.max), [...api.statuses].map(([s, n]) => `${s}:${n}`).join(' '), String(stored), `${api.forgedAccepted} (stored ${forgedStored})`, String(api.errors)],
    ['baseline', String(b.count), b.perSecond.toFixed(0), f(b.p50), f(b.p99), f(b.max), [...base.statuses].map(([s, n]) => `${s}:${n}`).join(' '), String(baseStored), String(base.forgedAccepted), String(base.errors)],
  ]));
  say();
  say(`ratios server/baseline: p50 ${(a.p50 / b.p50).toFixed(2)}x, p99 ${(a.p99 / b.p99).toFixed(2)}x`);
  const exact = stored === total && forgedStored === 0 && api.forgedAccepted === 0;
  say(`correctness: ${stored} of ${total} stored, ${api.forgedAccepted} forged accepted → ${exact ? 'OK' : 'FAILED'}`);
  say(`webhook p99 ${f(a.p99)}: goal ≤ ${GOAL_P99_MS} ms ${a.p99 <= GOAL_P99_MS ? 'met' : 'not met'}; done ≤ ${DONE_P99_MS} ms ${a.p99 <= DONE_P99_MS ? 'met' : 'not met'}`);
  say(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (!exact) process.exitCode = 1;
}

runBench('bench:webhooks', (cleanup) => main(cleanup));

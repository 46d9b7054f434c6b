/**
 * `npm run bench:delivery`: how fast and how surely committed changes reach
 * graphql-ws subscribers and an OPD's webhook endpoint, with two instances
 * on one PostgreSQL, while one instance is killed with SIGKILL and the
 * receiver answers 500 for 10 s. See bench/README.md.
 *
 * Sequence: fresh database → instances A and B → webhook receiver and its
 * endpoint → subscribers (half on each instance) → probe → load (creates +
 * notes, open loop) with the kill and the outage on the way → drain → read
 * back what committed → report, next to the same run's baseline: one
 * NOTIFY from a committing transaction to a LISTENing connection.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { authorizeBench, benchToken } from './support/bench-auth';
import { Cleanup, runBench } from './support/cleanup';
import { openDatabase } from './support/database';
import { DeliveryLoad } from './support/delivery-load';
import type { ReceivedWebhook } from './support/delivery-receiver';
import type { ReceiversCommand } from './support/delivery-receivers.worker';
import { allArrived, Expected, judge, ReceiverReport } from './support/delivery-results';
import type { ReceivedEvent } from './support/delivery-subscribers';
import { notifyRoundTrips } from './support/notify-baseline';
import { UsageError, whole } from './support/options';
import { SigapServer } from './support/server';
import { percentile, table } from './support/stats';

const GOAL_P99_MS = 250;
const DONE_P99_MS = 1000;
const OPD = 'PUPR-PERKIM';
const OUTAGE_S = 10;

const USAGE = `Usage: npm run bench:delivery -- [options]

Two instances on one PostgreSQL; creates (routed to ${OPD}) and notes at a fixed rate;
graphql-ws subscribers and a webhook receiver on loopback. Mid-run one instance is killed
with SIGKILL (and started again 5 s later) and the receiver answers 500 for ${OUTAGE_S} s.

Options:
  --duration <s>      seconds of load                        (default 60)
  --rate <n>          creates per second (each gets a note)  (default 100)
  --subscribers <n>   graphql-ws subscribers                 (default 4)
  --calm              no kill, no receiver outage
  -h, --help          this text
  BENCH_DATABASE_URL  use this PostgreSQL database instead of a fresh embedded one
`;

const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const step = (line: string): void => say(`· ${line}`);
const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '–');

interface Options {
  durationS: number;
  rate: number;
  subscribers: number;
  calm: boolean;
}

function readOptions(): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        duration: { type: 'string' },
        rate: { type: 'string' },
        subscribers: { type: 'string' },
        calm: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return 'help';
  const durationS = whole('--duration', values.duration, 60, 10);
  return { durationS, rate: whole('--rate', values.rate, 100, 1), subscribers: whole('--subscribers', values.subscribers, 4, 1), calm: values.calm };
}

async function main(cleanup: Cleanup): Promise<void> {
  const options = readOptions();
  if (options === 'help') return say(USAGE);
  say('Sigap delivery benchmark: commit → graphql-ws subscribers and a signed webhook, two instances');
  say(`machine: ${os.availableParallelism()} CPU(s), node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  say(`settings: ${options.rate} creates/s + a note each for ${options.durationS} s, ${options.subscribers} subscribers${options.calm ? ', calm (no kill, no outage)' : ''}`);
  say();

  const database = await openDatabase(process.env.BENCH_DATABASE_URL ?? null, step);
  cleanup.push('the database', () => database.stop());
  step(`database: ${database.description}`);
  await authorizeBench(database.url);
  const adminToken = await benchToken(database.url, 'ADMIN', null);
  const screenToken = await benchToken(database.url, 'SUPERVISOR', null);

  const env = {
    DELIVERY_RELAY_ENABLED: 'true',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    WEBHOOK_ALLOW_HTTP: 'true',
    // Retries come back within 2 s once the receiver is up again, so the run drains quickly.
    WEBHOOK_RETRY_MAX_MS: '2000',
    WEB_CONCURRENCY: '1',
  };
  const servers = new Map<string, SigapServer>();
  const startServer = async (label: string): Promise<void> => {
    const server = await SigapServer.start({ label, databaseUrl: database.url, env });
    servers.set(label, server);
    cleanup.push(`instance ${label}`, () => server.stop());
  };
  await startServer('A');
  await startServer('B');
  const httpUrls = (): string[] => [...servers.values()].map((s) => s.baseUrl);
  const wsUrls = (): string[] => httpUrls().map((u) => `${u.replace(/^http/, 'ws')}/graphql`);
  step(`instances: ${[...servers.entries()].map(([l, s]) => `${l} ${s.baseUrl} (pid ${s.pid})`).join(', ')}`);

  // Receivers in a thread of their own, so the load generator's busy event loop does not delay their clocks.
  const receivers = new Receivers();
  cleanup.push('the receivers', () => receivers.stop());
  const { url: receiverUrl } = await receivers.ask<{ url: string }>({ type: 'start', subscribers: options.subscribers, token: screenToken, wsUrls: wsUrls() });
  const secret = await createEndpoint(httpUrls()[0], adminToken, receiverUrl);
  await receivers.ask({ type: 'secret', secret });
  step(`webhook endpoint for ${OPD}: ${receiverUrl}; ${options.subscribers} subscribers live`);

  // A probe ticket: once every receiver has it, all of them are live and the window starts after it.
  const probeLoad = new DeliveryLoad(httpUrls, 1);
  await probeLoad.stop();
  const probe = probeLoad.acknowledged[0];
  if (!probe) throw new Error(`the probe ticket was not created: ${probeLoad.firstErrors.join('; ')}`);
  await waitFor(async () => (await receivers.ask<{ probeEverywhere: boolean }>({ type: 'status', probeTicketId: probe.ticketId })).probeEverywhere, 30_000, 'the probe');
  const windowStart = await lastPosition(database.url);
  step('every receiver has the probe ticket: measuring');

  // The load, with the kill and the outage on its way.
  const killAt = Math.round(options.durationS * 0.4);
  const outageAt = Math.round(options.durationS * 0.65);
  // Steady: after a warm-up (JIT, pools, caches) of 15 % of the run, until the kill.
  const steady = { from: Date.now() + options.durationS * 150, until: Date.now() + killAt * 1000 };
  const load = new DeliveryLoad(httpUrls, options.rate);
  const started = Date.now();
  const at = (s: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, started + s * 1000 - Date.now())));
  if (!options.calm) {
    await at(killAt);
    const victim = servers.get('A')!;
    servers.delete('A');
    await victim.kill();
    cleanup.forget('instance A');
    await receivers.ask({ type: 'urls', wsUrls: wsUrls() });
    step(`t=${killAt}s: instance A killed with SIGKILL`);
    await at(killAt + 5);
    await startServer('A');
    await receivers.ask({ type: 'urls', wsUrls: wsUrls() });
    step(`t=${killAt + 5}s: instance A started again`);
    await at(outageAt);
    await receivers.ask({ type: 'failing', failing: true });
    step(`t=${outageAt}s: the receiver answers 500`);
    await at(outageAt + OUTAGE_S);
    await receivers.ask({ type: 'failing', failing: false });
    step(`t=${outageAt + OUTAGE_S}s: the receiver answers 204 again`);
  }
  await at(options.durationS);
  await load.stop();
  step(`load done: ${load.sent} requests, ${load.failed} failed (killed instance), ${load.skipped} skipped (too many in flight)`);

  // What committed, read back; then wait until every receiver has it (or give up and count it lost).
  const expected = await committedSince(database.url, windowStart);
  const expectedWebhooks = expected.filter((e) => e.opdCode === OPD);
  const wanted = { type: 'arrived' as const, eventIds: expected.map((e) => e.id), webhookIds: expectedWebhooks.map((e) => e.id) };
  await waitFor(
    () => receivers.ask<boolean>(wanted),
    120_000,
    'delivery of everything committed',
  ).catch(() => undefined);
  const got = await receivers.ask<Collected>({ type: 'collect' });
  const subscribers = got.subscribers;
  const receiver = got.webhooks;
  const drained = subscribers.every((s) => allArrived(expected, s.received.map((e) => ({ ...e, id: e.messageId })))) && allArrived(expectedWebhooks, receiver.received);
  step(drained ? 'every committed event reached every receiver' : 'gave up waiting after 120 s: what is missing is counted as lost');

  const relayLag = Float64Array.from(await relayLags(database.url, windowStart)).sort();
  const baseline = Float64Array.from(await notifyRoundTrips(database.url, 500)).sort();
  const reports: ReceiverReport[] = [
    ...subscribers.map((s) => judge(s.name, expected, s.received.map((e) => ({ ...e, id: e.messageId })), steady)),
    judge('webhook receiver', expectedWebhooks, receiver.received, steady),
  ];
  say();
  say(table([
    ['receiver', 'expected', 'lost', 'dup', 'order', 'repeats', 'steady p50', 'steady p99', 'all p50', 'all p99', 'max'],
    ...reports.map((r) => [r.name, String(r.expected), String(r.lost), String(r.duplicates), String(r.orderViolations), String(r.repeats), ms(r.steady.p50), ms(r.steady.p99), ms(r.all.p50), ms(r.all.p99), ms(r.all.max)]),
  ]));
  say();
  const p50 = percentile(baseline, 50);
  say(`baseline (same run, same database): NOTIFY committed → LISTENing client, 500 round trips: p50 ${ms(p50)}, p99 ${ms(percentile(baseline, 99))}`);
  say(`relay (event time → published, from the outbox rows): p50 ${ms(percentile(relayLag, 50))}, p99 ${ms(percentile(relayLag, 99))}`);
  for (const r of reports) say(`  ${r.name}: steady p50 ${ms(r.steady.p50)} = ${(r.steady.p50 / p50).toFixed(1)}× the NOTIFY round trip`);
  say(`webhooks: ${receiver.received.length} arrivals, ${receiver.refused} answered 500 during the outage, ${receiver.badSignatures} bad signatures; reconnects: ${subscribers.map((s) => s.reconnects).join(', ')}`);
  const worst = Math.max(...reports.map((r) => r.steady.p99));
  const failures = reports.filter((r) => r.lost || r.duplicates || r.orderViolations).map((r) => r.name);
  say();
  say(`verdict: steady p99 ${ms(worst)} (goal ≤ ${GOAL_P99_MS} ms, done ≤ ${DONE_P99_MS} ms): ${worst <= GOAL_P99_MS ? 'goal met' : worst <= DONE_P99_MS ? 'done, goal not met' : 'NOT MET'}; ` +
    (failures.length ? `LOST, DUPLICATED OR OUT OF ORDER at ${failures.join(', ')}` : '0 lost, 0 duplicates, 0 order violations'));
  if (load.firstErrors.length) say(`first request errors: ${load.firstErrors.join(' | ')}`);
  if (failures.length) throw new Error('delivery lost, duplicated or reordered messages');
}

async function createEndpoint(baseUrl: string, token: string, url: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation E($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
      variables: { input: { opdCode: OPD, url, events: ['TICKET_CHANGED'] } },
    }),
  });
  const body = (await response.json()) as { data?: { createWebhookEndpoint: { secret: string } }; errors?: unknown };
  if (!body.data) throw new Error(`createWebhookEndpoint failed: ${JSON.stringify(body.errors)}`);
  return body.data.createWebhookEndpoint.secret;
}

async function lastPosition(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query<{ p: string }>('select coalesce(max(position), 0) as p from outbox_message')).rows[0].p);
}

async function committedSince(url: string, position: string): Promise<Array<Expected & { opdCode: string | null }>> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ id: string; ticket_id: string; version: number; occurred_at: string; opd_code: string | null }>(
      `select id, aggregate_id as ticket_id, (payload->>'seq')::int as version, payload->>'occurredAt' as occurred_at, payload->>'opdCode' as opd_code
         from outbox_message where topic like 'ticket.%' and position > $1 order by position`,
      [position],
    );
    return rows.map((r) => ({ id: r.id, ticketId: r.ticket_id, version: r.version, occurredAt: Date.parse(r.occurred_at), opdCode: r.opd_code }));
  });
}

/** Milliseconds from each measured message's time to its publication by a relay. */
async function relayLags(url: string, position: string): Promise<number[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ ms: number }>(
      `select extract(epoch from (published_at - created_at)) * 1000 as ms from outbox_message where position > $1 and published_at is not null`,
      [position],
    );
    return rows.map((r) => Number(r.ms));
  });
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function waitFor(done: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Collected {
  subscribers: Array<{ name: string; received: ReceivedEvent[]; reconnects: number }>;
  webhooks: { received: ReceivedWebhook[]; refused: number; badSignatures: number };
}

/** The receivers' thread (support/delivery-receivers.worker.ts): one command at a time, answered in order. */
class Receivers {
  private readonly worker = new Worker(path.join(__dirname, 'support', 'delivery-receivers.worker.js'));
  private readonly waiting: Array<{ resolve: (v: unknown) => void; reject: (e: Error) => void }> = [];
  private stopped = false;

  constructor() {
    this.worker.on('message', (m: { ok: boolean; reply?: unknown; error?: string }) => {
      const next = this.waiting.shift();
      if (m.ok) next?.resolve(m.reply);
      else next?.reject(new Error(`receivers: ${m.error}`));
    });
    this.worker.on('error', (error) => this.waiting.splice(0).forEach((w) => w.reject(error)));
  }

  ask<T = unknown>(command: ReceiversCommand): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage(command);
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.ask({ type: 'stop' }).catch(() => undefined);
    await this.worker.terminate();
  }
}

runBench('bench:delivery', main);

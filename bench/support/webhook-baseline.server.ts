/**
 * The baseline of `npm run bench:webhooks`, run as its own process: a bare
 * node:http route doing what the floor of a webhook is — read the body,
 * check Meta's HMAC over the raw bytes, one INSERT … ON CONFLICT DO NOTHING
 * with plain pg, answer 200 — and nothing else (no Nest, no registry
 * lookup, no conversation). Prints `ready <port>` when listening.
 *
 * Usage: node dist/bench/support/webhook-baseline.server.js <databaseUrl> <appSecret> <poolSize>
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';

export const BASELINE_TABLE = 'bench_webhook_baseline';

async function main(): Promise<void> {
  const [databaseUrl, appSecret, poolSize] = process.argv.slice(2);
  const pool = new Pool({ connectionString: databaseUrl, max: Number(poolSize) || 10 });
  await pool.query(`create table if not exists ${BASELINE_TABLE} (platform_message_id text primary key, sender text not null, body text, received_at timestamptz not null)`);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = String(req.headers['x-hub-signature-256'] ?? '');
      const expected = createHmac('sha256', appSecret).update(raw).digest();
      const given = Buffer.from(header.replace(/^sha256=/, ''), 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401).end();
        return;
      }
      const body = JSON.parse(raw.toString()) as { entry: Array<{ changes: Array<{ value: { messages: Array<{ id: string; from: string; text?: { body: string } }> } }> }> };
      const m = body.entry[0].changes[0].value.messages[0];
      pool
        .query(`insert into ${BASELINE_TABLE} (platform_message_id, sender, body, received_at) values ($1, $2, $3, now()) on conflict do nothing`, [m.id, m.from, m.text?.body ?? null])
        .then(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('EVENT_RECEIVED'))
        .catch(() => res.writeHead(500).end());
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`));
  process.on('SIGINT', () => server.close(() => void pool.end().then(() => process.exit(0))));
}

if (require.main === module) void main();

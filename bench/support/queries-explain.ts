/**
 * The EXPLAIN (ANALYZE, BUFFERS) of one benchmarked request, from the SQL the
 * server really sends: a second server with the SQL tap preloaded (never the
 * measured one) answers the request once to warm up and once captured; every
 * statement of the captured request that reads a ticket or SLA table is then
 * explained with its own parameters.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client } from 'pg';
import { SigapServer } from './server';
import type { TappedStatement } from './sql-tap';
import { Request, timeRequest } from './queries-requests';

const TAP = path.join(__dirname, 'sql-tap.js');
const READS = /^\s*(with|select)\b[\s\S]*\b(ticket|ticket_sla|ticket_sla_clock|sla_compliance_day|sla_compliance_delta)\b/i;

export async function explainRequest(databaseUrl: string, env: Record<string, string>, token: string, req: Request, client: Client): Promise<string[]> {
  const file = path.join(os.tmpdir(), `sigap-bench-sql-${randomBytes(4).toString('hex')}.jsonl`);
  fs.writeFileSync(file, '');
  try {
    const server = await SigapServer.start({ label: 'explain', databaseUrl, nodeArgs: ['-r', TAP], env: { ...env, SIGAP_BENCH_SQL_TAP: file } });
    let offset: number;
    try {
      await timeRequest(`${server.baseUrl}/graphql`, token, req);
      offset = fs.statSync(file).size;
      await timeRequest(`${server.baseUrl}/graphql`, token, req);
    } finally {
      await server.stop();
    }
    const statements = fs
      .readFileSync(file)
      .subarray(offset)
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as TappedStatement)
      .filter((s) => READS.test(s.text) && !/^\s*explain/i.test(s.text));
    const lines: string[] = [];
    for (const s of statements) {
      lines.push(`-- ${s.text.replace(/\s+/g, ' ').slice(0, 400)}${s.text.length > 400 ? ' …' : ''}`);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.text}`, s.values);
      lines.push(...rows.map((r) => `   ${r['QUERY PLAN']}`));
    }
    return lines;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

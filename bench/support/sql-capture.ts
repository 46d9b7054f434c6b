import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreatedTicket, GRAPHQL_PATH, INTAKE_BODY, INTAKE_HEADERS, parseCreated } from './intake-request';
import { SigapServer } from './server';
import type { TappedStatement } from './sql-tap';

export interface SqlCapture {
  /** Every statement one createTicket request sent, in order. */
  readonly statements: readonly TappedStatement[];
  /** What that request answered; its id and number appear in the statements. */
  readonly created: CreatedTicket;
}

/**
 * What the create path should send, from reading the code (CreateTicketHandler,
 * TicketIntakeWriter). The district read is served from a one-minute
 * cache once warm, so the captured (second) create does not send it. Only compared and
 * reported: the baseline replays what was captured, not this list.
 */
export const EXPECTED_SHAPES: readonly string[] = [
  // TicketIntakeWriter.write: one statement of data-modifying CTEs, atomic by
  // itself: the ticket number drawn from its sequence, the ticket (with its
  // sla_next_due_at), its event, the outbox message, and SlaClockWriter's planned
  // timeline and clocks.
  'INSERT ticket + ticket_event + outbox_message + ticket_sla + ticket_sla_clock',
];

const TAP = path.join(__dirname, 'sql-tap.js');

/**
 * The capture server's scheduled work, switched off: the SLA sweep, the outbox
 * relay, the webhook dispatcher and the attachment cleanup query the database on
 * their own timers, and a statement of theirs landing between two of the
 * create's would be replayed as part of it (or split its transaction across
 * connections). The measured server runs with all of them on.
 */
const QUIET_BACKGROUND: Readonly<Record<string, string>> = {
  SLA_SWEEP_ENABLED: 'false',
  DELIVERY_RELAY_ENABLED: 'false',
  WEBHOOK_DISPATCHER_ENABLED: 'false',
  ATTACHMENT_CLEANUP_ENABLED: 'false',
};

/**
 * Runs the built server once more with the SQL tap preloaded, sends one
 * createTicket, and returns exactly the statements that request sent.
 */
export async function captureCreateSql(databaseUrl: string): Promise<SqlCapture> {
  const file = path.join(os.tmpdir(), `sigap-bench-sql-${randomBytes(4).toString('hex')}.jsonl`);
  fs.writeFileSync(file, '');
  try {
    const server = await SigapServer.start({
      label: 'capture',
      databaseUrl,
      nodeArgs: ['-r', TAP],
      env: { SIGAP_BENCH_SQL_TAP: file, ...QUIET_BACKGROUND },
    });
    let created: CreatedTicket;
    let offset: number;
    try {
      // A first request opens the pool's connection (knex then sends its
      // connection set-up); the captured second one is the steady state.
      await createOnce(server.baseUrl);
      offset = fs.statSync(file).size;
      created = await createOnce(server.baseUrl);
    } finally {
      await server.stop();
    }
    const statements = fs
      .readFileSync(file)
      .subarray(offset)
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as TappedStatement);
    if (statements.length === 0) throw new Error('The SQL tap recorded no statement for createTicket: is sql-tap.js preloaded?');
    return { statements, created };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function createOnce(baseUrl: string): Promise<CreatedTicket> {
  const response = await fetch(`${baseUrl}${GRAPHQL_PATH}`, { method: 'POST', headers: INTAKE_HEADERS, body: INTAKE_BODY });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`The capture request answered HTTP ${response.status}: ${body}`);
  return parseCreated(body);
}

/** A statement's kind and main table, e.g. "INSERT ticket_event"; for display and comparison. */
export function shapeOf(sql: string): string {
  const text = sql.trim();
  let m: RegExpExecArray | null;
  // Several statements in one simple query, e.g. "BEGIN; SELECT nextval(…)".
  const parts = text.split(/;\s*(?=\S)/);
  if (parts.length > 1) return parts.map(shapeOf).join(' + ');
  if (/^with\b/i.test(text)) {
    const tables = [...text.matchAll(/\binsert\s+into\s+"?([\w.]+)"?/gi)].map((x) => x[1]);
    if (tables.length) return `INSERT ${tables.join(' + ')}`;
  }
  if (/^(begin|start\s+transaction)\b/i.test(text)) return 'BEGIN';
  if (/^commit\b/i.test(text)) return 'COMMIT';
  if (/^rollback\b/i.test(text)) return 'ROLLBACK';
  if ((m = /^select\s+nextval\(\s*'([^']+)'\s*\)/i.exec(text))) return `SELECT nextval('${m[1]}')`;
  if ((m = /^insert\s+into\s+"?([\w.]+)"?/i.exec(text))) return `INSERT ${m[1]}`;
  if ((m = /^update\s+"?([\w.]+)"?/i.exec(text))) return `UPDATE ${m[1]}`;
  if ((m = /^delete\s+from\s+"?([\w.]+)"?/i.exec(text))) return `DELETE ${m[1]}`;
  if ((m = /^select\b[\s\S]*?\bfrom\s+"?([\w.]+)"?/i.exec(text))) return `SELECT ${m[1]}`;
  return text.split(/\s+/)[0].toUpperCase();
}

/** Differences between the captured statements and {@link EXPECTED_SHAPES}, as multisets; empty when they agree. */
export function compareWithExpected(statements: readonly TappedStatement[]): { missing: string[]; unexpected: string[] } {
  const left = [...EXPECTED_SHAPES];
  const unexpected: string[] = [];
  for (const statement of statements) {
    const shape = shapeOf(statement.text);
    const at = left.indexOf(shape);
    if (at >= 0) left.splice(at, 1);
    else unexpected.push(shape);
  }
  return { missing: left, unexpected };
}

import type { SqlRunner } from '../../../infra/database/sql-runner';

/**
 * The numbers of the given tickets (BGL-2026-000123), by id, read on the
 * caller's connection: for domains that tell people about tickets (SLA
 * escalations) without querying the ticket table themselves.
 *
 * @example
 * const numbers = await ticketNumbers(sql, ['6f1c…']); // Map { '6f1c…' => 'BGL-2026-000042' }
 */
export async function ticketNumbers(sql: SqlRunner, ticketIds: readonly string[]): Promise<Map<string, string>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await sql.query<{ id: string; number: string }>(
    'select id, number from ticket where id in (select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb)))',
    [JSON.stringify([...new Set(ticketIds)])],
  );
  return new Map(rows.map((r) => [r.id, r.number]));
}

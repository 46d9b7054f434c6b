import type { SqlRunner } from '../../../infra/database/sql-runner';
import { ACTIVE_EMERGENCY_SQL } from '../domain/open-tickets';

/**
 * The ids of the open, unresolved emergencies, at most `limit`, in the SLA
 * board's order: the soonest running due time first (`sla_next_due_at`, kept
 * with every event), those with no clock running last, newest report first
 * among them. Read on the caller's connection through the partial index
 * `ticket_active_emergency_idx`, which holds only these tickets in this order,
 * so the cost follows `limit`, not how many tickets or emergencies are stored.
 *
 * @example
 * const ids = await activeEmergencyIds(sql, 'BPBD', 200); // ['6f1c…', …]
 */
export async function activeEmergencyIds(sql: SqlRunner, opdCode: string | null, limit: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `select id from ticket
      where ${ACTIVE_EMERGENCY_SQL} and (cast(? as text) is null or opd_code = ?)
      order by sla_next_due_at, reported_at desc, id
      limit ?`,
    [opdCode, opdCode, limit],
  );
  return rows.map((r) => r.id);
}

import { QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Ticket } from '../domain/ticket.entity';

/**
 * The one lock order of Sigap's writers: ticket rows first, in id order, then
 * whatever hangs off them (events, SLA timeline and clocks). Every
 * transaction that changes tickets takes its ticket locks through here, so
 * two writers never hold one lock each and wait for the other's.
 *
 * The lock is FOR NO KEY UPDATE, the lock an UPDATE of non-key columns takes
 * anyway: it stops other writers of the ticket but not the foreign-key checks
 * of rows that point at it (the SLA sweeper inserting an escalation while it
 * holds a clock this command's sink waits for). FOR UPDATE would block those
 * checks and deadlock with the sweeper.
 *
 * @example
 * const [a, b] = await lockTickets(tx, [duplicateId, survivorId]);
 */
export async function lockTickets(tx: EntityManager, ids: readonly string[], where: Record<string, unknown> = {}): Promise<Ticket[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  // PostgreSQL locks the rows as the sorted scan returns them: in id order.
  await tx.execute(
    'select id from ticket where id in (select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb))) order by id for no key update',
    [JSON.stringify(unique)],
  );
  // Read after the lock: under READ COMMITTED this sees the newest committed version.
  return tx.find(Ticket, { ...where, id: { $in: unique } }, { orderBy: { id: QueryOrder.ASC } });
}

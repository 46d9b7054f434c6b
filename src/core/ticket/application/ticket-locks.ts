import { LockMode, QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Ticket } from '../domain/ticket.entity';

/**
 * The one lock order of Sigap's writers: ticket rows first, in id order, then
 * whatever hangs off them (events, SLA timeline and clocks). Every
 * transaction that changes tickets takes its ticket locks through here, so
 * two writers never hold one lock each and wait for the other's.
 *
 * @example
 * const [a, b] = await lockTickets(tx, [duplicateId, survivorId]);
 */
export function lockTickets(tx: EntityManager, ids: readonly string[], where: Record<string, unknown> = {}): Promise<Ticket[]> {
  return tx.find(
    Ticket,
    { ...where, id: { $in: [...new Set(ids)] } },
    // PostgreSQL locks the rows as the sorted scan returns them: in id order.
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: QueryOrder.ASC } },
  );
}

import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import type { Actor } from '../../actor';

/**
 * Writes the reporter access log (`reporter_access_log`, this domain's
 * table): each read of a reporter's identity, and each caller lookup. One
 * insert per call, however many tickets.
 *
 * @example
 * await recorder.ticketsRead(actor, 'Query.tickets', ticketIds);
 * await recorder.callerLookedUp(actor, 'Query.callerHistory', '+6281234567890', shownTicketIds);
 */
@Injectable()
export class ReporterAccessRecorder {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Reporter identities of these tickets were returned. */
  async ticketsRead(actor: Actor, operation: string, ticketIds: readonly string[]): Promise<void> {
    await this.insert(actor, operation, null, [...new Set(ticketIds)]);
  }

  /**
   * A caller's history was looked up by phone: a row for the lookup itself
   * (even when it found nothing) and one for each ticket it showed.
   */
  async callerLookedUp(actor: Actor, operation: string, phone: string, shownTicketIds: readonly string[]): Promise<void> {
    await this.insert(actor, operation, phone, [null, ...new Set(shownTicketIds)]);
  }

  /**
   * Social-media senders' identities (handle, name) were shown: one row per
   * sender, the handle (`whatsapp:<wa_id>`, `telegram:<chat id>`…) in
   * `reporter_phone`, with the ticket the conversation became, if any.
   */
  async sendersRead(actor: Actor, operation: string, senders: ReadonlyArray<{ handle: string; ticketId: string | null }>): Promise<void> {
    if (senders.length === 0) return;
    await this.em.fork().getConnection().execute(
      `insert into reporter_access_log (id, ticket_id, reporter_phone, actor_id, actor_role, actor_opd, operation, accessed_at)
       select gen_random_uuid(), cast(value ->> 'ticketId' as uuid), value ->> 'handle', ?, ?, ?, ?, ? from jsonb_array_elements(cast(? as jsonb))`,
      [actor.userId, actor.role, actor.opdCode, operation, this.clock.now(), JSON.stringify(senders)],
    );
  }

  private async insert(actor: Actor, operation: string, phone: string | null, ticketIds: ReadonlyArray<string | null>): Promise<void> {
    if (ticketIds.length === 0) return;
    await this.em.fork().getConnection().execute(
      `insert into reporter_access_log (id, ticket_id, reporter_phone, actor_id, actor_role, actor_opd, operation, accessed_at)
       select gen_random_uuid(), cast(value #>> '{}' as uuid), ?, ?, ?, ?, ?, ? from jsonb_array_elements(cast(? as jsonb))`,
      [phone, actor.userId, actor.role, actor.opdCode, operation, this.clock.now(), JSON.stringify(ticketIds)],
    );
  }
}

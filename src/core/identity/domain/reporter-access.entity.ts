import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One read of a reporter's identity (UU PDP: processing is recorded): who,
 * when, which ticket, through which operation. Written whenever the API
 * returns a name, phone, e-mail or NIK, and for every caller lookup (by
 * phone: one row for the lookup, one per ticket it showed).
 */
@Entity({ tableName: 'reporter_access_log' })
@Index({ name: 'reporter_access_ticket_idx', properties: ['ticketId', 'accessedAt'] })
@Index({ name: 'reporter_access_actor_idx', properties: ['actorId', 'accessedAt'] })
export class ReporterAccess {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The ticket whose reporter was read; null for a caller lookup as such (see reporterPhone). */
  @Property({ type: 'uuid', nullable: true })
  ticketId: string | null = null;

  /** For caller lookups: the phone number (E.164) that was looked up. */
  @Property({ type: 'text', nullable: true })
  reporterPhone: string | null = null;

  @Property({ type: 'text' })
  actorId!: string;

  @Property({ type: 'text' })
  actorRole!: string;

  @Property({ type: 'text', nullable: true })
  actorOpd: string | null = null;

  /** The GraphQL operation, e.g. Query.tickets. */
  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'timestamptz' })
  accessedAt!: Date;
}

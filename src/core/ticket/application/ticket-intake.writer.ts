import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ClientBase, DatabaseError } from 'pg';
import type { Actor } from '../../actor';
import type { Ticket } from '../domain/ticket.entity';
import { pgClientSql } from '../../../infra/database/sql-runner';
import { asRecorded, type eventRows } from './ticket-changer';
import { TICKET_EVENT_SINK, TicketEventSink } from './ticket-event.sink';
import { bindAttachments } from './ticket-attachments';
import { TICKET_ATTACHMENT_BINDER, type TicketAttachmentBinder } from './ticket-attachment.binder';

type EventRows = ReturnType<typeof eventRows>;

/**
 * Column name → how to read it from a new ticket. Every column the Ticket
 * entity maps must be here (a test compares this list with the ORM's
 * metadata), except the generated search column.
 */
export const TICKET_COLUMNS: ReadonlyArray<readonly [string, (t: Ticket) => unknown]> = [
  ['id', (t) => t.id],
  ['number', (t) => t.number],
  ['kind', (t) => t.kind],
  ['priority', (t) => t.priority],
  ['state', (t) => t.state],
  ['held_from', (t) => t.heldFrom],
  ['field_response', (t) => t.fieldResponse],
  ['channel', (t) => t.channel],
  ['channel_platform', (t) => t.channelPlatform],
  ['channel_account', (t) => t.channelAccount],
  ['channel_reference', (t) => t.channelReference],
  ['reporter_name', (t) => t.reporter.name],
  ['reporter_phone', (t) => t.reporter.phone],
  ['reporter_email', (t) => t.reporter.email],
  ['reporter_language', (t) => t.reporter.language],
  ['reporter_nik', (t) => t.reporter.nik],
  ['reporter_anonymous', (t) => t.reporter.anonymous],
  ['reporter_confidential', (t) => t.reporter.confidential],
  ['location_latitude', (t) => t.location.latitude],
  ['location_longitude', (t) => t.location.longitude],
  ['location_address', (t) => t.location.address],
  ['location_district', (t) => t.location.district],
  ['location_village', (t) => t.location.village],
  ['location_landmark', (t) => t.location.landmark],
  ['category_code', (t) => t.categoryCode],
  ['opd_code', (t) => t.opdCode],
  ['attributes', (t) => JSON.stringify(t.attributes)],
  ['description', (t) => t.description],
  ['description_language', (t) => t.descriptionLanguage],
  ['translation', (t) => t.translation],
  ['translation_language', (t) => t.translationLanguage],
  ['attachments', (t) => JSON.stringify(t.attachments)],
  ['tags', (t) => t.tags],
  ['assigned_unit', (t) => t.assignedUnit],
  ['assigned_officer', (t) => t.assignedOfficer],
  ['duplicate_of_id', (t) => t.duplicateOf?.id ?? null],
  ['outcome_note', (t) => t.outcomeNote],
  ['reopen_count', (t) => t.reopenCount],
  ['reported_at', (t) => t.reportedAt],
  ['created_at', (t) => t.createdAt],
  ['updated_at', (t) => t.updatedAt],
  ['created_by', (t) => t.createdBy],
  ['triaged_at', (t) => t.triagedAt],
  ['dispatched_at', (t) => t.dispatchedAt],
  ['acknowledged_at', (t) => t.acknowledgedAt],
  ['departed_at', (t) => t.departedAt],
  ['on_site_at', (t) => t.onSiteAt],
  ['resolved_at', (t) => t.resolvedAt],
  ['closed_at', (t) => t.closedAt],
  ['answered_at', (t) => t.answeredAt],
  ['rejected_at', (t) => t.rejectedAt],
  ['idempotency_key', (t) => t.idempotencyKey],
  ['idempotency_hash', (t) => t.idempotencyHash],
  ['version', (t) => t.version],
  ['last_event_seq', (t) => t.lastEventSeq],
  ['sla_next_due_at', (t) => t.slaNextDueAt],
];

const INSERT_TICKET = `INSERT INTO ticket (${TICKET_COLUMNS.map(([c]) => c).join(', ')}) VALUES (${TICKET_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
const INSERT_EVENT =
  'INSERT INTO ticket_event (id, ticket_id, seq, type, from_state, to_state, actor_id, actor_role, actor_opd, occurred_at, payload, context) ' +
  'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)';
const INSERT_OUTBOX =
  'INSERT INTO outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6)';

/** Thrown when a create lost the race for its idempotency key. */
export class IdempotencyKeyTaken extends Error {}

/**
 * The intake's write: one transaction with the ticket number, the ticket, its
 * events and their outbox messages, as plain parameterised SQL on a pooled
 * connection of the ORM. Intake is the hottest write; measured here, the
 * ORM's per-statement machinery cost a create more CPU than the HTTP, GraphQL
 * and validation layers together (bench/README.md). Every other write goes
 * through the unit of work.
 */
@Injectable()
export class TicketIntakeWriter {
  constructor(
    private readonly em: EntityManager,
    // Required: without it every SLA clock would silently stop.
    @Inject(TICKET_EVENT_SINK) private readonly sink: TicketEventSink,
    @Optional() @Inject(TICKET_ATTACHMENT_BINDER) private readonly attachments: TicketAttachmentBinder | null = null,
  ) {}

  /**
   * Draws the next ticket number, lets `build` make the ticket and its event
   * rows with it, and writes them all or nothing. Uploads named in
   * `attachments` are bound to the new ticket (by its first event) in the same
   * transaction; a refused one fails the whole create.
   */
  async write(
    build: (sequence: number) => { ticket: Ticket; events: EventRows[] },
    attachments?: { readonly ids: readonly string[]; readonly actor: Actor; readonly at: Date },
  ): Promise<Ticket> {
    // knex types its client as any; these two calls are all the intake uses of it.
    const pool = this.em.getConnection().getKnex().client as { acquireConnection(): Promise<ClientBase>; releaseConnection(client: ClientBase): Promise<void> };
    const client = await pool.acquireConnection();
    try {
      await client.query('BEGIN');
      try {
        const { rows } = await client.query<{ seq: string }>(`SELECT nextval('ticket_number_seq') AS seq`);
        const { ticket, events } = build(Number(rows[0].seq));
        await client.query(INSERT_TICKET, TICKET_COLUMNS.map(([, read]) => read(ticket)));
        for (const { event, outbox } of events) {
          await client.query(INSERT_EVENT, [
            event.id, event.ticket, event.seq, event.type, event.fromState, event.toState,
            event.actorId, event.actorRole, event.actorOpd, event.occurredAt, JSON.stringify(event.payload), JSON.stringify(event.context),
          ]);
          await client.query(INSERT_OUTBOX, [
            outbox.id, outbox.topic, outbox.aggregateType, outbox.aggregateId, JSON.stringify(outbox.payload), outbox.createdAt,
          ]);
        }
        if (attachments?.ids.length) {
          const binding = { ticketId: ticket.id, seq: 1, attachmentIds: attachments.ids, actor: attachments.actor, at: attachments.at };
          await bindAttachments(this.attachments, pgClientSql(client), binding);
        }
        const followed = await this.sink.record(pgClientSql(client), events.map((e) => asRecorded(e.event)));
        const due = followed?.nextDueAt.get(ticket.id);
        if (due) {
          // The clocks start with the report: one more statement, instead of knowing SLA here.
          await client.query('UPDATE ticket SET sla_next_due_at = $1 WHERE id = $2', [due, ticket.id]);
          ticket.slaNextDueAt = due;
        }
        await client.query('COMMIT');
        return ticket;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const pgError = error as Partial<DatabaseError>;
        if (pgError.code === '23505' && pgError.constraint === 'ticket_idempotency_key_unique') throw new IdempotencyKeyTaken();
        throw error;
      }
    } finally {
      await pool.releaseConnection(client);
    }
  }
}

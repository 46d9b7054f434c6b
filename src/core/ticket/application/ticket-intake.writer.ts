import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ClientBase, DatabaseError } from 'pg';
import type { Actor } from '../../actor';
import type { Ticket } from '../domain/ticket.entity';
import { TICKET_SEQUENCE_DIGITS } from '../domain/ticket-number';
import { pgClientSql } from '../../../infra/database/sql-runner';
import { asRecorded, type eventRows } from './ticket-changer';
import { TICKET_EVENT_SINK, type PlannedFollowUp, TicketEventSink } from './ticket-event.sink';
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

const EVENT_COLUMNS = 'id, ticket_id, seq, type, from_state, to_state, actor_id, actor_role, actor_opd, occurred_at, payload, context';
const OUTBOX_COLUMNS = 'id, topic, aggregate_type, aggregate_id, payload, created_at';
const EVENT_WIDTH = 12;
const OUTBOX_WIDTH = 6;

/**
 * The padded sequence after the number's head, in SQL: the same text as
 * formatTicketNumber (the intake writer's integration test compares them).
 * `$1` is the head; `s` the drawn sequence value.
 */
export const NUMBER_SQL = `cast($1 AS text) || lpad(s::text, greatest(${TICKET_SEQUENCE_DIGITS}, length(s::text)), '0')`;

/**
 * A create as one statement: the ticket number drawn from the sequence, the
 * ticket, its events, their outbox messages and the sink's rows, as
 * data-modifying CTEs. A statement is atomic on its own, and PostgreSQL
 * checks its foreign keys at its end. One round trip instead of nine: measured
 * here, each cost the server about 0.35 CPU-ms in the socket write alone
 * (bench/README.md). Multi-row VALUES keep the events' order, so the outbox
 * positions follow the event sequence. The text is cached by its shape: the
 * event count (1, or 2 with an answer) and the sink's statements.
 */
const intakeStatements = new Map<string, string>();
function intakeStatement(eventCount: number, followUp: PlannedFollowUp['statements']): string {
  const key = `${eventCount}\u0000${followUp.map((f) => f.sql).join('\u0000')}`;
  let text = intakeStatements.get(key);
  if (text) return text;
  let n = 1; // $1: the number's head
  const param = (): string => `$${++n}`;
  const number = '(SELECT number FROM new_number)';
  const ticket = `(${TICKET_COLUMNS.map(([column]) => (column === 'number' ? number : param())).join(', ')})`;
  const events: string[] = [];
  const outbox: string[] = [];
  for (let i = 0; i < eventCount; i++) events.push(`(${Array.from({ length: EVENT_WIDTH }, param).join(', ')})`);
  for (let i = 0; i < eventCount; i++) {
    // The payload as built, plus the number it could not know yet.
    const [id, topic, type, aggregate, payload, createdAt] = Array.from({ length: OUTBOX_WIDTH }, param);
    outbox.push(`(${id}, ${topic}, ${type}, ${aggregate}, cast(${payload} AS jsonb) || jsonb_build_object('number', ${number}), ${createdAt})`);
  }
  const ctes = [
    `new_number AS (SELECT ${NUMBER_SQL} AS number FROM nextval('ticket_number_seq') AS s)`,
    `new_ticket AS (INSERT INTO ticket (${TICKET_COLUMNS.map(([c]) => c).join(', ')}) VALUES ${ticket})`,
    `new_events AS (INSERT INTO ticket_event (${EVENT_COLUMNS}) VALUES ${events.join(', ')})`,
    `new_outbox AS (INSERT INTO outbox_message (${OUTBOX_COLUMNS}) VALUES ${outbox.join(', ')})`,
    // The sink's statements use `?` placeholders; they continue the numbering.
    ...followUp.map((f, i) => `follow_up_${i + 1} AS (${f.sql.replace(/\?/g, param)})`),
  ];
  text = `WITH ${ctes.join(', ')} SELECT number FROM new_number`;
  if (intakeStatements.size < 16) intakeStatements.set(key, text);
  return text;
}

function intakeParams(head: string, ticket: Ticket, events: readonly EventRows[], followUp: PlannedFollowUp['statements']): unknown[] {
  const params: unknown[] = [head];
  for (const [column, read] of TICKET_COLUMNS) if (column !== 'number') params.push(read(ticket));
  for (const { event } of events) {
    params.push(
      event.id, event.ticket, event.seq, event.type, event.fromState, event.toState,
      event.actorId, event.actorRole, event.actorOpd, event.occurredAt, JSON.stringify(event.payload), JSON.stringify(event.context),
    );
  }
  for (const { outbox } of events) {
    const { number: _drawnInSql, ...payload } = outbox.payload;
    params.push(outbox.id, outbox.topic, outbox.aggregateType, outbox.aggregateId, JSON.stringify(payload), outbox.createdAt);
  }
  for (const f of followUp) params.push(...f.params);
  return params;
}

/** Thrown when a create lost the race for its idempotency key. */
export class IdempotencyKeyTaken extends Error {}

/**
 * The intake's write: the ticket number, the ticket, its events, their outbox
 * messages and the SLA's rows in one statement (all or nothing), as plain
 * parameterised SQL on a pooled connection of the ORM. Intake is the hottest
 * write; measured here, the ORM's per-statement machinery, then each round
 * trip, cost a create more CPU than the HTTP, GraphQL and validation layers
 * (bench/README.md). Every other write goes through the unit of work.
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
   * Lets `build` make the ticket and its event rows, then writes them all or
   * nothing, drawing the ticket's number in the same statement: `numberHead`
   * (see ticketNumberHead) followed by the padded sequence, set on the
   * returned ticket and on the outbox messages. Uploads named in
   * `attachments` are bound to the new ticket (by its first event) in the same
   * transaction; a refused one fails the whole create.
   */
  async write(
    numberHead: string,
    build: () => { ticket: Ticket; events: EventRows[] },
    attachments?: { readonly ids: readonly string[]; readonly actor: Actor; readonly at: Date },
  ): Promise<Ticket> {
    // A refused step (e.g. an answer the lifecycle does not allow) fails here, before any connection is taken.
    const { ticket, events } = build();
    // knex types its client as any; these two calls are all the intake uses of it.
    const pool = this.em.getConnection().getKnex().client as { acquireConnection(): Promise<ClientBase>; releaseConnection(client: ClientBase): Promise<void> };
    const client = await pool.acquireConnection();
    // Uploads are bound by statements of their own domain once the ticket
    // exists: then the create needs a transaction around its statements.
    const binding = attachments?.ids.length ? attachments : null;
    try {
      try {
        if (binding) await client.query('BEGIN');
        const sql = pgClientSql(client);
        const followUp = await this.sink.planCreated(sql, events.map((e) => asRecorded(e.event)));
        const due = followUp.nextDueAt.get(ticket.id);
        // The clocks start with the report; the ticket is written with its next due time.
        if (due) ticket.slaNextDueAt = due;
        const { rows } = await client.query<{ number: string }>(
          intakeStatement(events.length, followUp.statements),
          intakeParams(numberHead, ticket, events, followUp.statements),
        );
        ticket.number = rows[0].number;
        if (binding) {
          await bindAttachments(this.attachments, sql, { ticketId: ticket.id, seq: 1, attachmentIds: binding.ids, actor: binding.actor, at: binding.at });
          await client.query('COMMIT');
        }
        followUp.written();
        return ticket;
      } catch (error) {
        if (binding) await client.query('ROLLBACK').catch(() => undefined);
        const pgError = error as Partial<DatabaseError>;
        if (pgError.code === '23505' && pgError.constraint === 'ticket_idempotency_key_unique') throw new IdempotencyKeyTaken();
        throw error;
      }
    } finally {
      await pool.releaseConnection(client);
    }
  }
}

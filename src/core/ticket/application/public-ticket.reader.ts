import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { entityManagerSql, SqlRunner } from '../../../infra/database/sql-runner';
import { TicketState } from '../lifecycle';
import { NoteVisibility, TicketChannel } from '../domain/ticket.enums';

/**
 * A ticket as the public may see it. The type has no reporter field at all:
 * whatever a caller does with it, no name, phone, e-mail or NIK can leak.
 */
export interface PublicTicket {
  readonly id: string;
  readonly number: string;
  readonly state: TicketState;
  readonly kind: string;
  readonly channel: TicketChannel;
  readonly categoryCode: string | null;
  readonly opdCode: string | null;
  readonly description: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly address: string | null;
  readonly mediaUrls: readonly string[];
  readonly reportedAt: Date;
  readonly updatedAt: Date;
  readonly createdBy: string;
  readonly version: number;
  /** The newest public note (words an OPD meant for the citizen), if any. */
  readonly publicNote: string | null;
}

/** Which public tickets to list; every condition given must hold. */
export interface PublicTicketFilter {
  /** Ticket numbers; when given, the date window is not applied. */
  readonly numbers?: readonly string[] | null;
  /** Only these categories (the caller passes those it may publish). */
  readonly categoryCodes: readonly string[];
  readonly reportedFrom?: Date | null;
  readonly reportedTo?: Date | null;
  readonly states?: readonly TicketState[] | null;
  readonly limit: number;
  readonly offset: number;
}

/** One public step of a ticket: a change of state, or a note meant for the citizen. */
export interface PublicTicketUpdate {
  readonly eventId: string;
  readonly ticketNumber: string;
  readonly categoryCode: string | null;
  /** CREATED, a TicketCommand name, or DUPLICATE_MERGED. */
  readonly type: string;
  readonly fromState: TicketState | null;
  readonly toState: TicketState;
  readonly occurredAt: Date;
  /** A public note's text; null for a bare change of state. */
  readonly note: string | null;
}

const COLUMNS = `t.id, t.number, t.state, t.kind, t.channel, t.category_code, t.opd_code, t.description,
  t.location_latitude, t.location_longitude, t.location_address, t.attachments, t.reported_at, t.updated_at, t.created_by, t.version,
  (select e.payload->>'text' from ticket_event e where e.ticket_id = t.id and e.type = 'ADD_NOTE' and e.payload->>'visibility' = '${NoteVisibility.PUBLIC}'
    order by e.seq desc limit 1) as public_note`;

interface Row {
  id: string;
  number: string;
  state: TicketState;
  kind: string;
  channel: TicketChannel;
  category_code: string | null;
  opd_code: string | null;
  description: string;
  location_latitude: number | null;
  location_longitude: number | null;
  location_address: string | null;
  attachments: Array<{ url: string }> | string;
  reported_at: Date | string;
  updated_at: Date | string;
  created_by: string;
  version: number;
  public_note: string | null;
}

/**
 * Tickets and their history as the public may see them, for open channels
 * (Open311). Confidential reports never appear (their numbers read as
 * unknown), nor do information requests (a private question, not a public
 * issue), nor tickets without a category. The SQL lives here, with the
 * table's owner.
 *
 * @example
 * const page = await reader.list({ categoryCodes: ['JALAN_RUSAK'], reportedFrom, reportedTo, limit: 50, offset: 0 });
 */
@Injectable()
export class PublicTicketReader {
  constructor(private readonly em: EntityManager) {}

  async list(filter: PublicTicketFilter): Promise<PublicTicket[]> {
    if (filter.categoryCodes.length === 0) return [];
    const byNumber = filter.numbers && filter.numbers.length > 0;
    const rows = await this.sql().query<Row>(
      `select ${COLUMNS} from ticket t
        where not t.reporter_confidential and t.kind <> 'INFORMATION'
          and t.category_code in (select value from jsonb_array_elements_text(cast(? as jsonb)))
          and (cast(? as jsonb) is null or t.number in (select value from jsonb_array_elements_text(cast(? as jsonb))))
          and (cast(? as timestamptz) is null or t.reported_at >= cast(? as timestamptz))
          and (cast(? as timestamptz) is null or t.reported_at <= cast(? as timestamptz))
          and (cast(? as jsonb) is null or t.state in (select value from jsonb_array_elements_text(cast(? as jsonb))))
        order by t.reported_at desc, t.id
        limit cast(? as int) offset cast(? as int)`,
      [
        JSON.stringify(filter.categoryCodes),
        ...twice(byNumber ? JSON.stringify(filter.numbers) : null),
        ...twice(byNumber ? null : filter.reportedFrom ?? null),
        ...twice(byNumber ? null : filter.reportedTo ?? null),
        ...twice(filter.states ? JSON.stringify(filter.states) : null),
        filter.limit,
        filter.offset,
      ],
    );
    return rows.map(toPublicTicket);
  }

  /** One ticket by number, or null when unknown or not public. */
  async byNumber(number: string, categoryCodes: readonly string[]): Promise<PublicTicket | null> {
    const [first] = await this.list({ numbers: [number], categoryCodes, limit: 1, offset: 0 });
    return first ?? null;
  }

  /** A non-confidential ticket by id, whatever its category (token look-ups). */
  async numberOf(id: string, channel: TicketChannel): Promise<string | null> {
    const [row] = await this.sql().query<{ number: string }>(
      'select number from ticket where id = cast(? as uuid) and channel = ? and not reporter_confidential',
      [id, channel],
    );
    return row?.number ?? null;
  }

  /** The ticket created with this idempotency key, with when it was created. */
  async byIdempotencyKey(key: string): Promise<{ id: string; number: string; createdAt: Date } | null> {
    const [row] = await this.sql().query<{ id: string; number: string; created_at: Date | string }>(
      'select id, number, created_at from ticket where idempotency_key = ?',
      [key],
    );
    return row ? { id: row.id, number: row.number, createdAt: new Date(row.created_at) } : null;
  }

  /** The id of a ticket's event by its seq (the ticket's version after it). */
  async eventId(ticketId: string, seq: number): Promise<string | null> {
    const [row] = await this.sql().query<{ id: string }>('select id from ticket_event where ticket_id = cast(? as uuid) and seq = ?', [ticketId, seq]);
    return row?.id ?? null;
  }

  /**
   * Changes of state and public notes of public tickets in [from, to),
   * oldest first. Internal notes, reassignments and the creation itself are
   * not updates a citizen is told about.
   */
  async updates(p: { from: Date; to: Date; categoryCodes: readonly string[]; limit: number }): Promise<PublicTicketUpdate[]> {
    if (p.categoryCodes.length === 0) return [];
    const rows = await this.sql().query<{
      id: string; number: string; category_code: string | null; type: string; from_state: TicketState | null;
      to_state: TicketState; occurred_at: Date | string; note: string | null;
    }>(
      `select e.id, t.number, t.category_code, e.type, e.from_state, e.to_state, e.occurred_at,
              case when e.type = 'ADD_NOTE' then e.payload->>'text' end as note
         from ticket_event e join ticket t on t.id = e.ticket_id
        where e.occurred_at >= cast(? as timestamptz) and e.occurred_at < cast(? as timestamptz)
          and not t.reporter_confidential and t.kind <> 'INFORMATION'
          and t.category_code in (select value from jsonb_array_elements_text(cast(? as jsonb)))
          and ((e.type = 'ADD_NOTE' and e.payload->>'visibility' = '${NoteVisibility.PUBLIC}')
               or (e.type <> 'CREATED' and e.from_state is distinct from e.to_state))
        order by e.occurred_at, e.ticket_id, e.seq
        limit cast(? as int)`,
      [p.from, p.to, JSON.stringify(p.categoryCodes), p.limit],
    );
    return rows.map((r) => ({
      eventId: r.id,
      ticketNumber: r.number,
      categoryCode: r.category_code,
      type: r.type,
      fromState: r.from_state,
      toState: r.to_state,
      occurredAt: new Date(r.occurred_at),
      note: r.note,
    }));
  }

  private sql(): SqlRunner {
    return entityManagerSql(this.em.fork());
  }
}

function twice<T>(value: T): [T, T] {
  return [value, value];
}

function toPublicTicket(r: Row): PublicTicket {
  const attachments = typeof r.attachments === 'string' ? (JSON.parse(r.attachments) as Array<{ url: string }>) : r.attachments;
  return {
    id: r.id,
    number: r.number,
    state: r.state,
    kind: r.kind,
    channel: r.channel,
    categoryCode: r.category_code,
    opdCode: r.opd_code,
    description: r.description,
    latitude: r.location_latitude,
    longitude: r.location_longitude,
    address: r.location_address,
    mediaUrls: (attachments ?? []).map((a) => a.url),
    reportedAt: new Date(r.reported_at),
    updatedAt: new Date(r.updated_at),
    createdBy: r.created_by,
    version: r.version,
    publicNote: r.public_note,
  };
}

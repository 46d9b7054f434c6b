import { randomUUID } from 'node:crypto';
import { Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { TicketState } from '../lifecycle';
import { Reporter } from './reporter.embeddable';
import { ACTIVE_EMERGENCY_SQL, NO_RUNNING_CLOCK, OPEN_STATE_SQL } from './open-tickets';
import { TicketLocation } from './ticket-location.embeddable';
import { SocialPlatform, TicketChannel, TicketKind, TicketPriority } from './ticket.enums';

/** A file kept elsewhere (object storage, the social platform) that belongs to a report. */
export interface AttachmentRef {
  url: string;
  mediaType: string;
  sizeBytes: number | null;
}

/**
 * One contact from a citizen, from intake to closure. Its state only changes
 * through the lifecycle table, in a command that also appends a TicketEvent.
 */
@Entity({ tableName: 'ticket' })
@Index({ name: 'ticket_state_reported_idx', properties: ['state', 'reportedAt'] })
@Index({ name: 'ticket_opd_state_idx', properties: ['opdCode', 'state'] })
@Index({ name: 'ticket_reported_idx', properties: ['reportedAt', 'id'] })
@Index({ name: 'ticket_updated_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'ticket_category_idx', properties: ['categoryCode'] })
@Index({ name: 'ticket_kind_priority_idx', properties: ['kind', 'priority'] })
@Index({ name: 'ticket_channel_idx', properties: ['channel'] })
@Index({ name: 'ticket_duplicate_of_idx', properties: ['duplicateOf'] })
@Index({ name: 'ticket_search_idx', expression: 'create index "ticket_search_idx" on "ticket" using gin ("search")' })
// Caller lookup and duplicate candidates (migration caller_lookup; the partial ones hold open tickets only).
@Index({
  name: 'ticket_reporter_phone_idx',
  expression: 'create index "ticket_reporter_phone_idx" on "ticket" ("reporter_phone", "reported_at" desc, "id" desc) where "reporter_phone" is not null',
})
@Index({
  name: 'ticket_open_place_idx',
  expression: `create index "ticket_open_place_idx" on "ticket" using gist (ll_to_earth("location_latitude", "location_longitude")) where ${OPEN_STATE_SQL} and "location_latitude" is not null and "location_longitude" is not null`,
})
@Index({
  name: 'ticket_open_village_idx',
  expression: `create index "ticket_open_village_idx" on "ticket" ("location_district", lower("location_village"), "reported_at") where ${OPEN_STATE_SQL} and "location_village" is not null`,
})
@Index({ name: 'ticket_sla_next_due_idx', properties: ['slaNextDueAt', 'id'] })
// The screens' lists (migration read_paths): open work is a small, hot subset of a large history,
// so its lists walk indexes that hold open tickets only, in the order the list is sorted.
@Index({ name: 'ticket_open_reported_idx', expression: `create index "ticket_open_reported_idx" on "ticket" ("reported_at", "id") where ${OPEN_STATE_SQL}` })
@Index({ name: 'ticket_open_kind_idx', expression: `create index "ticket_open_kind_idx" on "ticket" ("kind", "reported_at", "id") where ${OPEN_STATE_SQL}` })
@Index({ name: 'ticket_open_opd_idx', expression: `create index "ticket_open_opd_idx" on "ticket" ("opd_code", "reported_at", "id") where ${OPEN_STATE_SQL}` })
@Index({ name: 'ticket_open_due_idx', expression: `create index "ticket_open_due_idx" on "ticket" ("sla_next_due_at", "id") where ${OPEN_STATE_SQL}` })
// The SLA board's open emergencies (migration board_emergencies), in its order: it reads the first 200.
@Index({
  name: 'ticket_active_emergency_idx',
  expression: `create index "ticket_active_emergency_idx" on "ticket" ("sla_next_due_at", "reported_at" desc, "id") where ${ACTIVE_EMERGENCY_SQL}`,
})
@Index({ name: 'ticket_district_reported_idx', properties: ['location.district', 'reportedAt', 'id'] })
export class Ticket {
  [OptionalProps]?: 'id' | 'state' | 'heldFrom' | 'channelPlatform' | 'channelAccount' | 'channelReference' | 'reporter' | 'location' | 'categoryCode' | 'attributes' | 'opdCode' | 'translation' | 'translationLanguage' | 'attachments' | 'tags' | 'assignedUnit' | 'assignedOfficer' | 'duplicateOf' | 'outcomeNote' | 'reopenCount' | 'triagedAt' | 'dispatchedAt' | 'acknowledgedAt' | 'departedAt' | 'onSiteAt' | 'resolvedAt' | 'closedAt' | 'answeredAt' | 'rejectedAt' | 'idempotencyKey' | 'idempotencyHash' | 'version' | 'lastEventSeq' | 'search' | 'slaNextDueAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Human-readable, unique, sortable: BGL-2026-000123. */
  @Property({ type: 'text', unique: 'ticket_number_unique' })
  number!: string;

  @Enum({ items: () => TicketKind, type: 'text' })
  kind!: TicketKind;

  @Enum({ items: () => TicketPriority, type: 'text' })
  priority!: TicketPriority;

  @Enum({ items: () => TicketState, type: 'text' })
  state: TicketState = TicketState.NEW;

  /** The state ON_HOLD was entered from, so RESUME can go back to it. */
  @Enum({ items: () => TicketState, type: 'text', nullable: true })
  heldFrom: TicketState | null = null;

  /** Whether the OPD must attend the location (emergencies always do). */
  @Property({ type: 'boolean' })
  fieldResponse!: boolean;

  @Enum({ items: () => TicketChannel, type: 'text' })
  channel!: TicketChannel;

  @Enum({ items: () => SocialPlatform, type: 'text', nullable: true })
  channelPlatform: SocialPlatform | null = null;

  /** The official account or line the report came in on (e.g. @pemkabbangli, 112). */
  @Property({ type: 'text', nullable: true })
  channelAccount: string | null = null;

  /** A reference on that channel: a message URL, a call id. */
  @Property({ type: 'text', nullable: true })
  channelReference: string | null = null;

  @Embedded(() => Reporter, { prefix: 'reporter_' })
  reporter: Reporter = new Reporter();

  @Embedded(() => TicketLocation, { prefix: 'location_' })
  location: TicketLocation = new TicketLocation();

  /** A category row (never deleted, so history keeps its meaning). */
  @ManyToOne({ entity: 'OpdCategory', fieldName: 'category_code', mapToPk: true, nullable: true, deleteRule: 'restrict' })
  categoryCode: string | null = null;

  /** The responsible OPD: the category's. */
  @ManyToOne({ entity: 'Opd', fieldName: 'opd_code', mapToPk: true, nullable: true, deleteRule: 'restrict' })
  opdCode: string | null = null;

  /** Answers to the category's attributes (Open311 style), by attribute code. */
  @Property({ type: 'json', default: '{}' })
  attributes: Record<string, string | string[]> = {};

  /** In the reporter's own words and language. */
  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text' })
  descriptionLanguage!: string;

  @Property({ type: 'text', nullable: true })
  translation: string | null = null;

  @Property({ type: 'text', nullable: true })
  translationLanguage: string | null = null;

  @Property({ type: 'json', default: '[]' })
  attachments: AttachmentRef[] = [];

  @Property({ type: 'text[]', default: '{}' })
  tags: string[] = [];

  @Property({ type: 'text', nullable: true })
  assignedUnit: string | null = null;

  @Property({ type: 'text', nullable: true })
  assignedOfficer: string | null = null;

  /** Set when this ticket was merged into another (the survivor). */
  @ManyToOne(() => Ticket, { nullable: true, deleteRule: 'restrict' })
  duplicateOf: Ticket | null = null;

  /** The answer, resolution note or rejection reason: the last word so far. */
  @Property({ type: 'text', nullable: true })
  outcomeNote: string | null = null;

  @Property({ type: 'integer', default: 0 })
  reopenCount: number = 0;

  /** When the citizen reported: the start of every SLA clock. */
  @Property({ type: 'timestamptz' })
  reportedAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz', nullable: true }) triagedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) dispatchedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) departedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) onSiteAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) closedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) answeredAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) rejectedAt: Date | null = null;

  /** A client's key for retrying a create safely; unique when present. */
  @Property({ type: 'text', nullable: true, unique: 'ticket_idempotency_key_unique' })
  idempotencyKey: string | null = null;

  /** Digest of the create request, to tell a retry from a reuse of the key. */
  @Property({ type: 'text', nullable: true })
  idempotencyHash: string | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  /**
   * The seq of the newest event. Always changes with a command, so the
   * versioned UPDATE happens even when a command changes no other field
   * (a note in the same millisecond as the previous change).
   */
  @Property({ type: 'integer', default: 1 })
  lastEventSeq: number = 1;

  /**
   * The earliest due time of a running SLA clock (the next breach), as the
   * SLA engine reported it with the ticket's latest events; NO_RUNNING_CLOCK
   * when none runs. Orders the DUE_SOONEST list.
   */
  // No database default: every writer sets it (`default: null` stops the ORM inferring one from the initialiser).
  @Property({ type: 'timestamptz', default: null })
  slaNextDueAt: Date = NO_RUNNING_CLOCK;

  /** Free-text search over number, text and place; maintained by PostgreSQL. */
  @Property({
    type: 'tsvector',
    columnType: 'tsvector',
    lazy: true,
    hidden: true,
    generated:
      "to_tsvector('simple', number || ' ' || description || ' ' || coalesce(translation, '') || ' ' || coalesce(location_address, '') || ' ' || coalesce(location_village, '') || ' ' || coalesce(location_landmark, '')) stored",
  })
  search?: string;
}

import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
// A type-only import: the relation names its entity, so loading this file
// never loads the ticket domain (nor its GraphQL types) with it.
import type { Ticket } from '../../ticket';
import type { ClockStatus } from './sla-clock';
import type { SlaTimeline } from './sla-timeline';

/** A ticket's SLA timeline: the fold of its events the clocks are computed from. */
@Entity({ tableName: 'ticket_sla' })
export class TicketSla {
  [PrimaryKeyProp]?: 'ticket';

  @ManyToOne({ entity: 'Ticket', primary: true, deleteRule: 'cascade' })
  ticket!: Ticket;

  @Property({ type: 'json' })
  timeline!: SlaTimeline;

  /** The last event folded in. */
  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * One clock of one ticket. The columns up to `thresholds` follow from the
 * ticket's events (written with them); `firedPct` and `nextFireAt` belong to
 * the sweeper, which records each threshold once.
 */
@Entity({ tableName: 'ticket_sla_clock' })
@Index({
  name: 'ticket_sla_clock_next_fire_idx',
  // Only clocks with a threshold still to fire are in the index: the sweep
  // reads due rows from its front, however many tickets are open.
  expression: 'create index "ticket_sla_clock_next_fire_idx" on "ticket_sla_clock" ("next_fire_at") where "next_fire_at" is not null',
})
@Index({ name: 'ticket_sla_clock_report_idx', properties: ['reportedAt', 'opdCode'] })
@Index({
  name: 'ticket_sla_clock_board_idx',
  // The SLA board walks running and paused clocks in due order and stops at its limit.
  expression: `create index "ticket_sla_clock_board_idx" on "ticket_sla_clock" ("due_at", "ticket_id", "metric") where "status" in ('RUNNING', 'PAUSED')`,
})
@Index({
  name: 'ticket_sla_clock_live_idx',
  // Running or paused and not breached: the only clocks slaCompliance counts live (see SlaCompliance).
  expression: `create index "ticket_sla_clock_live_idx" on "ticket_sla_clock" ("reported_at", "opd_code", "metric", "status", "due_at") where "status" in ('RUNNING', 'PAUSED') and "breached_at" is null`,
})
export class TicketSlaClock {
  [PrimaryKeyProp]?: ['ticket', 'metric'];
  [OptionalProps]?: 'firedPct' | 'nextFireAt';

  @ManyToOne({ entity: 'Ticket', primary: true, deleteRule: 'cascade' })
  ticket!: Ticket;

  @PrimaryKey({ type: 'text' })
  metric!: string;

  @Property({ type: 'integer' })
  cycle!: number;

  @Property({ type: 'text' })
  status!: ClockStatus;

  @Property({ type: 'uuid', nullable: true })
  policyId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  policyVersion: number | null = null;

  @Property({ type: 'text' })
  calendarCode!: string;

  @Property({ type: 'integer' })
  targetMinutes!: number;

  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  stoppedAt: Date | null = null;

  @Property({ type: 'bigint' })
  elapsedMs!: string;

  @Property({ type: 'timestamptz', nullable: true })
  runningSince: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  dueAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  breachedAt: Date | null = null;

  @Property({ type: 'json' })
  thresholds!: Array<{ pct: number; at: string | null }>;

  /** Copied from the ticket for the compliance report's filters. */
  @Property({ type: 'text', nullable: true })
  opdCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  categoryCode: string | null = null;

  @Property({ type: 'timestamptz' })
  reportedAt!: Date;

  /** The highest threshold (percent) already recorded in this cycle. */
  @Property({ type: 'integer', default: 0 })
  firedPct: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  nextFireAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

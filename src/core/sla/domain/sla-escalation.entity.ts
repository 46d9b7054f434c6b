import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { EscalationTarget } from '../../opd';
// A type-only import: the relation names its entity, so loading this file
// never loads the ticket domain (nor its GraphQL types) with it.
import type { Ticket } from '../../ticket';

/**
 * A warning or breach of one clock, and who was told. The unique key makes
 * each threshold of each cycle happen once, however many sweepers run.
 */
@Entity({ tableName: 'sla_escalation' })
@Unique({ name: 'sla_escalation_once_unique', properties: ['ticket', 'metric', 'cycle', 'thresholdPct'] })
@Index({ name: 'sla_escalation_recorded_idx', properties: ['recordedAt', 'id'] })
@Index({ name: 'sla_escalation_opd_idx', properties: ['opdCode', 'recordedAt'] })
export class SlaEscalation {
  [OptionalProps]?: 'id' | 'acknowledgedAt' | 'acknowledgedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Ticket', deleteRule: 'cascade' })
  ticket!: Ticket;

  @Property({ type: 'text' })
  metric!: string;

  @Property({ type: 'integer' })
  cycle!: number;

  /** Percent of the target; 100 is the breach. */
  @Property({ type: 'integer' })
  thresholdPct!: number;

  /** The rung of the OPD's ladder that was followed. */
  @Property({ type: 'integer' })
  level!: number;

  @Property({ type: 'text', nullable: true })
  opdCode: string | null = null;

  @Property({ type: 'json' })
  notified!: EscalationTarget[];

  /** When the threshold was reached (from the clock). */
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  /** When the sweeper recorded it (the database's clock). */
  @Property({ type: 'timestamptz' })
  recordedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  acknowledgedBy: string | null = null;
}

import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * slaCompliance's aggregates, one row per local day (Asia/Makassar) of the
 * tickets' report, OPD ('' for none) and metric: clocks that stopped in time
 * (met), stopped late, or still run with a recorded breach, and a histogram
 * of the stopped ones' elapsed business time (buckets: SLA_ELAPSED_BUCKET_MS).
 * Written only by SQL: the clock triggers append deltas, sla_compliance_fold()
 * moves them here (migration read_paths).
 */
@Entity({ tableName: 'sla_compliance_day' })
export class SlaComplianceDay {
  [PrimaryKeyProp]?: ['day', 'opdCode', 'metric'];

  @PrimaryKey({ type: 'date' })
  day!: string;

  @PrimaryKey({ type: 'text' })
  opdCode!: string;

  @PrimaryKey({ type: 'text' })
  metric!: string;

  @Property({ type: 'integer', default: 0 }) met!: number;
  @Property({ type: 'integer', default: 0 }) breachedStopped!: number;
  @Property({ type: 'integer', default: 0 }) breachedRunning!: number;
  @Property({ type: 'integer[]', columnType: 'int[]' }) hist!: number[];
}

/** SlaComplianceDay summed per calendar month (`month` is its first day), so long periods read few rows. */
@Entity({ tableName: 'sla_compliance_month' })
export class SlaComplianceMonth {
  [PrimaryKeyProp]?: ['month', 'opdCode', 'metric'];

  @PrimaryKey({ type: 'date' })
  month!: string;

  @PrimaryKey({ type: 'text' })
  opdCode!: string;

  @PrimaryKey({ type: 'text' })
  metric!: string;

  @Property({ type: 'integer', default: 0 }) met!: number;
  @Property({ type: 'integer', default: 0 }) breachedStopped!: number;
  @Property({ type: 'integer', default: 0 }) breachedRunning!: number;
  @Property({ type: 'integer[]', columnType: 'int[]' }) hist!: number[];
}

/** A change to the aggregates not yet folded into SlaComplianceDay (appended by the clock triggers). */
@Entity({ tableName: 'sla_compliance_delta' })
@Index({ name: 'sla_compliance_delta_day_idx', properties: ['day'] })
export class SlaComplianceDelta {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'date' }) day!: string;
  @Property({ type: 'text' }) opdCode!: string;
  @Property({ type: 'text' }) metric!: string;
  @Property({ type: 'integer' }) met!: number;
  @Property({ type: 'integer' }) breachedStopped!: number;
  @Property({ type: 'integer' }) breachedRunning!: number;
  /** 1-based bucket of a stopped clock's elapsed time; null when the delta is not about a stopped clock. */
  @Property({ type: 'integer', nullable: true }) bucket!: number | null;
  @Property({ type: 'integer' }) histSign!: number;
}

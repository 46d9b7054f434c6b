import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A supervisor's mark on a phone number as a repeated prank or hoax caller,
 * with why. Cleared, never deleted: the rows of a number are its history.
 * At most one is active per number. A flag only informs: it never blocks a
 * report.
 */
@Entity({ tableName: 'caller_flag' })
@Index({ name: 'caller_flag_phone_idx', properties: ['phone', 'flaggedAt'] })
@Index({
  name: 'caller_flag_active_unique',
  expression: 'create unique index "caller_flag_active_unique" on "caller_flag" ("phone") where "cleared_at" is null',
})
export class CallerFlag {
  [OptionalProps]?: 'id' | 'clearedBy' | 'clearedAt' | 'clearReason';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** E.164, normalised like the intake's. */
  @Property({ type: 'text' })
  phone!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text' })
  flaggedBy!: string;

  @Property({ type: 'text' })
  flaggedByRole!: string;

  @Property({ type: 'timestamptz' })
  flaggedAt!: Date;

  @Property({ type: 'text', nullable: true })
  clearedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  clearedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  clearReason: string | null = null;
}

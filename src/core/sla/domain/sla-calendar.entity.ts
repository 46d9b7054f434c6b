import { Entity, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import type { WeeklyHours } from '../calendar';

/**
 * A named business calendar. Weekly hours change by effective date; holidays
 * are separate rows so a decree adding a day of collective leave is one edit.
 */
@Entity({ tableName: 'sla_calendar' })
export class SlaCalendar {
  [PrimaryKeyProp]?: 'code';
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  timeZone!: string;

  /** Every minute counts (emergencies); hours and holidays are ignored. */
  @Property({ type: 'boolean' })
  alwaysOpen!: boolean;

  @Property({ type: 'json' })
  hours!: Array<{ effectiveFrom: string; weekly: WeeklyHours }>;

  /** Optimistic lock: bumped by every change, holidays included. */
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'text' })
  updatedBy!: string;
}

/** Where a holiday came from: the national list seeded at boot, or an admin (e.g. a regent's decree). */
export enum HolidaySource {
  NATIONAL = 'NATIONAL',
  ADMIN = 'ADMIN',
}

/** A closed day. Removing one keeps the row (inactive), so the yearly seed does not bring it back. */
@Entity({ tableName: 'sla_calendar_holiday' })
export class SlaCalendarHoliday {
  [PrimaryKeyProp]?: ['calendar', 'date'];

  @ManyToOne(() => SlaCalendar, { primary: true, deleteRule: 'cascade' })
  calendar!: SlaCalendar;

  @PrimaryKey({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  source!: HolidaySource;

  @Property({ type: 'boolean' })
  active!: boolean;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'text' })
  updatedBy!: string;
}

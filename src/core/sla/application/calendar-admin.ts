import { OptimisticLockError } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import type { Actor } from '../../actor';
import { BusinessCalendar, CalendarSpecError, STANDARD_CALENDAR_CODES, WeeklyHours } from '../calendar';
import { HolidaySource, SlaCalendar, SlaCalendarHoliday } from '../domain/sla-calendar.entity';
import { SlaException } from '../domain/sla.exception';
import { SlaCatalog } from './sla-catalog';

type Hours = Array<{ effectiveFrom: string; weekly: WeeklyHours }>;

/**
 * Admins' changes to business calendars. Every change is checked by building
 * the calendar it would produce, so a bad time zone or overlapping hours is
 * refused with the calendar's own message. Deadlines already computed move
 * with the ticket's next event or an explicit re-evaluation.
 *
 * @example
 * await admin.addHoliday('WORKING_DAYS', '2027-03-07', 'Cuti bersama Nyepi', actor);
 */
@Injectable()
export class CalendarAdmin {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: SlaCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every calendar with its holidays, or just the one with `code`. */
  async list(code?: string): Promise<Array<{ calendar: SlaCalendar; holidays: SlaCalendarHoliday[] }>> {
    const em = this.em.fork();
    const [calendars, holidays] = await Promise.all([
      em.find(SlaCalendar, code ? { code } : {}, { orderBy: { code: 'asc' } }),
      em.find(SlaCalendarHoliday, code ? { calendar: code } : {}, { orderBy: { date: 'asc' } }),
    ]);
    return calendars.map((calendar) => ({ calendar, holidays: holidays.filter((h) => h.calendar.code === calendar.code) }));
  }

  async create(input: { code: string; name: string; timeZone: string; alwaysOpen: boolean; hours: Hours; nationalHolidays: boolean }, actor: Actor): Promise<SlaCalendar> {
    const now = this.clock.now();
    return this.change(input.code, async (tx) => {
      if (await tx.count(SlaCalendar, { code: input.code })) throw SlaException.invalidInput([`code: calendar ${input.code} exists already`]);
      check({ code: input.code, timeZone: input.timeZone, alwaysOpen: input.alwaysOpen, hours: input.hours, holidays: [] });
      const calendar = tx.create(SlaCalendar, { code: input.code, name: input.name, timeZone: input.timeZone, alwaysOpen: input.alwaysOpen, hours: input.hours, updatedAt: now, updatedBy: actor.userId });
      if (input.nationalHolidays) {
        const national = await tx.find(SlaCalendarHoliday, { calendar: STANDARD_CALENDAR_CODES.WORKING_DAYS, source: HolidaySource.NATIONAL, active: true });
        for (const h of national) tx.create(SlaCalendarHoliday, { calendar, date: h.date, name: h.name, source: HolidaySource.NATIONAL, active: true, updatedAt: now, updatedBy: actor.userId });
      }
      return calendar;
    });
  }

  /** Replaces the period starting on `hours.effectiveFrom`, or adds it. */
  setHours(code: string, expectedVersion: number, hours: Hours[number], actor: Actor): Promise<SlaCalendar> {
    return this.change(code, async (tx) => {
      const calendar = await this.load(tx, code, expectedVersion);
      const next = [...calendar.hours.filter((h) => h.effectiveFrom !== hours.effectiveFrom), hours].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      check({ code, timeZone: calendar.timeZone, alwaysOpen: calendar.alwaysOpen, hours: next, holidays: [] });
      calendar.hours = next;
      return this.touch(calendar, actor);
    });
  }

  addHoliday(code: string, date: string, name: string | undefined, actor: Actor): Promise<SlaCalendar> {
    if (!name?.trim()) return Promise.reject(SlaException.invalidInput(['name: a holiday needs a name']));
    return this.setHoliday(code, date, actor, (row, tx, calendar) => {
      const fields = { name: name.trim(), active: true, updatedAt: this.clock.now(), updatedBy: actor.userId };
      if (row) Object.assign(row, fields);
      else tx.create(SlaCalendarHoliday, { calendar, date, source: HolidaySource.ADMIN, ...fields });
    });
  }

  /** Keeps the row, inactive: the yearly seed of national holidays will not bring it back. */
  removeHoliday(code: string, date: string, actor: Actor): Promise<SlaCalendar> {
    return this.setHoliday(code, date, actor, (row) => {
      if (!row || !row.active) throw SlaException.invalidInput([`date: ${date} is not a holiday of ${code}`]);
      Object.assign(row, { active: false, updatedAt: this.clock.now(), updatedBy: actor.userId });
    });
  }

  private setHoliday(code: string, date: string, actor: Actor, apply: (row: SlaCalendarHoliday | null, tx: EntityManager, calendar: SlaCalendar) => void): Promise<SlaCalendar> {
    return this.change(code, async (tx) => {
      const calendar = await this.load(tx, code, null);
      check({ code, timeZone: calendar.timeZone, alwaysOpen: calendar.alwaysOpen, hours: calendar.hours, holidays: [date] });
      apply(await tx.findOne(SlaCalendarHoliday, { calendar, date }), tx, calendar);
      return this.touch(calendar, actor);
    });
  }

  private async load(tx: EntityManager, code: string, expectedVersion: number | null): Promise<SlaCalendar> {
    const calendar = await tx.findOne(SlaCalendar, { code });
    if (!calendar) throw SlaException.calendarNotFound(code);
    if (expectedVersion !== null && calendar.version !== expectedVersion) throw SlaException.versionConflict(`Calendar ${code}`, calendar.version);
    return calendar;
  }

  /** A changed row makes the ORM bump and check the version (a concurrent admin loses with VERSION_CONFLICT). */
  private touch(calendar: SlaCalendar, actor: Actor): SlaCalendar {
    calendar.updatedAt = this.clock.now();
    calendar.updatedBy = actor.userId;
    return calendar;
  }

  private async change(code: string, work: (tx: EntityManager) => Promise<SlaCalendar>): Promise<SlaCalendar> {
    try {
      const calendar = await this.em.fork().transactional(work);
      this.catalog.invalidate();
      return calendar;
    } catch (error) {
      if (error instanceof OptimisticLockError) {
        const current = await this.em.fork().findOne(SlaCalendar, { code });
        throw SlaException.versionConflict(`Calendar ${code}`, current?.version ?? 0);
      }
      throw error;
    }
  }
}

function check(spec: ConstructorParameters<typeof BusinessCalendar>[0]): void {
  try {
    new BusinessCalendar(spec);
  } catch (error) {
    if (error instanceof CalendarSpecError) throw SlaException.invalidInput([error.message]);
    throw error;
  }
}

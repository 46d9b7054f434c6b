import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { CalendarAdmin } from '../application/calendar-admin';
import type { SlaCalendar } from '../domain/sla-calendar.entity';
import { atSlaEdge } from './sla-api.errors';
import { CreateCalendarInput, HolidayInput, SetCalendarHoursInput } from './sla.inputs';
import { toSlaCalendarModel, toWeeklyHours } from './sla.mapper';
import { SlaCalendarModel } from './sla.model';

/** Business calendars: anyone may read them; admins edit hours and holidays. */
@Resolver()
export class SlaCalendarResolver {
  constructor(private readonly admin: CalendarAdmin) {}

  @Query(() => [SlaCalendarModel], { description: 'Business calendars with their weekly hours and holidays.' })
  async calendars(): Promise<SlaCalendarModel[]> {
    return (await this.admin.list()).map(({ calendar, holidays }) => toSlaCalendarModel(calendar, holidays));
  }

  @Mutation(() => SlaCalendarModel, { description: 'Adds a calendar (admins).' })
  createCalendar(@Args('input') input: CreateCalendarInput, @CurrentActor() actor: Actor): Promise<SlaCalendarModel> {
    return this.edge(() => this.admin.create({ ...input, hours: input.hours.map(toWeeklyHours) }, actor));
  }

  @Mutation(() => SlaCalendarModel, { description: 'Sets the weekly hours from a date (admins).' })
  setCalendarHours(@Args('input') input: SetCalendarHoursInput, @CurrentActor() actor: Actor): Promise<SlaCalendarModel> {
    return this.edge(() => this.admin.setHours(input.code, input.expectedVersion, toWeeklyHours(input.hours), actor));
  }

  @Mutation(() => SlaCalendarModel, { description: 'Closes a day (admins), e.g. cuti bersama or Galungan.' })
  addHoliday(@Args('input') input: HolidayInput, @CurrentActor() actor: Actor): Promise<SlaCalendarModel> {
    return this.edge(() => this.admin.addHoliday(input.code, input.date, input.name, actor));
  }

  @Mutation(() => SlaCalendarModel, { description: 'Opens a holiday again (admins); kept as inactive so the yearly seed does not restore it.' })
  removeHoliday(@Args('input') input: HolidayInput, @CurrentActor() actor: Actor): Promise<SlaCalendarModel> {
    return this.edge(() => this.admin.removeHoliday(input.code, input.date, actor));
  }

  private edge(change: () => Promise<SlaCalendar>): Promise<SlaCalendarModel> {
    return atSlaEdge(async () => {
      const code = (await change()).code;
      const [found] = await this.admin.list(code);
      return toSlaCalendarModel(found.calendar, found.holidays);
    });
  }
}
